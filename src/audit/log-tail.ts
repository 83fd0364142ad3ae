import { open, truncate } from 'node:fs/promises';
import { errorCode, syncDirectory } from '../state/atomic-file';
import { GENESIS, openLine, type ChainAlg } from './chain';
import path from 'node:path';

/** What an append needs from the end of the log: the last record's sequence number, seal and kind. */
export interface LogTail {
  lastSeq: number;
  lastSeal: string;
  lastAlg: ChainAlg | null;
}

const TAIL_BYTES = 64 * 1024;

export class AuditLogDamagedError extends Error {
  constructor(detail: string) {
    super(`the audit log is damaged (${detail}); run 'public-kiosk audit verify', then 'public-kiosk audit start-new-log' to set it aside and start a new log`);
    this.name = 'AuditLogDamagedError';
  }
}

/**
 * Reads the last complete line. A final line without its newline is a write cut short by a crash:
 * it was never acknowledged to anyone, so it is cut off before the next append.
 */
export async function readTailForAppend(file: string): Promise<LogTail> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { lastSeq: 0, lastSeal: GENESIS, lastAlg: null };
    throw error;
  }
  let buffer: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    const length = Math.min(size, TAIL_BYTES);
    buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
  } finally {
    await handle.close();
  }
  const newline = 0x0a;
  const end = buffer.lastIndexOf(newline);
  if (end !== buffer.length - 1) {
    if (end < 0 && size > TAIL_BYTES) throw new AuditLogDamagedError('last line too long');
    await truncate(file, size - (buffer.length - (end + 1)));
    await syncDirectory(path.dirname(file));
    if (end < 0) return { lastSeq: 0, lastSeal: GENESIS, lastAlg: null };
  }
  const start = end === 0 ? 0 : buffer.lastIndexOf(newline, end - 1) + 1;
  if (start === 0 && size > TAIL_BYTES) throw new AuditLogDamagedError('last line too long');
  const opened = openLine(buffer.subarray(start, end).toString('utf8'));
  if (!opened.ok) throw new AuditLogDamagedError('last record unreadable');
  return { lastSeq: opened.body.seq, lastSeal: opened.seal, lastAlg: opened.body.alg };
}
