import type { AuditProblem, ScannedRecord } from '../audit/verify-log';
import type { EnrolledKey } from './enrolled-keys';
import type { KioskSignature, LogProblem, VerificationMethod } from './types';

/** One record with the log file it came from (a kiosk may have several: see audit start-new-log). */
export type SourcedRecord = ScannedRecord & { file: string };

/** The keys enrolled for one kiosk (report --keys); `enrolled` false: keys.yaml does not name it. */
export interface KioskKeys {
  keys: EnrolledKey[];
  enrolled: boolean;
}

/** Where each record a report may count goes, in log order, as soon as it is read. */
export type RecordSink = (record: SourcedRecord) => void;

/** How far a kiosk's logs could be trusted; the records themselves went to the sink. */
export interface KioskLogVerdict {
  method: VerificationMethod;
  /** 'keyed', 'unkeyed', 'mixed' or 'empty', over all of the kiosk's logs. */
  sealing: string;
  problems: LogProblem[];
  notes: string[];
  /** Only when the department's keys were given (report --keys). */
  signature?: KioskSignature;
}

/** The port the report reads a kiosk through: the local state root, or a forwarded copy. */
export interface KioskLogSource {
  kioskId: string;
  /** Streams the records a report may count to `onRecord`; resolves once every log was read. */
  read(onRecord: RecordSink): Promise<KioskLogVerdict>;
  /** A forwarded copy's files, so a worker thread can read it by itself (see parallel-judge.ts). */
  files?: { entry: string; paths: string[]; keys?: KioskKeys };
}

/**
 * Whether a report may count a record: not one that fails its own seal (edited). A broken chain or a
 * foreign line elsewhere makes the log 'not verified' (and the report exit 1) without hiding the rest.
 */
export const trusted = (record: ScannedRecord) => record.sealOk !== false;

export function sourcedProblems(problems: readonly AuditProblem[], file: string): LogProblem[] {
  return problems.map((p) => ({ file, line: p.line, kind: p.kind, detail: p.detail }));
}

export function combineSealing(parts: readonly string[]): string {
  const kinds = new Set(parts.filter((p) => p !== 'empty'));
  if (kinds.size === 0) return 'empty';
  if (kinds.size === 1) return [...kinds][0]!;
  return 'mixed';
}

export const sealingOf = (opened: number, keyedSeen: number) => (opened === 0 ? 'empty' : keyedSeen === 0 ? 'unkeyed' : keyedSeen === opened ? 'keyed' : 'mixed');
