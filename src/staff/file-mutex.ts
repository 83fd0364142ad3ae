import { open, readFile, stat, unlink } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** A lock older than this belongs to a process that died mid-update (an update takes milliseconds). */
const STALE_MS = 60_000;
const WAIT_MS = 15_000;
const RETRY_MS = 25;

/**
 * Serializes read-modify-write of one file between processes on this machine (the kiosk's main
 * process and a `public-kiosk staff …` run by the IT officer). The lock file is created exclusively
 * and holds the owner's pid, so a lock left by a crashed process is recognised and removed.
 */
export async function withFileMutex<T>(lockFile: string, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
      if (await removeIfStale(lockFile)) continue;
      if (Date.now() > deadline) {
        throw new Error(`${lockFile} stayed locked for ${WAIT_MS / 1000} s: another staff update is stuck`, { cause: error });
      }
      await sleep(RETRY_MS);
    }
  }
  try {
    return await work();
  } finally {
    await unlink(lockFile).catch(() => undefined);
  }
}

async function removeIfStale(lockFile: string): Promise<boolean> {
  try {
    const [text, info] = await Promise.all([readFile(lockFile, 'utf8'), stat(lockFile)]);
    const pid = Number(text);
    const dead = Number.isInteger(pid) && pid > 0 && !processAlive(pid);
    // An empty file is a lock whose owner has not written its pid yet: only age makes it stale.
    if (!dead && Date.now() - info.mtimeMs < STALE_MS) return false;
    await unlink(lockFile);
    return true;
  } catch (error) {
    return isErrno(error, 'ENOENT');
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isErrno(error, 'EPERM');
  }
}

export function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
