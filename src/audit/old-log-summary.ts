import { readFile } from 'node:fs/promises';
import { errorCode } from '../state/atomic-file';
import { openLine } from './chain';
import { readAuditLogId } from './log-id';

/** What a log-replaced record says of the log it replaced: read as it is, damaged or not, changing nothing. */
export interface OldLogSummary {
  oldLogId: string | null;
  oldRecords: number;
  oldLastSeq: number;
  oldLastSeal: string | null;
}

export async function summarizeOldLog(auditLog: string): Promise<OldLogSummary> {
  const text = await readFile(auditLog, 'utf8').catch((error: unknown) => (errorCode(error) === 'ENOENT' ? '' : Promise.reject(error)));
  let oldRecords = 0;
  let last: { seq: number; seal: string } | null = null;
  for (const line of text.split('\n')) {
    const opened = openLine(line);
    if (!opened.ok) continue;
    oldRecords += 1;
    last = { seq: opened.body.seq, seal: opened.seal };
  }
  const oldLogId = text === '' ? null : await readAuditLogId(auditLog).catch(() => null);
  return { oldLogId: oldLogId && /^[a-f0-9]{32}$/.test(oldLogId) ? oldLogId : null, oldRecords, oldLastSeq: last?.seq ?? 0, oldLastSeal: last?.seal ?? null };
}
