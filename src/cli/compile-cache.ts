import module from 'node:module';
import os from 'node:os';
import path from 'node:path';

/**
 * Node's module compile cache (Node 22.1 and later; older Nodes simply start without it): compiled code
 * of every module the CLI loads is kept on disk, so the next start skips compiling it. It is a start-up
 * cost the scheduled wipe and every kiosk start pay (`npm run bench:cli`).
 *
 * The folder belongs to the account that runs the CLI (its own cache folder), never a shared one such
 * as Node's default in the temp folder: the cache holds code, and a folder another account could write
 * would let that account run code in this one (the scheduled wipe runs as root or SYSTEM). It lies
 * outside the roots a wipe removes, so a wipe does not empty it.
 */
export function compileCacheDir(platform: NodeJS.Platform, env: Record<string, string | undefined>, home: string): string {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA && path.win32.isAbsolute(env.LOCALAPPDATA) ? env.LOCALAPPDATA : path.win32.join(home, 'AppData', 'Local');
    return path.win32.join(local, 'public-kiosk', 'node-compile-cache');
  }
  const xdg = env.XDG_CACHE_HOME && path.posix.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.posix.join(home, '.cache');
  return path.posix.join(xdg, 'public-kiosk', 'node-compile-cache');
}

type EnableCompileCache = (dir?: string) => unknown;

/** Call before loading anything else. Never fails the CLI: without a cache it only starts slower. */
export function enableCompileCache(): void {
  const enable = (module as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  if (typeof enable !== 'function') return;
  try {
    enable(compileCacheDir(process.platform, process.env, os.homedir()));
  } catch {
    // No home folder, a read-only disk: start without the cache.
  }
}
