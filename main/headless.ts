import { app } from 'electron';
import { commands } from '../src/cli/commands';
import { runCli } from '../src/cli/index';
import { decidePackagedCli } from '../src/cli/packaged-launch';
import { cliArguments } from '../src/install/cli-arguments';
import { regExeReader, windowsProgramData, withOsProgramData } from '../src/policy/os-folders';

/**
 * First thing in main/index.ts: when the binary was started with a CLI command (the OS scheduler's
 * `wipe --if-due`, an IT officer's `status`, …) run it with this process's stdio and exit, before
 * any window, session or single-instance lock exists. Resolves false when the kiosk should start.
 * Packaged, it runs under the kiosk's trust rules (src/cli/packaged-launch.ts): the decision is a
 * pure function tested with fakes; only a packaged build exercises this wiring.
 */
export async function runHeadlessIfCommand(argv: string[]): Promise<boolean> {
  const args = cliArguments(argv, app.isPackaged, new Set(commands.map((command) => command.words[0] ?? '')));
  if (args === null) return false;
  let env: Record<string, string | undefined> = process.env;
  if (app.isPackaged) {
    const decision = decidePackagedCli({ argv, cliArgs: args, env: process.env, platform: process.platform });
    if (decision.action === 'refuse') {
      process.stderr.write(`public-kiosk: refusing to run: ${decision.reasons.join(', ')}\n`);
      await drain(process.stderr);
      app.exit(2);
      return true;
    }
    const os = withOsProgramData(decision.env, process.env, process.platform, () => windowsProgramData(regExeReader()));
    for (const line of [...decision.ignored, ...os.notes]) process.stderr.write(`public-kiosk: note: ${line}\n`);
    env = os.env;
  }
  const code = await runCli(args, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env });
  // Pipes to Task Scheduler or journald may still hold output: let it drain before exiting.
  await Promise.all([drain(process.stdout), drain(process.stderr)]);
  app.exit(code);
  return true;
}

function drain(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    stream.write('', () => resolve());
  });
}
