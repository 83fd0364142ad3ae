import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { escapeRegExp, policyDir } from '../policy/fixtures';

/**
 * wipe.sessionPaths (and wipe.extraPaths, same rules): a folder the wipe empties must be a folder of
 * its own. Each unsafe value is refused by the real CLI with FILE:LINE:COL, exit 2.
 */
const unsafe: { name: string; yaml: string[]; path: string; line: number; message: string }[] = [
  { name: 'the filesystem root', yaml: ['wipe:', '  sessionPaths:', '    - /'], path: 'wipe.sessionPaths[0]', line: 3, message: '/ is a filesystem or drive root' },
  { name: 'the root, spelled with dots', yaml: ['wipe:', '  sessionPaths:', '    - /srv/../'], path: 'wipe.sessionPaths[0]', line: 3, message: 'is a filesystem or drive root' },
  { name: 'the root, for Linux only', yaml: ['wipe:', '  sessionPaths:', '    - { windows: "C:\\\\Scans", linux: / }'], path: 'wipe.sessionPaths[0].linux', line: 3, message: 'filesystem or drive root' },
  { name: 'a home folder', yaml: ['wipe:', '  sessionPaths:', '    - /home/kiosk'], path: 'wipe.sessionPaths[0]', line: 3, message: 'is a home folder' },
  { name: 'the HOME folder', yaml: ['wipe:', '  sessionPaths:', '    - /srv/kiosk-home'], path: 'wipe.sessionPaths[0]', line: 3, message: 'is a home folder' },
  { name: 'a folder containing HOME', yaml: ['wipe:', '  sessionPaths:', '    - /srv'], path: 'wipe.sessionPaths[0]', line: 3, message: 'contains the home folder /srv/kiosk-home' },
  { name: 'a system folder', yaml: ['wipe:', '  sessionPaths:', '    - /etc'], path: 'wipe.sessionPaths[0]', line: 3, message: '/etc is a system folder' },
  { name: 'a folder holding system folders', yaml: ['wipe:', '  sessionPaths:', '    - /usr'], path: 'wipe.sessionPaths[0]', line: 3, message: 'is a system folder' },
  { name: 'inside a system folder', yaml: ['wipe:', '  sessionPaths:', '    - /etc/scanner'], path: 'wipe.sessionPaths[0]', line: 3, message: '/etc/scanner is inside the system folder /etc' },
  { name: 'relative', yaml: ['wipe:', '  sessionPaths:', '    - scans'], path: 'wipe.sessionPaths[0]', line: 3, message: 'not an absolute path' },
  { name: 'an unset variable', yaml: ['wipe:', '  sessionPaths:', '    - ${PK_TEST_UNSET_VAR}/scans'], path: 'wipe.sessionPaths[0]', line: 3, message: 'not set in the environment' },
  { name: 'inside the state root', yaml: ['paths:', '  state: /var/lib/pk-test/state', 'wipe:', '  sessionPaths:', '    - /var/lib/pk-test/state/scans'], path: 'wipe.sessionPaths[0]', line: 5, message: 'overlaps paths.state (/var/lib/pk-test/state)' },
  { name: 'the downloads root itself', yaml: ['paths:', '  downloads: /var/lib/pk-test/dl', 'wipe:', '  sessionPaths: [/var/lib/pk-test/dl]'], path: 'wipe.sessionPaths[0]', line: 4, message: 'overlaps paths.downloads' },
  { name: 'a folder holding the data roots', yaml: ['wipe:', '  sessionPaths:', '    - /var/lib/public-kiosk'], path: 'wipe.sessionPaths[0]', line: 3, message: 'overlaps paths.sessionData' },
  { name: 'inside an extra path', yaml: ['wipe:', '  extraPaths: [/srv/scanner]', '  sessionPaths: [/srv/scanner/out]'], path: 'wipe.sessionPaths[0]', line: 3, message: 'overlaps wipe.extraPaths[0] (/srv/scanner)' },
  { name: 'listed twice', yaml: ['wipe:', '  sessionPaths:', '    - /srv/scans', '    - /srv/scans/'], path: 'wipe.sessionPaths[1]', line: 4, message: 'overlaps wipe.sessionPaths[0]' },
  { name: 'not a path', yaml: ['wipe:', '  sessionPaths: /srv/scans'], path: 'wipe.sessionPaths', line: 2, message: '' },
  { name: 'an extra path on the state root (same rules)', yaml: ['wipe:', '  extraPaths:', '    - /var/lib/public-kiosk/state'], path: 'wipe.extraPaths[0]', line: 3, message: 'overlaps paths.state' },
  { name: 'an extra path that is the root (same rules)', yaml: ['wipe:', '  extraPaths: ["/"]'], path: 'wipe.extraPaths[0]', line: 2, message: 'filesystem or drive root' },
];

const files = policyDir();
afterAll(() => files.cleanup());
const env = { PK_TEST_UNSET_VAR: '', HOME: '/srv/kiosk-home' };

describe('public-kiosk policy check: wipe.sessionPaths', () => {
  it.each(unsafe.map((c, i) => [c.name, c, i] as const))('refuses %s → exit 2, FILE:LINE:COL path: message', (_name, c, i) => {
    const file = files.write(`session-paths-${i}.yaml`, `${c.yaml.join('\n')}\n`);
    const result = runCli(['policy', 'check', file], { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const line = new RegExp(`^${escapeRegExp(file)}:${c.line}:\\d+ ${escapeRegExp(c.path)}: (.+)$`, 'm');
    const match = line.exec(result.stderr);
    expect(match, result.stderr).not.toBeNull();
    expect(match?.[1]).toContain(c.message);
  });

  it('accepts a folder of its own, missing or not, and shows it in the summary', () => {
    const file = files.write('session-paths-ok.yaml', [
      'wipe:',
      '  sessionPaths:',
      '    - /srv/scanner/out',
      '    - { windows: "C:\\\\Scans", linux: "/srv/kiosk-home/Scans" }',
      '',
    ].join('\n'));
    const result = runCli(['policy', 'check', file], { env });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('every session and shift wipe empties: /srv/scanner/out; /srv/kiosk-home/Scans');
  });

  it('the other wipe commands refuse the same policy (exit 2, nothing run)', () => {
    const file = files.write('session-paths-wipe.yaml', 'wipe:\n  sessionPaths: [/etc]\n');
    const result = runCli(['wipe', '--policy', file], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`${escapeRegExp(file)}:2:\\d+ wipe\\.sessionPaths\\[0\\]: /etc is a system folder`));
  });
});
