/**
 * What the packaged kiosk accepts from its own command line and environment. Whoever can edit the
 * kiosk's shortcut (or the kiosk user's environment) must not be able to point it at another policy,
 * open a debugger into it, turn its sandbox off or route citizens' traffic elsewhere. Decided here as
 * data over argv/env; main/index.ts only carries it out (one log line and exit 1 on a refusal).
 * A development checkout (not packaged) accepts everything: `npm start`, `npm run dev`, the tests.
 */

export type SwitchRisk =
  | 'debugger'
  | 'sandbox-off'
  | 'web-security-off'
  | 'engine-flags'
  | 'traffic-redirect'
  | 'tls-weakened'
  | 'data-outside-wiped-roots'
  | 'runs-other-code'
  | 'logs-browsing';

/**
 * Chromium and Node switches that weaken the kiosk, with why. Names are compared lower-case, without
 * their `--`/`-` prefix or `=value` (Chromium accepts `-x` and `--x`, and `/x` on Windows, where it
 * also lower-cases switch names).
 */
export const refusedSwitches: Readonly<Record<string, SwitchRisk>> = {
  // A debugger or DevTools protocol endpoint reads every page, cookie and keystroke.
  'remote-debugging-port': 'debugger',
  'remote-debugging-pipe': 'debugger',
  'remote-debugging-address': 'debugger',
  'remote-debugging-io-pipes': 'debugger',
  'remote-allow-origins': 'debugger',
  'auto-open-devtools-for-tabs': 'debugger',
  inspect: 'debugger',
  'inspect-brk': 'debugger',
  'inspect-port': 'debugger',
  'inspect-wait': 'debugger',
  'inspect-brk-node': 'debugger',
  'inspect-publish-uid': 'debugger',
  debug: 'debugger',
  'debug-brk': 'debugger',
  'debug-port': 'debugger',
  // The renderer sandbox and site isolation keep a hostile page away from the OS and other sites.
  'no-sandbox': 'sandbox-off',
  'disable-setuid-sandbox': 'sandbox-off',
  'disable-namespace-sandbox': 'sandbox-off',
  'disable-seccomp-filter-sandbox': 'sandbox-off',
  'disable-gpu-sandbox': 'sandbox-off',
  'no-zygote': 'sandbox-off',
  'single-process': 'sandbox-off',
  'in-process-gpu': 'sandbox-off',
  'disable-site-isolation-trials': 'sandbox-off',
  'disable-web-security': 'web-security-off',
  'allow-running-insecure-content': 'web-security-off',
  'allow-file-access-from-files': 'web-security-off',
  'unsafely-treat-insecure-origin-as-secure': 'web-security-off',
  'disable-features': 'web-security-off',
  'enable-features': 'web-security-off',
  'enable-blink-features': 'web-security-off',
  'disable-blink-features': 'web-security-off',
  'enable-experimental-web-platform-features': 'web-security-off',
  'js-flags': 'engine-flags',
  // Host rules send a portal's name to another address; a proxy sees (and with a weakened TLS
  // check, reads) every form a citizen submits. A unit's real proxy belongs in the OS settings.
  'host-rules': 'traffic-redirect',
  'host-resolver-rules': 'traffic-redirect',
  'proxy-server': 'traffic-redirect',
  'proxy-pac-url': 'traffic-redirect',
  'proxy-bypass-list': 'traffic-redirect',
  'ignore-certificate-errors': 'tls-weakened',
  'ignore-certificate-errors-spki-list': 'tls-weakened',
  'ignore-urlfetcher-cert-requests': 'tls-weakened',
  // Chromium writing outside the session-data root, which is the only one the wipe empties.
  'user-data-dir': 'data-outside-wiped-roots',
  'disk-cache-dir': 'data-outside-wiped-roots',
  'crash-dumps-dir': 'data-outside-wiped-roots',
  // Another program started for every renderer, or code loaded into the browser.
  'renderer-cmd-prefix': 'runs-other-code',
  'gpu-launcher': 'runs-other-code',
  'utility-cmd-prefix': 'runs-other-code',
  'browser-subprocess-path': 'runs-other-code',
  'load-extension': 'runs-other-code',
  require: 'runs-other-code',
  // Verbose logs to a file keep URLs (and so personal data) outside every wiped root.
  'enable-logging': 'logs-browsing',
  'log-file': 'logs-browsing',
  'log-net-log': 'logs-browsing',
  v: 'logs-browsing',
  vmodule: 'logs-browsing',
};

