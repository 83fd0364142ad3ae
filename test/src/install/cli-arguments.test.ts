import { describe, expect, it } from 'vitest';
import { cliArguments } from '../../../src/install/cli-arguments';
import { LINUX_CLI_SWITCHES } from '../../../src/install/scheduled-program';

const words = new Set(['wipe', 'status', 'audit', 'policy', 'install-schedule']);
const exe = '/opt/public-kiosk/public-kiosk';

describe('cliArguments: CLI command or kiosk start', () => {
  it.each([
    ['plain start', [exe], null],
    ['start with Chromium switches', [exe, '--no-sandbox', '--ozone-platform=x11'], null],
    ['an unknown word (e.g. a URL passed by a desktop file)', [exe, 'https://example.org'], null],
    ['a command', [exe, 'status'], ['status']],
    ['a command after Chromium switches', [exe, '--no-sandbox', 'wipe', '--if-due'], ['wipe', '--if-due']],
    ['--version and --help', [exe, '--version'], ['--version']],
    ['the Linux wrapper', [exe, ...LINUX_CLI_SWITCHES, 'wipe', '--if-due', '--json'], ['wipe', '--if-due', '--json']],
    ['the Windows task', ['C:\\Program Files\\public-kiosk\\public-kiosk.exe', '--kiosk-cli', 'wipe', '--if-due'], ['wipe', '--if-due']],
    ['the marker alone: CLI help, never the kiosk', [exe, '--kiosk-cli'], []],
    ['the marker with an unknown word: CLI error, never the kiosk', [exe, '--kiosk-cli', 'https://example.org'], ['https://example.org']],
  ])('packaged: %s', (_case, argv, expected) => {
    expect(cliArguments(argv, true, words)).toEqual(expected);
  });

  it('in development (`electron . …`) the app path is skipped', () => {
    expect(cliArguments(['/x/electron', '.', 'status', '--json'], false, words)).toEqual(['status', '--json']);
    expect(cliArguments(['/x/electron', '.'], false, words)).toBeNull();
  });
});
