import { CLI_MARKER } from './scheduled-program';

const helpOrVersion = new Set(['--help', '-h', 'help', '--version', '-v']);

/**
 * The CLI arguments in the packaged binary's argv, or null when it was started to be the kiosk.
 * The RunAsNode fuse is off, so the binary itself must run `wipe`, `status`, … and exit.
 * - With the marker (the Linux wrapper, the scheduled tasks): everything after it, always CLI,
 *   even with no words at all (help, exit 2): such a start can never open the kiosk window.
 * - Without it: Chromium/Electron switches first (`--no-sandbox`, `--ozone-platform=x11`), then a
 *   known command word, `--help` or `--version`. Anything else starts the kiosk. (Packaged, only the
 *   wrapper's own switches may come first: src/cli/packaged-launch.ts refuses the rest.)
 * `argv` is process.argv: the executable, then in development (`electron .`) the app path.
 */
export function cliArguments(argv: readonly string[], isPackaged: boolean, commandWords: ReadonlySet<string>): string[] | null {
  const rest = argv.slice(isPackaged ? 1 : 2);
  const marker = rest.indexOf(CLI_MARKER);
  if (marker >= 0) return rest.slice(marker + 1);
  const first = rest.findIndex((arg) => !arg.startsWith('--') || helpOrVersion.has(arg));
  if (first < 0) return null;
  const word = rest[first] ?? '';
  return commandWords.has(word) || helpOrVersion.has(word) ? rest.slice(first) : null;
}
