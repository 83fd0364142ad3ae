import { open, truncate } from 'node:fs/promises';
import { crashPoint } from '../crash/crash-points';
import { errorCode, syncDirectory } from '../state/atomic-file';
import { GENESIS, openLine, parseHead, type ChainAlg } from './chain';
import path from 'node:path';

/** What an append needs from the end of the log: the last record's sequence number, seal and kind. */
export interface LogTail {
  lastSeq: number;
  lastSeal: string;
  lastAlg: ChainAlg | null;
  /** The last record's `prev`: the seal audit.head names when it is one record behind. */
  lastPrev: string;
}

const EMPTY: LogTail = { lastSeq: 0, lastSeal: GENESIS, lastAlg: null, lastPrev: GENESIS };

const TAIL_BYTES = 64 * 1024;

export class AuditLogDamagedError extends Error {
  constructor(detail: string) {
    super(`the audit log is damaged (${detail}); run 'public-kiosk audit verify', then 'public-kiosk audit start-new-log' to set it aside and start a new log`);
    this.name = 'AuditLogDamagedError';
  }
}

/**
 * Reads the last complete line. An empty file (a crash after the log was created, before its first
 * line) holds no record. A final line without its newline is a write cut short by a crash: it was
 * never acknowledged to anyone (what is committed: see verify-log.ts), so it is cut off before the
 * next append.
 */
export async function readTailForAppend(file: string): Promise<LogTail> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return EMPTY;
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
  if (size === 0) return EMPTY;
  const newline = 0x0a;
  const end = buffer.lastIndexOf(newline);
  if (end !== buffer.length - 1) {
    if (end < 0 && size > TAIL_BYTES) throw new AuditLogDamagedError('last line too long');
    await truncate(file, size - (buffer.length - (end + 1)));
    crashPoint('audit:tail-cut', 'audit.log');
    await syncDirectory(path.dirname(file));
    if (end < 0) return EMPTY;
  }
  const start = end === 0 ? 0 : buffer.lastIndexOf(newline, end - 1) + 1;
  if (start === 0 && size > TAIL_BYTES) throw new AuditLogDamagedError('last line too long');
  const opened = openLine(buffer.subarray(start, end).toString('utf8'));
  if (!opened.ok) throw new AuditLogDamagedError('last record unreadable');
  return { lastSeq: opened.body.seq, lastSeal: opened.seal, lastAlg: opened.body.alg, lastPrev: opened.body.prev };
}

/**
 * Why audit.head and the end of audit.log cannot be what an interrupted append leaves, or null. An
 * append fsyncs its line before it replaces audit.head, so a crash leaves the head naming the last
 * line or the one before it (missing: before the first). Anything else lost or replaced a record
 * that had been acknowledged, or cannot be told apart from that: appending would bury it.
 */
export function headVersusTail(headText: string | null, tail: LogTail): string | null {
  const head = headText === null ? null : parseHead(headText);
  if (headText !== null && !head) return 'audit.head is unreadable';
  const count = head?.count ?? 0;
  const named = head?.last ?? GENESIS;
  if (count > tail.lastSeq) return `audit.head counts ${count} record(s) but audit.log ends at record ${tail.lastSeq}`;
  if (count === tail.lastSeq && named !== tail.lastSeal) return `record ${count} in audit.log is not the one audit.head names`;
  if (count === tail.lastSeq - 1 && named !== tail.lastPrev) return `record ${count} in audit.log is not the one audit.head names`;
  if (count < tail.lastSeq - 1) {
    return `audit.head ${head ? `counts ${count} record(s)` : 'is missing'} but audit.log ends at record ${tail.lastSeq} (an interrupted append leaves it at most one behind)`;
  }
  return null;
}
