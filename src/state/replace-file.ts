import { rename } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Renames `from` over `to`. On Windows a rename over a file fails with EPERM/EACCES/EBUSY while any
 * other process has either file open without FILE_SHARE_DELETE — an antivirus or indexer scanning the
 * file just written, a backup agent, an editor — usually for milliseconds. Those errors are retried
 * with backoff for a bounded time (as graceful-fs does for npm); then the last error is thrown, so a
 * file held for good still fails the operation. Elsewhere a rename is tried once.
 */
export async function replaceFile(from: string, to: string, options: ReplaceOptions = {}): Promise<void> {
  const platform = options.platform ?? process.platform;
  const renameFile = options.rename ?? rename;
  const budgetMs = platform === 'win32' ? (options.budgetMs ?? 5_000) : 0;
  const started = Date.now();
  for (let wait = 10; ; wait = Math.min(wait * 2, 500)) {
    try {
      await renameFile(from, to);
      return;
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      const transient = code === 'EPERM' || code === 'EACCES' || code === 'EBUSY';
      if (!transient || Date.now() - started + wait > budgetMs) throw error;
      await delay(wait);
    }
  }
}

export interface ReplaceOptions {
  platform?: NodeJS.Platform;
  /** Total time retries may take on Windows (default 5 s). */
  budgetMs?: number;
  rename?: (from: string, to: string) => Promise<void>;
}
