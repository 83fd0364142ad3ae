import { CLI_MARKER, LINUX_CLI_SWITCHES } from '../install/scheduled-program';
import { environmentRefusals, namedEnvironment, switchName } from '../shell/launch-switches';

/**
 * The packaged app's own binary run as the CLI (main/headless.ts: the OS scheduler's `wipe --if-due`,
 * the start-up wipe, an IT officer over SSH) under the same trust rules as the kiosk it belongs to:
 * the kiosk account's environment and whoever edits a scheduled task must not choose the policy a
 * state-changing command runs on. A development checkout's plain-Node CLI (bin/public-kiosk.js) is a
 * developer's tool and accepts everything, like `npm start`.
 */

/** Commands that only read a policy and report: an IT officer checks a draft file with them before rolling it out. */
export const POLICY_FILE_COMMANDS: readonly (readonly string[])[] = [['policy', 'check'], ['policy', 'check-url'], ['schedule'], ['report']];

/**
 * Variables the packaged CLI's own code reads, besides the OS's ProgramData (src/policy/os-folders.ts):
 * APPIMAGE, set by the AppImage runtime to the image file, is the program `install-schedule` names
 * for the timer (the image's mount point changes at every start). install-schedule writes a system
 * timer and so runs as root, whose environment is root's.
 */
export const cliEnvironment: readonly string[] = ['APPIMAGE'];

export interface PackagedCliInput {
  /** process.argv of the packaged binary: the executable first. */
  argv: readonly string[];
  /** The CLI's arguments as cliArguments() found them (the tail of argv). */
  cliArgs: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
}

export type PackagedCliDecision = { action: 'refuse'; reasons: string[] } | { action: 'run'; env: Record<string, string | undefined>; ignored: string[] };

export function decidePackagedCli(input: PackagedCliInput): PackagedCliDecision {
  const reasons: string[] = [];
  // Before the command: only the switches the Linux wrapper and the scheduled tasks write.
  const wrapper = input.platform === 'win32' ? [CLI_MARKER] : [...LINUX_CLI_SWITCHES];
  const leading = input.argv.slice(1, input.argv.length - input.cliArgs.length);
  for (const arg of leading) {
    if (!wrapper.includes(arg)) reasons.push(`${switchName(arg, input.platform) === null ? `"${arg}"` : `--${switchName(arg, input.platform) ?? ''}`} (not a switch the packaged CLI's wrapper writes)`);
  }
  const refusal = policyFileRefusal(input.cliArgs);
  if (refusal !== null) reasons.push(refusal);
  reasons.push(...environmentRefusals(input.env));
  if (reasons.length > 0) return { action: 'refuse', reasons };
  return { action: 'run', ...namedEnvironment(input.env, cliEnvironment, input.platform) };
}

/** `--policy FILE` on a command that is not one of POLICY_FILE_COMMANDS: why it is refused. */
export function policyFileRefusal(cliArgs: readonly string[]): string | null {
  if (!cliArgs.some((arg) => arg === '--policy' || arg.startsWith('--policy='))) return null;
  const command = POLICY_FILE_COMMANDS.find((words) => words.every((word, i) => cliArgs[i] === word));
  if (command !== undefined) return null;
  const words = cliArgs.slice(0, 2).filter((arg) => !arg.startsWith('-'));
  return `--policy FILE (the installed app's '${words.join(' ')}' runs on the machine policy; only policy check, policy check-url, schedule and report read another file)`;
}
