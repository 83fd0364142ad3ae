/**
 * What the append-only audit log holds. No personal data ever: no URLs, no download names, no canary
 * values, no citizen input, no secrets or verifiers. Staff records carry the staff id and action only.
 */
export type WipeTrigger = 'session-end' | 'idle' | 'shift-end' | 'catch-up' | 'startup-recovery' | 'manual' | 'crash';

export interface WipeAuditRecord {
  type: 'wipe';
  scope: 'session' | 'shift';
  trigger: WipeTrigger;
  startedAt: string;
  endedAt: string;
  durationMs: number;
  filesRemoved: number;
  bytesRemoved: number;
  verification: 'passed' | 'failed';
  result: 'succeeded' | 'failed';
  /** Error codes and target kinds only (e.g. "EBUSY on session-data"), never a path below a root. */
  errors: string[];
  /** Random id of this wipe: a wipe interrupted by a crash and finished at the next start keeps it. */
  wipeId?: string;
  /** For trigger 'startup-recovery': the trigger of the wipe that was interrupted. */
  recoveredTrigger?: WipeTrigger;
  /** Shift wipe: OS credential-store entries deleted under the policy's credential services. */
  credentialEntriesRemoved?: number;
  /** How many citizen sessions' canaries the verification scanned for. */
  canarySessionsChecked?: number;
  /**
   * Shift wipe: the scheduled shift end (UTC) it was run for: the one the due check found owed, else
   * the latest at or before its start. Absent in records written before it existed (the report then
   * infers it) and when no shift end was scheduled in the 8 days before the wipe.
   */
  coveredShiftEnd?: string;
  /** The OS clipboard cleared (and read back empty) before this record: null where no clipboard was reachable (plain Node). */
  clipboardCleared?: boolean | null;
}

export type StaffAction =
  | 'sign-in'
  | 'force-wipe'
  | 'view-records'
  | 'reload-policy'
  | 'leave-kiosk'
  | 'manage-accounts'
  | 'account-added'
  | 'account-removed'
  | 'password-changed'
  | 'totp-enrolled'
  | 'unlocked'
  | 'start-rehearsal'
  | 'start-new-log';

export interface StaffAuditRecord {
  type: 'staff';
  at: string;
  staffId: string;
  action: StaffAction;
  outcome: 'success' | 'failure' | 'locked' | 'denied';
  /**
   * Only in the one record per burst of failed attempts (staffId '(burst)', outcome 'failure'): how
   * many failed, since when, and keyed hashes of the ids typed — never the typed text or a secret.
   */
  failures?: number;
  firstAt?: string;
  idsTried?: string[];
}

/** The kiosk taken out of or back into service, and why (a reason code, never data). */
export interface ServiceAuditRecord {
  type: 'service';
  at: string;
  state: 'out-of-service' | 'in-service';
  reason: string;
}

/**
 * The machine policy file changed and the kiosk applied it, or rejected it and kept running the
 * policy it had (shared contract with the reporting side). `hash`: sha256 hex of the machine file.
 */
export interface PolicyAuditRecord {
  type: 'policy';
  at: string;
  event: 'applied' | 'rejected';
  hash: string;
}

export type ComplianceStatus = 'pass' | 'fail' | 'warn' | 'not-applicable' | 'error';
export type ComplianceSeverity = 'critical' | 'high' | 'medium' | 'low';

/** The result of a compliance run (`doctor`; shared contract): check ids and outcomes only. */
export interface ComplianceAuditRecord {
  type: 'compliance';
  at: string;
  platform: 'win32' | 'linux' | 'darwin' | 'other';
  checks: { id: string; status: ComplianceStatus; severity: ComplianceSeverity }[];
  counts: { pass: number; fail: number; warn: number; notApplicable: number; error: number };
}

/** What refused a request in a citizen session (src/blocked-journal/). */
export type BlockedKind = 'navigation' | 'frame' | 'popup' | 'subresource' | 'websocket' | 'download';
export type BlockedRule = 'not-allowed' | 'deny' | `category:${string}` | 'local-network' | 'scheme' | 'download-type';

/**
 * One session's refusals, counted (src/blocked-journal/): hosts only, never a path, query or anything
 * typed. `blocked`: a citizen session; `rehearsal`: an admin's rehearsal, where `not-allowed`
 * navigations were let through and counted. At most 50 hosts; the rest summed in `otherCount`.
 */
export interface BlockedAuditRecord {
  type: 'blocked' | 'rehearsal';
  at: string;
  session: string;
  hosts: { host: string; kind: BlockedKind; rule: BlockedRule; count: number }[];
  otherCount: number;
}

export type AuditRecordInput = WipeAuditRecord | StaffAuditRecord | ServiceAuditRecord | PolicyAuditRecord | ComplianceAuditRecord | BlockedAuditRecord | SignatureAuditRecord;

/**
 * Records of the kiosk's signing key (see signature-records.ts): the first record of a log names the
 * public key (SPKI DER, base64) and its fingerprint (sha256 hex of that DER); a checkpoint signs the
 * log id, seq and seal of the record before it; a rotation is signed by the old key.
 */
export interface LogStartedAuditRecord {
  type: 'log-started';
  at: string;
  logId: string;
  publicKey: string;
  fingerprint: string;
}

/** The first record of a log started by `audit start-new-log`: what it replaced, who, and why. */
export interface LogReplacedAuditRecord {
  type: 'log-replaced';
  at: string;
  logId: string;
  oldLogId: string | null;
  oldRecords: number;
  oldLastSeq: number;
  oldLastSeal: string | null;
  by: string;
  /** false where no credential store exists here, so no OTP could be enrolled or checked. */
  otpChecked: boolean;
  reason: string;
  publicKey?: string;
  fingerprint?: string;
}

export interface CheckpointAuditRecord {
  type: 'checkpoint';
  at: string;
  logId: string;
  /** The record signed: the one just before this checkpoint. */
  seq: number;
  seal: string;
  fingerprint: string;
  signature: string;
}

/** A new signing key; `previousFingerprint` null: a key introduced into a log that had none. */
export interface KeyRotatedAuditRecord {
  type: 'key-rotated';
  at: string;
  logId: string;
  seq: number;
  seal: string;
  publicKey: string;
  fingerprint: string;
  previousFingerprint: string | null;
  signature: string | null;
}

export type SignatureAuditRecord = LogStartedAuditRecord | LogReplacedAuditRecord | CheckpointAuditRecord | KeyRotatedAuditRecord;

/** Narrow interface for anything that writes records (staff access, the shell); implemented in src/audit/. */
export interface AuditSink {
  append(record: AuditRecordInput): Promise<void>;
}
