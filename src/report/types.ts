/**
 * The evidence report's data: for every scheduled shift end in a period and every kiosk, whether the
 * shift wipe ran on time, late, failed or not at all, with how far each kiosk's log could be trusted.
 * The JSON format (`report --format json`, version 1) is this object as it is.
 */
export type ShiftEndStatus = 'on-time' | 'caught-up' | 'failed' | 'missed' | 'pending';
export const SHIFT_END_STATUSES: readonly ShiftEndStatus[] = ['on-time', 'caught-up', 'failed', 'missed', 'pending'];

export interface ShiftEndEntry {
  /** The scheduled shift end, UTC ISO. */
  at: string;
  /** The same instant on the policy's wall clock with its offset, e.g. '2026-03-03 11:30 +07:00'. */
  local: string;
  status: ShiftEndStatus;
  /** Start of the first successful shift wipe covering it (UTC ISO), or null. */
  wipedAt: string | null;
  /** 'recorded': the record names this shift end; 'inferred': an older record, matched by its start. */
  coverage: 'recorded' | 'inferred' | null;
  /** Shift wipes for it that failed (before the success, if any). */
  failedAttempts: number;
}

/** How a log was checked: 'full' every seal (with the audit key where keyed), chain, order and head;
 * 'chain' only the chain links and sequence continuity (keyed seals need a key the reader lacks). */
export type VerificationMethod = 'full' | 'chain';

export interface LogProblem {
  /** The log file (its name only), or '' for the kiosk's log as a whole. */
  file: string;
  /** 1-based line in that file, 0 for the file as a whole. */
  line: number;
  kind: string;
  detail: string;
}

export interface OutOfServicePeriod {
  from: string;
  /** null: still out of service at the end of the log. */
  to: string | null;
  reason: string;
}

export interface ComplianceSummary {
  runs: number;
  lastAt: string;
  last: { pass: number; fail: number; warn: number; notApplicable: number; error: number };
  /** Checks that failed or errored in any run of the period, most severe first. */
  failing: { id: string; severity: string; runs: number }[];
}

/**
 * With `report --keys`: 'signed' the log's checkpoints verify against a key enrolled for this kiosk
 * (or rotated from one); 'unsigned' a log from before signing; 'not-verified' see the problems.
 * Without --keys there is no such field: the log is verified by chain only.
 */
export interface KioskSignature {
  status: 'signed' | 'unsigned' | 'not-verified';
  fingerprints: string[];
  /** Records after the last valid signature of the newest log: pending, not failed. */
  unsignedTail: { fromSeq: number; records: number } | null;
}

export interface KioskReport {
  kioskId: string;
  log: { verified: boolean; method: VerificationMethod; sealing: string; problems: LogProblem[]; notes: string[]; signature?: KioskSignature };
  shiftEnds: ShiftEndEntry[];
  sessions: { succeeded: number; failed: number };
  outOfService: OutOfServicePeriod[];
  compliance: ComplianceSummary | null;
}

export interface Report {
  version: 1;
  /** Calendar days in the policy's time zone, both included (YYYY-MM-DD). */
  from: string;
  to: string;
  timeZone: string;
  generatedAt: string;
  unit: { vi: string; en: string } | null;
  onTimeGraceMinutes: number;
  kiosks: KioskReport[];
  summary: Record<ShiftEndStatus, number> & { kiosks: number; logsNotVerified: number; inferred: number };
}
