import type { AuditSink, WipeAuditRecord, WipeTrigger } from '../audit/record-types';
import type { CredentialStore } from '../secrets/credential-store';
import type { ClipboardPort } from './clipboard';

export type { WipeTrigger } from '../audit/record-types';

/** The three roots (from the policy, each overridable on the CLI) plus the policy's extra folders. */
export interface WipeRoots {
  /** Everything the browser engine writes (Electron's sessionData, with Partitions/). */
  sessionData: string;
  /** One subfolder per citizen session. */
  downloads: string;
  /** The kiosk's own files (audit log, journal, state): never wiped, never holds browsing data. */
  state: string;
  /** Folders the shift wipe empties too. */
  extraPaths: string[];
  /**
   * Folders every session wipe and every shift wipe empties (a scanner's output folder): kept, since
   * the scanner needs it, and emptied; one that does not exist is nothing to wipe, not an error.
   */
  sessionPaths: string[];
}

export interface WipeRequest {
  scope: 'session' | 'shift';
  trigger: WipeTrigger;
  /** The session's partition name (without `persist:`); required for scope 'session'. */
  sessionId?: string;
  /** Shift wipe: the latest scheduled shift end this wipe satisfies (computed by the scheduler). */
  coveredShiftEnd?: Date;
}

export interface WipeDeps {
  roots: WipeRoots;
  /** OS credential-store services whose entries the shift wipe deletes (policy wipe.credentialServices). */
  credentialServices: string[];
  credentialStore: CredentialStore | null;
  audit: AuditSink;
  /**
   * The OS clipboard (Electron's main process only). Absent in plain Node (the CLI): the record then
   * says clipboardCleared null. Cleared before the record is written; a failure fails the wipe.
   */
  clipboard?: ClipboardPort | null;
  /** For the clipboard kinds (Linux has a selection clipboard too); default process.platform. */
  platform?: NodeJS.Platform;
  now?: () => Date;
  /**
   * The scheduled shift end a shift wipe started at `at` covers when the request names none (a manual
   * or recovery wipe): the latest at or before it, by the policy's schedule. Written into the record.
   */
  shiftEndCoveredAt?: (at: Date) => Date | null;
  /** How hard to retry a target that will not go; the defaults suit Windows' transient locks. */
  removal?: Partial<RemovalPolicy>;
  /** How long to wait for another process's wipe to finish before giving up. */
  lockTimeoutMs?: number;
}

export interface RemovalPolicy {
  /** Whole-target attempts (each one a full rimraf with its own per-file busy retries). */
  attempts: number;
  /** Wait before the second attempt; doubled for each later one. */
  firstDelayMs: number;
}

export interface WipeOutcome {
  ok: boolean;
  record: WipeAuditRecord;
  /** The audit log could not take the record (the kiosk is then out of service all the same). */
  recordWritten: boolean;
  /** Why the audit log refused the record (it names the file and the command that fixes it). */
  recordError?: string;
}

/** A dangerous or invalid root or request: nothing was deleted. The CLI exits 2. */
export class WipeRefusedError extends Error {
  constructor(readonly reasons: string[]) {
    super(`refusing to wipe: ${reasons.join('; ')}`);
    this.name = 'WipeRefusedError';
  }
}
