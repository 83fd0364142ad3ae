import { openLine } from '../audit/chain';
import { readEnd } from '../audit/recent';
import type { ComplianceAuditRecord } from '../audit/record-types';
import { stateFiles } from '../state/state-files';

/**
 * The newest `count` compliance records of this state root's audit log, newest first: the doctor's
 * earlier runs, so a run of `error` answers is counted across the relaunch every shift wipe makes
 * (error-streaks.ts). Read from the log's end; lines that do not open are skipped.
 */
export async function readPreviousComplianceRuns(stateRoot: string, count: number): Promise<ComplianceAuditRecord[]> {
  const { lines } = await readEnd(stateFiles(stateRoot).auditLog, 1024 * 1024);
  const found: ComplianceAuditRecord[] = [];
  for (let i = lines.length - 1; i >= 0 && found.length < count; i -= 1) {
    const opened = openLine(lines[i] ?? '');
    if (opened.ok && opened.body.rec.type === 'compliance') found.push(opened.body.rec);
  }
  return found;
}
