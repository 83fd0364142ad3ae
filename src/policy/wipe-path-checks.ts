import path from 'node:path';
import type { PathSegment } from './issues';
import { describeWindowsRemotePath } from './windows-paths';

/**
 * What `policy check` can tell from the text of a folder the wipe empties (wipe.extraPaths,
 * wipe.sessionPaths), before any wipe runs: not the filesystem root, not a home or system folder
 * (nor one containing it), and no overlap with the data roots, the state root or another wipe folder.
 * The wipe itself checks again on the real disk (symbolic links, src/wipe/root-safety.ts).
 */

export interface PlacedPath {
  /** For messages: 'paths.state', 'wipe.sessionPaths[0]'. */
  field: string;
  /** Where the issue points in the policy file. */
  at: PathSegment[];
  /** Absolute, expanded. */
  value: string;
}

/** POSIX folders no wipe folder may be or contain (the wipe's own disk checks use the same list). */
export const posixSystem: readonly string[] = [
  '/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/lib32', '/lib64', '/media', '/mnt', '/opt', '/proc', '/root', '/run',
  '/sbin', '/snap', '/srv', '/sys', '/tmp', '/usr', '/usr/local', '/var', '/var/lib', '/var/tmp',
  '/Applications', '/Library', '/System', '/Users', '/Volumes', '/private', '/private/var', '/private/tmp',
];
/** Nothing below these belongs to a citizen: the operating system and installed programs. */
const posixSealed = ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/proc', '/run', '/sbin', '/sys', '/usr', '/System', '/Library', '/Applications'];
const windowsSealed = ['C:\\Windows', 'C:\\Program Files', 'C:\\Program Files (x86)'];
const windowsSealedVars = ['SystemRoot', 'windir', 'ProgramFiles', 'ProgramFiles(x86)'];
const windowsSystem = ['C:\\Windows', 'C:\\Program Files', 'C:\\Program Files (x86)', 'C:\\ProgramData', 'C:\\Users'];
const windowsSystemVars = ['SystemRoot', 'windir', 'ProgramFiles', 'ProgramFiles(x86)', 'ProgramData', 'APPDATA', 'LOCALAPPDATA', 'PUBLIC'];

export function pathRelations(platform: NodeJS.Platform) {
  const flavour = platform === 'win32' ? path.win32 : path.posix;
  const fold = (p: string) => (platform === 'win32' || platform === 'darwin' ? p.toLowerCase() : p);
  /** `inner` is `outer` or below it. */
  const within = (inner: string, outer: string) => {
    const relative = flavour.relative(fold(outer), fold(inner));
    return relative === '' || (relative !== '..' && !relative.startsWith(`..${flavour.sep}`) && !flavour.isAbsolute(relative));
  };
  return { flavour, fold, within, overlap: (a: string, b: string) => within(a, b) || within(b, a) };
}

/** Why this folder must never be emptied, or null. */
export function wipeFolderDanger(value: string, platform: NodeJS.Platform, env: Record<string, string | undefined>): string | null {
  const { flavour, fold, within } = pathRelations(platform);
  if (platform === 'win32') {
    const remote = describeWindowsRemotePath(value);
    if (remote) return remote;
  }
  // \\?\C:\… is a long-path spelling of C:\…: judged as the folder it names.
  const dir = platform === 'win32' ? value.replace(/^[\\/]{2}[?.][\\/](?=[a-z]:)/i, '') : value;
  if (dir === flavour.parse(dir).root) return 'is a filesystem or drive root';
  const lookup = (name: string) => Object.entries(env).find(([key]) => (platform === 'win32' ? key.toUpperCase() === name.toUpperCase() : key === name))?.[1];
  const homes = [lookup('HOME'), lookup('USERPROFILE')].filter((h): h is string => typeof h === 'string' && flavour.isAbsolute(h));
  const home = homes.find((h) => within(h, dir));
  if (home) return within(dir, home) ? 'is a home folder' : `contains the home folder ${home}`;
  const usersFolders = platform === 'win32' ? ['c:\\users'] : ['/home', '/users'];
  if (usersFolders.includes(fold(flavour.dirname(dir))) || (platform !== 'win32' && dir === '/root')) return 'is a home folder';
  const system = platform === 'win32'
    ? [...windowsSystem, ...windowsSystemVars.map(lookup).filter((v): v is string => typeof v === 'string' && flavour.isAbsolute(v))]
    : posixSystem;
  const hit = system.find((s) => within(s, dir));
  if (hit) return within(dir, hit) ? 'is a system folder' : `contains the system folder ${hit}`;
  const sealed = platform === 'win32'
    ? [...windowsSealed, ...windowsSealedVars.map(lookup).filter((v): v is string => typeof v === 'string' && flavour.isAbsolute(v))]
    : posixSealed;
  const owner = sealed.find((s) => within(dir, s));
  if (owner) return `is inside the system folder ${owner}`;
  return null;
}

/** Issues for every wipe folder: dangerous in itself, or overlapping a data root or another wipe folder. */
export function wipeFolderIssues(
  roots: readonly PlacedPath[],
  folders: readonly PlacedPath[],
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): { path: PathSegment[]; message: string }[] {
  const { overlap } = pathRelations(platform);
  const issues: { path: PathSegment[]; message: string }[] = [];
  folders.forEach((folder, index) => {
    const danger = wipeFolderDanger(folder.value, platform, env);
    if (danger) {
      issues.push({ path: folder.at, message: `${folder.value} ${danger}; the wipe empties this folder, give a folder of its own (e.g. a scanner's output folder)` });
      return;
    }
    const root = roots.find((r) => overlap(r.value, folder.value));
    if (root) {
      issues.push({ path: folder.at, message: `${folder.value} overlaps ${root.field} (${root.value}); a wipe folder must be separate from the data roots` });
      return;
    }
    const other = folders.slice(0, index).find((f) => overlap(f.value, folder.value));
    if (other) issues.push({ path: folder.at, message: `${folder.value} overlaps ${other.field} (${other.value}); list each folder once, none inside another` });
  });
  return issues;
}
