import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KIOSK_CREDENTIAL_SERVICE } from '../../../src/secrets/credential-store';
import { gatherProtectedDirs, type ProtectedDirs } from '../../../src/wipe/protected-dirs';
import { describeWindowsRemotePath } from '../../../src/policy/windows-paths';
import { assertSafeRoots } from '../../../src/wipe/root-safety';
import { WipeRefusedError, type WipeRoots } from '../../../src/wipe/types';
import { makeRoots, type TempRoots } from './helpers';

let roots: TempRoots;
afterEach(() => roots?.cleanup());

// Stand-ins for the machine's home, system and program folders, inside the test's own temp folder.
function protectedIn(base: string): ProtectedDirs {
  const dirs = { homes: [path.join(base, 'home', 'can-bo')], system: [path.join(base, 'etc')], program: [path.join(base, 'app', 'kiosk')] };
  for (const dir of [...dirs.homes, ...dirs.system, ...dirs.program]) mkdirSync(dir, { recursive: true });
  return dirs;
}

async function reasons(change: (r: TempRoots) => Partial<WipeRoots>, services: string[] = []): Promise<string[]> {
  const dirs = protectedIn(roots.base);
  try {
    await assertSafeRoots({ ...roots, ...change(roots) }, services, dirs);
    return [];
  } catch (error) {
    if (error instanceof WipeRefusedError) return error.reasons;
    throw error;
  }
}

describe('assertSafeRoots', () => {
  it('accepts three separate real folders', async () => {
    roots = makeRoots(2);
    expect(await reasons(() => ({}))).toEqual([]);
  });

  it.each([
    ['missing', () => ({ downloads: '' }), /downloads root is missing/],
    ['relative', () => ({ downloads: 'downloads' }), /must be an absolute path/],
    ['the filesystem root', () => ({ sessionData: path.parse(process.cwd()).root }), /is the filesystem root/],
    ['a home directory', (r: TempRoots) => ({ downloads: path.join(r.base, 'home', 'can-bo') }), /is a home directory/],
    ['a parent of home directories', (r: TempRoots) => ({ downloads: path.join(r.base, 'home') }), /contains the home directory/],
    ['a system folder', (r: TempRoots) => ({ extraPaths: [path.join(r.base, 'etc')] }), /extra path 1 .* is a system folder/],
    ['the folder holding the program', (r: TempRoots) => ({ sessionData: path.join(r.base, 'app') }), /contains the kiosk program/],
    ['inside the state root', (r: TempRoots) => ({ sessionData: r.state }), /session-data root and state root are the same folder/],
    ['containing the state root', (r: TempRoots) => {
      mkdirSync(path.join(r.sessionData, 'kiosk-state'));
      return { state: path.join(r.sessionData, 'kiosk-state') };
    }, /state root lies inside session-data root/],
  ])('refuses a root that is %s', async (_name, change, message) => {
    roots = makeRoots(0);
    expect((await reasons(change)).join('\n')).toMatch(message);
  });

  it('refuses a symbolic link, and a real path reached through a linked parent that leads into a protected folder', async () => {
    roots = makeRoots(0);
    const dirs = protectedIn(roots.base);
    symlinkSync(roots.downloads, path.join(roots.base, 'dl-link'));
    symlinkSync(path.join(roots.base, 'home'), path.join(roots.base, 'homes-link'));
    expect((await reasons(() => ({ downloads: path.join(roots.base, 'dl-link') }))).join()).toMatch(/is a symbolic link \(to .*downloads\)/);
    const viaLink = path.join(roots.base, 'homes-link', 'can-bo');
    await expect(assertSafeRoots({ ...roots, downloads: viaLink }, [], dirs)).rejects.toThrow(/downloads root .*can-bo is a home directory/);
  });

  it('refuses to wipe the kiosk\'s own credential service', async () => {
    roots = makeRoots(0);
    expect(await reasons(() => ({}), ['portal', KIOSK_CREDENTIAL_SERVICE])).toEqual([
      `credential service '${KIOSK_CREDENTIAL_SERVICE}' holds the kiosk's own keys and cannot be wiped`,
    ]);
  });

  it('lists every problem at once', async () => {
    roots = makeRoots(0);
    expect(await reasons((r) => ({ sessionData: '/', downloads: path.join(r.base, 'nope') }))).toHaveLength(2);
  });
});

describe('Windows spellings that are not local folders', () => {
  it.each([
    ['\\\\fileserver\\scans\\kiosk', /network \(UNC\) path/],
    ['//fileserver/scans', /network \(UNC\) path/],
    ['\\\\?\\UNC\\fileserver\\scans', /network \(UNC\) path/],
    ['\\\\?\\unc\\fileserver\\scans', /network \(UNC\) path/],
    ['\\\\.\\UNC\\fileserver\\scans', /network \(UNC\) path/],
    ['\\\\.\\C:\\ProgramData', null],
    ['\\\\.\\PhysicalDrive0', /device path/],
    ['\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1\\x', /device path/],
    ['\\\\?\\Volume{0b1d2c3e-0000-0000-0000-100000000000}\\kiosk', /device path/],
    ['\\\\?\\C:\\ProgramData\\public-kiosk\\session-data', null],
    ['C:\\ProgramData\\public-kiosk\\session-data', null],
    ['D:\\Scans', null],
  ])('%s', (value, expected) => {
    const answer = describeWindowsRemotePath(value);
    if (expected === null) expect(answer).toBeNull();
    else expect(answer).toMatch(expected);
  });
});

describe('operating-system trees', () => {
  it('refuses a root anywhere inside one, and still accepts a root beside it', async () => {
    roots = makeRoots(0);
    const dirs = { ...protectedIn(roots.base), systemTrees: [path.join(roots.base, 'windows')] };
    const inside = path.join(roots.base, 'windows', 'System32', 'drivers');
    mkdirSync(inside, { recursive: true });
    await expect(assertSafeRoots({ ...roots, extraPaths: [inside] }, [], dirs)).rejects.toThrow(/extra path 1 .*drivers lies inside the system folder .*windows$/);
    await expect(assertSafeRoots(roots, [], dirs)).resolves.toBeUndefined();
  });

  it('on this machine include the OS trees (here: /usr and /etc)', () => {
    if (process.platform === 'win32') return;
    expect(gatherProtectedDirs().systemTrees).toEqual(expect.arrayContaining(['/usr', '/etc']));
  });
});
