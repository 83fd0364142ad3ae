import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { auditRecords, makeCliRoots, plant, type CliRoots } from './wipe-fixtures';

let roots: CliRoots;
afterEach(() => roots?.cleanup());

describe('public-kiosk wipe', () => {
  it('empties the roots from the policy, prints the result and records it (exit 0)', () => {
    roots = makeCliRoots();
    plant(roots.sessionData, { 'Default/Cookies': 'x', 'Default/Cache/Cache_Data/f_000001': 'yy' });
    plant(roots.downloads, { 's1/giay-to.pdf': 'zzz' });
    plant(roots.extraPaths[0] as string, { 'scan.jpg': 'j' });
    const result = runCli(['wipe', '--reason', 'shift-end', ...roots.args]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^shift wipe \(shift-end\) SUCCEEDED at .*: 4 files, 7 bytes removed/);
    for (const dir of [roots.sessionData, roots.downloads, ...roots.extraPaths]) expect(readdirSync(dir)).toEqual([]);
    expect(auditRecords(roots.state)).toMatchObject([{ type: 'wipe', trigger: 'shift-end', result: 'succeeded', filesRemoved: 4 }]);
  });

  it('--json gives the record; the root flags override the policy', () => {
    roots = makeCliRoots();
    const other = path.join(roots.base, 'other-downloads');
    plant(other, { 'a/b.pdf': 'b' });
    plant(roots.downloads, { 'keep/me.pdf': 'k' });
    const result = runCli(['wipe', '--json', '--downloads', other, ...roots.args]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; record: { filesRemoved: number }; outOfService: unknown };
    expect(report).toMatchObject({ ok: true, record: { filesRemoved: 1 }, outOfService: null });
    expect(readdirSync(other)).toEqual([]);
    expect(readdirSync(roots.downloads)).toEqual(['keep']);
  });

  it('--scope session removes one session only', () => {
    roots = makeCliRoots();
    plant(roots.sessionData, { 'Partitions/ab12/Cookies': 'x', 'Partitions/cd34/Cookies': 'y' });
    plant(roots.downloads, { 'ab12/f.pdf': 'f', 'cd34/g.pdf': 'g' });
    const result = runCli(['wipe', '--scope', 'session', '--session', 'ab12', '--reason', 'idle', ...roots.args]);
    expect(result.code).toBe(0);
    expect(readdirSync(path.join(roots.sessionData, 'Partitions'))).toEqual(['cd34']);
    expect(readdirSync(roots.downloads)).toEqual(['cd34']);
    expect(auditRecords(roots.state)).toMatchObject([{ scope: 'session', trigger: 'idle' }]);
  });

  it.each([
    [['--reason', 'because'], /--reason must be one of/],
    [['--scope', 'session'], /needs --session/],
    [['--scope', 'session', '--session', '../x'], /session id/],
    [['--session', 'ab'], /goes with --scope session/],
    [['extra'], /takes no arguments/],
  ])('bad input %j → exit 2, nothing deleted', (args, message) => {
    roots = makeCliRoots();
    plant(roots.downloads, { 'x/f.pdf': 'f' });
    const result = runCli(['wipe', ...args, ...roots.args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(readdirSync(roots.downloads)).toEqual(['x']);
  });
});

describe('public-kiosk wipe refuses dangerous roots (exit 2, nothing deleted, nothing recorded)', () => {
  const cases: [string, (r: CliRoots) => { args: string[]; env?: Record<string, string> }, RegExp][] = [
    ['a root missing from the policy (empty)', (r) => {
      plant(r.base, { 'no-sd.yaml': `paths:\n  sessionData: ''\n  downloads: ${r.downloads}\n  state: ${r.state}\n` });
      return { args: ['--policy', path.join(r.base, 'no-sd.yaml')] };
    }, /invalid policy[\s\S]*paths\.sessionData/],
    ['the filesystem root', () => ({ args: ['--session-data', '/'] }), /session-data root \/ is the filesystem root/],
    ['a home directory', (r) => {
      const home = path.join(r.base, 'kiosk-home');
      mkdirSync(home);
      return { args: ['--downloads', home], env: { HOME: home } };
    }, /downloads root .* is a home directory/],
    ['a folder containing a home directory', (r) => {
      const home = path.join(r.downloads, 'citizen-home');
      mkdirSync(home);
      return { args: [], env: { HOME: home } };
    }, /downloads root .* contains the home directory/],
    ['a root inside the state root', (r) => {
      mkdirSync(path.join(r.state, 'sd'));
      return { args: ['--session-data', path.join(r.state, 'sd')] };
    }, /session-data root lies inside state root/],
    ['two roots overlapping each other', (r) => ({ args: ['--downloads', path.join(r.sessionData, 'Default')] }), /downloads root lies inside session-data root/],
    ['a symbolic link leading elsewhere', (r) => {
      const link = path.join(r.base, 'link');
      symlinkSync(r.extraPaths[0] as string, link);
      return { args: ['--session-data', link, '--policy', writeNoExtra(r)] };
    }, /session-data root .*link is a symbolic link/],
    ['a root that does not exist', (r) => ({ args: ['--downloads', path.join(r.base, 'nope')] }), /downloads root .*nope does not exist/],
  ];

  it.each(cases)('%s', (_name, setup, message) => {
    roots = makeCliRoots();
    const files = { sd: 'Default/Cookies', dl: 's/f.pdf', ex: 'scan.jpg' };
    plant(roots.sessionData, { [files.sd]: 'c' });
    plant(roots.downloads, { [files.dl]: 'd' });
    plant(roots.extraPaths[0] as string, { [files.ex]: 'e' });
    const { args, env } = setup(roots);
    const result = runCli(['wipe', ...roots.args, ...args], env ? { env } : {});
    expect(result.stderr).toMatch(message);
    expect(result.code).toBe(2);
    expect(readFileSync(path.join(roots.sessionData, files.sd), 'utf8')).toBe('c');
    expect(readFileSync(path.join(roots.downloads, files.dl), 'utf8')).toBe('d');
    expect(readFileSync(path.join(roots.extraPaths[0] as string, files.ex), 'utf8')).toBe('e');
    expect(existsSync(path.join(roots.state, 'audit.log'))).toBe(false);
    expect(existsSync(path.join(roots.state, 'wipe-journal.json'))).toBe(false);
  });
});

/** The same roots without extra paths, so an extra path can serve as a symlink's target. */
function writeNoExtra(r: CliRoots): string {
  const file = path.join(r.base, 'no-extra.yaml');
  plant(r.base, { 'no-extra.yaml': readFileSync(r.policyFile, 'utf8').replace(/extraPaths: .*/, 'extraPaths: []') });
  return file;
}
