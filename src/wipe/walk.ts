import { readdirSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { errorCode } from '../state/atomic-file';

/**
 * Visits every non-folder entry below `dir`, never following a link. Synchronous directory reads
 * (an order of magnitude faster than one thread-pool hop per entry) with a yield to the event loop
 * every few milliseconds, so the kiosk's main process stays responsive during a wipe.
 */
export interface Visitor {
  entry(file: string, dirent: Dirent): void | Promise<void>;
  /** A folder that could not be listed: its content is unknown. */
  unreadable(dir: string, code: string): void;
}

const SLICE_MS = 8;

export async function walkTree(dir: string, visitor: Visitor): Promise<void> {
  const pending = [dir];
  let sliceStart = performance.now();
  while (pending.length > 0) {
    const current = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      const code = errorCode(error) ?? 'EUNKNOWN';
      if (code !== 'ENOENT') visitor.unreadable(current, code);
      continue;
    }
    for (const dirent of entries) {
      const full = path.join(current, dirent.name);
      if (dirent.isDirectory()) pending.push(full);
      else await visitor.entry(full, dirent);
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToLoop();
      sliceStart = performance.now();
    }
  }
}
