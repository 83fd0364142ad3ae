import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { posixSystem } from '../policy/wipe-path-checks';

/**
 * Folders no wipe root may be, or contain: home directories, the operating system's own folders,
 * and the kiosk program itself. Gathered once per check from the running system.
 */
export interface ProtectedDirs {
  homes: string[];
  system: string[];
  program: string[];
  /**
   * Operating-system trees no root may even lie inside (C:\Windows\System32 is as fatal as
   * C:\Windows). Optional so that callers naming their own dirs need not list any.
   */
  systemTrees?: string[];
}

// Only trees that hold nothing but the OS and programs: /var and %ProgramData% are not here, because
// the kiosk's own roots belong inside them.
const posixSystemTrees = ['/bin', '/boot', '/dev', '/etc', '/lib', '/lib32', '/lib64', '/proc', '/sbin', '/sys', '/usr', '/System'];

export function gatherProtectedDirs(env: NodeJS.ProcessEnv = process.env): ProtectedDirs {
  const homes = [os.homedir(), env.HOME, env.USERPROFILE, ...passwdHomes()];
  const system =
    process.platform === 'win32'
      ? [env.SystemRoot, env.windir, env.ProgramFiles, env['ProgramFiles(x86)'], env.ProgramData, env.APPDATA, env.LOCALAPPDATA, env.PUBLIC, 'C:\\Users']
      : posixSystem;
  const systemTrees =
    process.platform === 'win32'
      ? [env.SystemRoot, env.windir, env.ProgramFiles, env['ProgramFiles(x86)'], env.ProgramW6432]
      : posixSystemTrees;
  return {
    homes: clean(homes),
    system: clean([...system, os.tmpdir()]),
    program: clean([path.dirname(process.execPath), path.resolve(__dirname, '..', '..', '..')]),
    systemTrees: clean(systemTrees),
  };
}

/** Every account's home on Linux and the BSDs (daemon accounts' homes are often /usr/sbin, /bin…). */
function passwdHomes(): string[] {
  if (process.platform === 'win32') return [];
  try {
    return readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .map((line) => line.split(':')[5] ?? '')
      .filter((home) => home.startsWith('/') && home !== '/');
  } catch {
    return [];
  }
}

function clean(list: (string | undefined)[]): string[] {
  return [...new Set(list.filter((p): p is string => typeof p === 'string' && path.isAbsolute(p)).map((p) => path.resolve(p)))];
}

/** A folder directly inside a users folder is somebody's home even if it is not in /etc/passwd. */
export function looksLikeHome(dir: string): boolean {
  const parent = path.dirname(dir);
  return ['/home', '/Users', 'c:\\users'].includes(process.platform === 'win32' ? parent.toLowerCase() : parent);
}
