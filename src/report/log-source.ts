import type { AuditProblem, ScannedRecord } from '../audit/verify-log';
import type { KioskSignature, LogProblem, VerificationMethod } from './types';

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
  /** Only when the department's keys were given (report --keys). */
  signature?: KioskSignature;
}

/** The port the report reads a kiosk through: the local state root, or a forwarded copy. */
export interface KioskLogSource {
  kioskId: string;
  read(): Promise<KioskLogRead>;
}

/**
 * The records a report may count: not those that fail their own seal (edited). A broken chain or a
 * foreign line elsewhere makes the log 'not verified' (and the report exit 1) without hiding the rest.
 */
export function trustedRecords(records: readonly ScannedRecord[], file: string): SourcedRecord[] {
  return records.filter((r) => r.sealOk !== false).map((r) => Object.assign(r, { file }));
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
