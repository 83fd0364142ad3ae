import type { ForwardCursor } from './destination-state';
import { auditLogFiles, readRecordsFrom, type AuditLogFile, type LogRecord } from './log-reader';

export interface PendingRecords {
  records: LogRecord[];
  /** Why more than expected is sent again, or what could not be read; shown as the last error. */
  notes: string[];
}

/**
 * Every record past the cursor, in order: the rest of the cursor's log (also when it was set aside
 * by `audit start-new-log`), then every later log, whole. When the cursor does not match the log
 * (its log is gone, or the record it names is not there any more) the log is sent again from its
 * first record: a collector may see duplicates, never a gap.
 */
export async function pendingRecords(stateRoot: string, cursor: ForwardCursor | null): Promise<PendingRecords> {
  const logs = await auditLogFiles(stateRoot);
  const notes: string[] = [];
  if (logs.length === 0) return { records: [], notes };
  let index = cursor ? logs.findIndex((log) => log.logId === cursor.logId) : -1;
  const records: LogRecord[] = [];
  if (cursor && index >= 0) {
    records.push(...(await restOfLog(logs[index]!, cursor, notes)));
    index += 1;
  } else {
    if (cursor) notes.push(`the audit log ${cursor.logId} named by the cursor is no longer in the state root; the current log is sent from its first record`);
    index = logs.length - 1;
  }
  for (const log of logs.slice(index)) records.push(...(await wholeLog(log, notes)));
  return { records, notes };
}

async function restOfLog(log: AuditLogFile, cursor: ForwardCursor, notes: string[]): Promise<LogRecord[]> {
  const fast = await readRecordsFrom(log, cursor.offset);
  const first = fast.records[0];
  const chained = first ? first.seq === cursor.seq + 1 && first.prev === cursor.seal : fast.unreadable === 0 && fast.size >= cursor.offset;
  if (chained) return noteUnreadable(fast, log, notes);
  const all = await wholeLog(log, notes);
  const acked = all.find((record) => record.seq === cursor.seq);
  if (acked && acked.seal === cursor.seal) return all.filter((record) => record.seq > cursor.seq);
  notes.push(`record ${cursor.seq} of audit log ${cursor.logId} is not the one the collector acknowledged (the log was changed: run 'public-kiosk audit verify'); the log is sent again from its first record`);
  return all;
}

async function wholeLog(log: AuditLogFile, notes: string[]): Promise<LogRecord[]> {
  return noteUnreadable(await readRecordsFrom(log, 0), log, notes);
}

function noteUnreadable(read: { records: LogRecord[]; unreadable: number }, log: AuditLogFile, notes: string[]): LogRecord[] {
  if (read.unreadable > 0) notes.push(`${read.unreadable} unreadable line(s) in audit log ${log.logId} were not sent: run 'public-kiosk audit verify'`);
  return read.records;
}