/** Environment variables with the same effects (NODE_OPTIONS is also closed by a fuse; both hold). */
export const refusedEnvironment: Readonly<Record<string, SwitchRisk>> = {
  NODE_OPTIONS: 'runs-other-code',
  ELECTRON_RUN_AS_NODE: 'runs-other-code',
  NODE_EXTRA_CA_CERTS: 'tls-weakened',
  SSLKEYLOGFILE: 'tls-weakened',
  ELECTRON_ENABLE_LOGGING: 'logs-browsing',
};

/** Switches only a development checkout may use: the policy comes from the machine file alone. */
const devOnlyFlags = ['dev'] as const;
const devOnlyValues = ['policy'] as const;
export const DEV_ONLY_ENV = 'PUBLIC_KIOSK_POLICY';

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
      /** What was dropped and why, one log line each (never a value: a path may name a person). */
      ignored: string[];
    };

/** `--name=value` / `-name` / `/name` (Windows) → `name`, lower case; null for a plain argument. */
export function switchName(arg: string, platform: NodeJS.Platform): string | null {
  const match = /^(--?|\/)([^=]+)(=.*)?$/s.exec(arg);
  if (!match || (match[1] === '/' && platform !== 'win32')) return null;
  return (match[2] ?? '').toLowerCase();
}

export function decideLaunch(input: LaunchInput): LaunchDecision {
  const argv = [...input.argv];
  const env = { ...input.env };
  if (!input.isPackaged) return { action: 'start', argv, env, ignored: [] };
  const reasons: string[] = [];
  for (const arg of argv.slice(1)) {
    const name = switchName(arg, input.platform);
    const risk = name === null ? undefined : refusedSwitches[name];
    if (risk !== undefined && name !== null) reasons.push(`--${name} (${risk})`);
  }
  for (const [key, value] of Object.entries(env)) {
    const risk = value === undefined ? undefined : refusedEnvironment[key.toUpperCase()];
    if (risk !== undefined) reasons.push(`${key} (${risk})`);
  }
  if (reasons.length > 0) return { action: 'refuse', reasons };

  const kept: string[] = [argv[0] ?? ''];
  const ignored: string[] = [];
  for (let i = 1; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const name = switchName(arg, input.platform);
    if (name !== null && (devOnlyFlags as readonly string[]).includes(name)) {
      ignored.push(`--${name} ignored: the packaged kiosk has no development mode`);
      continue;
    }
    if (name !== null && (devOnlyValues as readonly string[]).includes(name)) {
      // `--policy FILE` takes the next argument too; `--policy=FILE` does not.
      if (!arg.includes('=')) i += 1;
      ignored.push(`--${name} ignored: the packaged kiosk uses only the machine policy file`);
      continue;
    }
    kept.push(arg);
  }
  for (const key of Object.keys(env)) {
    if (key.toUpperCase() === DEV_ONLY_ENV) {
      delete env[key];
      ignored.push(`${DEV_ONLY_ENV} ignored: the packaged kiosk uses only the machine policy file`);
    }
  }
  return { action: 'start', argv: kept, env, ignored };
}

/**
 * The arguments of a relaunch (shift wipe, policy reload). Packaged: only the relaunch's own marker,
 * so nothing that reached this process's command line survives into the next one. A development
 * checkout keeps its app path and arguments (minus an earlier marker), or `npm start` could not relaunch.
 */
export function relaunchArguments(argv: readonly string[], isPackaged: boolean, marker: string, extra: readonly string[]): string[] {
  if (isPackaged) return [...extra];
  return [...argv.slice(1).filter((arg) => !arg.startsWith(`${marker}=`)), ...extra];
}
