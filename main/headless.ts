import { app } from 'electron';
import { commands } from '../src/cli/commands';
import { runCli } from '../src/cli/index';
import { cliArguments } from '../src/install/cli-arguments';

/**
 * First thing in main/index.ts: when the binary was started with a CLI command (the OS scheduler's
 * `wipe --if-due`, an IT officer's `status`, …) run it with this process's stdio and exit, before
 * any window, session or single-instance lock exists. Resolves false when the kiosk should start.
 */
export async function runHeadlessIfCommand(argv: string[]): Promise<boolean> {
  const args = cliArguments(argv, app.isPackaged, new Set(commands.map((command) => command.words[0] ?? '')));
  if (args === null) return false;
  const code = await runCli(args, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
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
