import type { AuditProblem, ScannedRecord } from '../audit/verify-log';
import type { LogProblem, VerificationMethod } from './types';

/** One record with the log file it came from (a kiosk may have several: see audit start-new-log). */
export type SourcedRecord = ScannedRecord & { file: string };

export interface KioskLogRead {
  method: VerificationMethod;
  /** 'keyed', 'unkeyed', 'mixed' or 'empty', over all of the kiosk's logs. */
  sealing: string;
  problems: LogProblem[];
  notes: string[];
  /** The records to report on: those whose line verification did not reject. */
  records: SourcedRecord[];
}

/** The port the report reads a kiosk through: the local state root, or a forwarded copy. */
export interface KioskLogSource {
  kioskId: string;
  read(): Promise<KioskLogRead>;
}

/** Lines whose record cannot be trusted: it does not match its seal, or it is not a record at all. */
const rejecting = new Set(['edited', 'unreadable']);

export function trustedRecords(records: readonly ScannedRecord[], problems: readonly AuditProblem[], file: string): SourcedRecord[] {
  const rejected = new Set(problems.filter((p) => rejecting.has(p.kind)).map((p) => p.line));
  return records.filter((r) => !rejected.has(r.line)).map((r) => ({ ...r, file }));
}

export function sourcedProblems(problems: readonly AuditProblem[], file: string): LogProblem[] {
  return problems.map((p) => ({ file, line: p.line, kind: p.kind, detail: p.detail }));
}

export function combineSealing(parts: readonly string[]): string {
  const kinds = new Set(parts.filter((p) => p !== 'empty'));
  if (kinds.size === 0) return 'empty';
  if (kinds.size === 1) return [...kinds][0]!;
  return 'mixed';
}
