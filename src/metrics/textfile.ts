import path from 'node:path';
import { errorCode, writeFileAtomic } from '../state/atomic-file';

export const METRICS_FILE_NAME = 'public_kiosk.prom';

/** Windows: the exporter may hold the file open while it reads it; the rename then fails for a moment. */
const RETRYABLE = new Set(['EBUSY', 'EPERM', 'EACCES']);

export interface TextfileWriteOptions {
  platform?: NodeJS.Platform;
  attempts?: number;
  delayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** The atomic write (tests pass one that fails like Windows does). */
  write?: (file: string, text: string, mode: number) => Promise<void>;
}

/**
 * Replaces `<dir>/public_kiosk.prom` atomically (temp file in the same folder, then rename), so the
 * collector never reads half a file; the temp name does not end in `.prom`, so it is never collected.
 * World-readable (0644): the exporter runs as its own user, and the file holds no secret.
 */
export async function writeMetricsTextfile(dir: string, text: string, options: TextfileWriteOptions = {}): Promise<string> {
  const file = path.join(dir, METRICS_FILE_NAME);
  const platform = options.platform ?? process.platform;
  const attempts = platform === 'win32' ? (options.attempts ?? 10) : 1;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt += 1) {
    try {
      await (options.write ?? writeFileAtomic)(file, text, 0o644);
      return file;
    } catch (error) {
      if (attempt >= attempts || !RETRYABLE.has(errorCode(error) ?? '')) throw error;
      await sleep((options.delayMs ?? 50) * attempt);
    }
  }
}
