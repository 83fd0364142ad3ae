/**
 * What the packaged kiosk accepts from its own command line and environment. Whoever can edit the
 * kiosk's shortcut, its scheduled task or the kiosk account's environment must not be able to point
 * it at another policy, open a debugger into it, turn its sandbox off, route or log citizens' traffic.
 * An allowlist, not a denylist: a switch a later Chromium adds is refused too. Decided here as data
 * over argv/env; main/index.ts only carries it out (one log line and exit 1 on a refusal).
 * A development checkout (not packaged) accepts everything: `npm start`, `npm run dev`, the tests.
 */
import { refusedEnvironment, refusedSwitches } from './switch-risks';

/** The switch a relaunch for a shift wipe adds, with the controller's trigger (main/kiosk/startup-wipe.ts). */
export const WIPE_ON_START = '--wipe-on-start';
/**
 * The switch a relaunch adds to run on the state root's last-applied copy of the machine policy
 * (its sha256): after a pick-up (exactly the bytes validated) or when the machine file was rejected.
 * The copy is trusted only against the state root the machine file (or the built-in defaults) names.
 */
export const LAST_APPLIED_POLICY = '--last-applied-policy';

/**
 * Everything the packaged kiosk's main process can legitimately find after its executable:
 * - its own relaunch markers (main/electron/lifecycle.ts passes app.relaunch exactly these);
 * - nothing else. The Windows shortcut and the logon scheduled task start the executable with the
 *   arguments the installer wrote, which are none; the Linux session script (`exec /usr/bin/public-kiosk`)
 *   and an autostart `Exec=` line without field codes add none; Electron's relaunch passes only the
 *   `args` given (its `--type=relauncher` helper and Chromium's `--type=renderer|gpu-process|utility`
 *   children are other processes, which never run this code). macOS' `-psn_…` is not a target.
 * The values are checked too: a marker cannot carry a second switch.
 */
const ownSwitches: Readonly<Record<string, RegExp>> = {
  [WIPE_ON_START.slice(2)]: /^[a-z][a-z-]{0,31}$/,
  [LAST_APPLIED_POLICY.slice(2)]: /^[0-9a-f]{64}$/,
};

/**
 * Variables the kiosk's own code reads, besides those the OS answers for (the ProgramData known
 * folder, src/policy/os-folders.ts). None: a policy path's `${NAME}` that is not the OS's ProgramData
 * stays unset, so the kiosk account's environment cannot move a data root or a wiped folder. Every
 * other variable is ignored by this code (Chromium and the OS libraries still read theirs: the
 * dangerous ones are refused, switch-risks.ts).
 */
export const kioskEnvironment: readonly string[] = [];

/** The kiosk's own variables: a packaged kiosk never uses them, and says so once each. */
export const OWN_VARIABLES = ['PUBLIC_KIOSK_POLICY', 'PUBLIC_KIOSK_MACHINE_POLICY', 'PUBLIC_KIOSK_DEV_DATA'] as const;

export interface LaunchInput {
  /** process.argv: the executable, then (not packaged) the app path, then the arguments. */
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  isPackaged: boolean;
  platform: NodeJS.Platform;
}

export type LaunchDecision =
  | { action: 'refuse'; reasons: string[] }
  | {
      action: 'start';
      /** argv and env as the rest of main must read them (planBoot, relaunch). */
      argv: string[];
      env: Record<string, string | undefined>;
      /**
       * The environment of the processes it starts (its own binary as the CLI for the start-up wipe):
       * the OS libraries there need theirs (D-Bus, SystemRoot), and that CLI applies these same rules.
       * Packaged: without the kiosk's own variables.
       */
      childEnv: Record<string, string | undefined>;
      /** What was dropped and why, one log line each (never a value: a path may name a person). */
      ignored: string[];
    };

/** `--name=value` / `-name` / `/name` (Windows) → `name`, lower case; null for a plain argument. */
export function switchName(arg: string, platform: NodeJS.Platform): string | null {
  const match = /^(--?|\/)([^=]+)(=.*)?$/s.exec(arg);
  if (!match || (match[1] === '/' && platform !== 'win32')) return null;
  return (match[2] ?? '').toLowerCase();
}

/** Why one argument is refused by the packaged kiosk, or null when it is one of its own. */
export function argumentRefusal(arg: string, platform: NodeJS.Platform): string | null {
  const name = switchName(arg, platform);
  if (name === null) return `"${shorten(arg)}" (the packaged kiosk takes no plain arguments)`;
  const risk = refusedSwitches[name];
  if (risk !== undefined) return `--${name} (${risk})`;
  const own = ownSwitches[name];
  const value = /^--[^=]+=(.*)$/s.exec(arg)?.[1];
  if (own !== undefined && arg.startsWith('--') && value !== undefined && own.test(value)) return null;
  if (own !== undefined) return `--${name} (not a value the kiosk writes)`;
  return `--${name} (not a switch the packaged kiosk writes)`;
}

/** Dangerous variables present in `env`, as `NAME (risk)`. */
export function environmentRefusals(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.entries(env).flatMap(([key, value]) => {
    const risk = value === undefined ? undefined : refusedEnvironment[key.toUpperCase()];
    return risk === undefined ? [] : [`${key} (${risk})`];
  });
}

/**
 * The environment as a packaged program's own code may read it: only the `allowed` names (any
 * letter case on Windows), plus a line for each of the kiosk's own variables it drops.
 */
export function namedEnvironment(env: Readonly<Record<string, string | undefined>>, allowed: readonly string[], platform: NodeJS.Platform) {
  const wanted = new Set(allowed.map((name) => (platform === 'win32' ? name.toUpperCase() : name)));
  const kept: Record<string, string | undefined> = {};
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (wanted.has(platform === 'win32' ? key.toUpperCase() : key)) kept[key] = value;
    else if ((OWN_VARIABLES as readonly string[]).includes(key.toUpperCase())) ignored.push(`${key.toUpperCase()} ignored: the packaged kiosk uses only the machine policy file`);
  }
  return { env: kept, ignored };
}

export function decideLaunch(input: LaunchInput): LaunchDecision {
  if (!input.isPackaged) return { action: 'start', argv: [...input.argv], env: { ...input.env }, childEnv: { ...input.env }, ignored: [] };
  const reasons = input.argv.slice(1).flatMap((arg) => argumentRefusal(arg, input.platform) ?? []);
  reasons.push(...environmentRefusals(input.env));
  if (reasons.length > 0) return { action: 'refuse', reasons };
  const { env, ignored } = namedEnvironment(input.env, kioskEnvironment, input.platform);
  const childEnv = Object.fromEntries(Object.entries(input.env).filter(([key]) => !(OWN_VARIABLES as readonly string[]).includes(key.toUpperCase())));
  return { action: 'start', argv: [...input.argv], env, childEnv, ignored };
}

/**
 * The arguments of a relaunch (shift wipe, policy pick-up). Packaged: only the relaunch's own markers,
 * so nothing that reached this process's command line survives into the next one. A development
 * checkout keeps its app path and arguments (minus earlier markers), or `npm start` could not relaunch.
 */
export function relaunchArguments(argv: readonly string[], isPackaged: boolean, extra: readonly string[]): string[] {
  if (isPackaged) return [...extra];
  const markers = [WIPE_ON_START, LAST_APPLIED_POLICY];
  return [...argv.slice(1).filter((arg) => !markers.some((marker) => arg.startsWith(`${marker}=`))), ...extra];
}

function shorten(arg: string): string {
  return arg.length > 40 ? `${arg.slice(0, 37)}…` : arg;
}
