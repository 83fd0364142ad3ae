import { open } from 'node:fs/promises';
import { errorCode } from '../state/atomic-file';
import { stateFiles } from '../state/state-files';
import { openLine } from './chain';
import type { AuditRecordInput, WipeAuditRecord } from './record-types';

/** About 2,500 records: the staff panel and crash recovery look at the end of the log only. */
const RECENT_BYTES = 1024 * 1024;

/**
 * The newest `count` wipe records, newest first, for the staff panel and `status`. Display only:
 * it does not check seals (that is `audit verify`) and skips lines it cannot read.
 */
export async function readRecentWipes(stateRoot: string, count: number): Promise<WipeAuditRecord[]> {
  const records = await readRecentRecords(stateRoot, (record) => record.type === 'wipe', count);
  return records as WipeAuditRecord[];
}

/** The record of one wipe, if it was written (crash recovery: was the interrupted wipe recorded?). */
export async function findWipeRecord(stateRoot: string, wipeId: string): Promise<WipeAuditRecord | null> {
  const [found] = await readRecentRecords(stateRoot, (record) => record.type === 'wipe' && record.wipeId === wipeId, 1, true);
  return (found as WipeAuditRecord | undefined) ?? null;
}

async function readRecentRecords(
  stateRoot: string,
  keep: (record: AuditRecordInput) => boolean,
  count: number,
  wholeLogIfNeeded = false,
): Promise<AuditRecordInput[]> {
  let text = await readEnd(stateFiles(stateRoot).auditLog, RECENT_BYTES);
  let found = pick(text.lines, keep, count);
  if (found.length < count && text.partial && wholeLogIfNeeded) {
    text = await readEnd(stateFiles(stateRoot).auditLog, Number.MAX_SAFE_INTEGER);
    found = pick(text.lines, keep, count);
  }
  return found;
}

function pick(lines: string[], keep: (record: AuditRecordInput) => boolean, count: number): AuditRecordInput[] {
  const found: AuditRecordInput[] = [];
  for (let i = lines.length - 1; i >= 0 && found.length < count; i -= 1) {
    const opened = openLine(lines[i] ?? '');
    if (opened.ok && keep(opened.body.rec)) found.push(opened.body.rec);
  }
  return found;
}

/** The log's last `maxBytes` as lines (the first one dropped when cut); no file is no lines. */
export async function readEnd(file: string, maxBytes: number): Promise<{ lines: string[]; partial: boolean }> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { lines: [], partial: false };
    throw error;
  }
  try {
    const size = (await handle.stat()).size;
    const length = Math.min(size, maxBytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer.toString('utf8').split('\n');
    if (length < size) lines.shift(); // the first line is cut
    return { lines, partial: length < size };
  } finally {
    await handle.close();
  }
}
