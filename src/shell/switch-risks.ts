/**
 * Why a switch or variable is dangerous to the kiosk: named in the one-line refusal of a packaged
 * start (main/index.ts) and of the packaged CLI (src/cli/packaged-launch.ts). The packaged kiosk
 * refuses every switch it did not write itself anyway (launch-switches.ts); this table only says
 * why the well-known ones are bad, and the variables here are refused outright (Chromium, Electron
 * and Node read them before any of the kiosk's code runs, so ignoring them is not enough).
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
  'force-fieldtrials': 'engine-flags',
  'force-fieldtrial-params': 'engine-flags',
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
  // Every citizen's TLS session keys, written to a file: whoever reads it decrypts a capture.
  'ssl-key-log-file': 'tls-weakened',
  // Chromium writing outside the session-data root, which is the only one the wipe empties.
  'user-data-dir': 'data-outside-wiped-roots',
  'disk-cache-dir': 'data-outside-wiped-roots',
  'crash-dumps-dir': 'data-outside-wiped-roots',
  'trace-startup-file': 'data-outside-wiped-roots',
  'trace-to-file': 'data-outside-wiped-roots',
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
