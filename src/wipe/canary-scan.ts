import { closeSync, readSync } from 'node:fs';
import { errorCode } from '../state/atomic-file';
import { NOT_REGULAR, openRegularFileSync } from '../state/regular-file';
import { walkTree } from './walk';

export interface CanaryScan {
  filesScanned: number;
  bytesScanned: number;
  /** Files holding at least one canary (which one is never reported). */
  filesWithHits: number;
  /** Error codes of files or folders that could not be read: their content is unknown. */
  unreadable: string[];
}

const CHUNK = 1024 * 1024;

/**
 * Streams every regular file below `root` once (opened no-follow and non-blocking, read only when
 * fstat says it is a regular file), looking for each canary as UTF-8 and as UTF-16LE
 * (sessionStorage and other Chromium stores keep UTF-16). Each chunk is searched with Buffer.indexOf
 * per pattern (native, memchr-speed); chunks overlap by one pattern length so nothing straddles.
 */
export async function scanForCanaries(root: string, values: readonly string[]): Promise<CanaryScan> {
  const scan: CanaryScan = { filesScanned: 0, bytesScanned: 0, filesWithHits: 0, unreadable: [] };
  if (values.length === 0) return scan;
  const utf8 = values.map((v) => Buffer.from(v, 'utf8'));
  const utf16 = values.map((v) => Buffer.from(v, 'utf16le'));
  const overlap = Math.max(...utf16.map((p) => p.length)) - 1;
  const buffer = Buffer.allocUnsafe(CHUNK + overlap);
  await walkTree(root, {
    entry(file, dirent) {
      // A FIFO, socket, device or link is never opened: it holds no content on disk.
      if (!dirent.isFile()) return;
      try {
        const found = scanFile(file, buffer, overlap, utf8, utf16, scan);
        scan.filesScanned += 1;
        if (found) scan.filesWithHits += 1;
      } catch (error) {
        const code = errorCode(error) ?? 'EUNKNOWN';
        // Gone, or swapped for a link or a FIFO after the listing: nothing stored to scan there.
        if (code !== 'ENOENT' && code !== 'ELOOP' && code !== NOT_REGULAR) scan.unreadable.push(code);
      }
    },
    unreadable(_dir, code) {
      scan.unreadable.push(code);
    },
  });
  return scan;
}

function scanFile(file: string, buffer: Buffer, overlap: number, utf8: Buffer[], utf16: Buffer[], scan: CanaryScan): boolean {
  const fd = openRegularFileSync(file);
  try {
    let carried = 0;
    for (;;) {
      const read = readSync(fd, buffer, carried, CHUNK, null);
      if (read === 0) return false;
      scan.bytesScanned += read;
      const window = buffer.subarray(0, carried + read);
      if (contains(window, utf8)) return true;
      // UTF-16LE text of ASCII canaries has a zero byte in every other place: no zero, no such text.
      if (window.indexOf(0) >= 0 && contains(window, utf16)) return true;
      carried = Math.min(overlap, window.length);
      window.copy(buffer, 0, window.length - carried);
    }
  } finally {
    closeSync(fd);
  }
}

function contains(window: Buffer, patterns: Buffer[]): boolean {
  return patterns.some((pattern) => window.indexOf(pattern) >= 0);
}
