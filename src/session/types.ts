import type { KioskState, OutOfServiceReason } from '../ipc/contract';
import type { Policy } from '../policy/schema';
import type { KioskClock } from '../schedule/clock';
import type { LastShiftWipe, ShiftWipeDue } from '../schedule/due-check';
import type { DueSource } from '../schedule/due-monitor';

/** One citizen's session: everything the glue and the wipe engine need to create and then erase it. */
export interface CitizenSession<Canaries = unknown> {
  /** Random (crypto.randomUUID), never reused while the process lives. */
  id: string;
  /** Electron partition name; new per session, because Electron never frees a session it made. */
  partition: string;
  /** This session's own folder name under the downloads root (the id, as the wipe engine expects). */
  downloadsFolderName: string;
  /** The wipe verification markers planted in this session (from the wipe engine). */
  canaries: Canaries;
  startedAt: string;
  serviceIndex: number | null;
  /**
   * An admin's rehearsal (audit mode, src/blocked-journal/rehearsal.ts): started only from the staff
   * panel, with its own short idle timeout; wiped like any session.
   */
  rehearsal?: true;
}

/** Why a citizen session ended (the session wipe's audit trigger). */
export type SessionEndTrigger = 'end-button' | 'idle-timeout' | 'browser-crash' | 'shift-end' | 'staff';

export type { DueSource };

/** Why a full (shift) wipe ran (its audit trigger). */
export type ShiftWipeTrigger = DueSource | 'recovery' | 'staff';

export type WipeOutcome = { ok: true } | { ok: false; detail?: string };

export type SessionPolicy = Pick<Policy, 'schedule' | 'session'>;

/** Everything the controller touches outside itself: the Electron glue passes real ones, tests fakes. */
export interface SessionControllerDeps<Canaries = unknown> {
  policy: SessionPolicy;
  clock: KioskClock;
  /** Erases one citizen session (closes its view, clears its partition, removes its downloads, verifies). */
  runSessionWipe(session: CitizenSession<Canaries>, trigger: SessionEndTrigger): Promise<WipeOutcome>;
  /** The full wipe; on success the engine records `coveredShiftEnd` as the last shift wipe. */
  runShiftWipe(trigger: ShiftWipeTrigger, coveredShiftEnd: Date | null): Promise<WipeOutcome>;
  /** The persisted last successful shift wipe (state root), or null. */
  readLastShiftWipe(): Promise<LastShiftWipe | null> | LastShiftWipe | null;
  /** A fresh random id per call (crypto.randomUUID). */
  newSessionId(): string;
  createCanaries(sessionId: string): Canaries;
  options?: SessionControllerOptions;
}

export interface SessionControllerOptions {
  /** How often the due check runs on its own (issue: every 30 s). */
  dueCheckIntervalMs?: number;
  /** Waits before each automatic recovery wipe while out of service; the last repeats. */
  recoveryDelaysMs?: readonly number[];
  /**
   * Prefix of partition names (default none: the partition is the session id, which is what the wipe
   * engine's session wipe and canaries key on). Without `persist:` Electron keeps the session in
   * memory only, which the shell requires for citizen site views.
   */
  partitionPrefix?: string;
  /** A wall-clock step back larger than this (against the monotonic clock) distrusts the last wipe record. */
  clockSetBackToleranceMs?: number;
}

/** What the UI renders; field names match KioskStatus in src/ipc/contract.ts. */
export interface SessionStatus {
  state: KioskState;
  idleWarning?: { secondsLeft: number };
  shiftWarning?: { secondsLeft: number };
  wipe?: { scope: 'session' | 'shift'; phase: 'running' | 'succeeded' | 'failed' };
  outOfService?: { reason: OutOfServiceReason; since: string };
}

export type StartSessionResult<Canaries = unknown> =
  | { ok: true; session: CitizenSession<Canaries> }
  | { ok: false; reason: 'not-ready' | 'shift-wipe-due' | 'internal-error' };

/** Every event the state machine knows. Internal ones come from its own timers and wipes. */
export type KioskEvent =
  | { type: 'booted'; due: ShiftWipeDue; fault: OutOfServiceReason | null }
  | { type: 'start-session'; serviceIndex: number | null; rehearsal?: true }
  | { type: 'user-activity' }
  | { type: 'idle-warning' }
  | { type: 'idle-timeout' }
  | { type: 'still-here' }
  | { type: 'end-session' }
  | { type: 'shift-end'; due: ShiftWipeDue }
  | { type: 'due-check'; due: ShiftWipeDue; source: DueSource }
  | { type: 'shift-warning-over' }
  | { type: 'wipe-succeeded'; wipeId: number }
  | { type: 'wipe-failed'; wipeId: number; detail: string }
  | { type: 'browser-crashed' }
  | { type: 'retry-wipe' }
  | { type: 'staff-wipe' }
  | { type: 'fault'; reason: OutOfServiceReason };

export type KioskEventType = KioskEvent['type'];

/** Told to event listeners for every event: what it was, the state it met, and whether it was ignored. */
export interface EventRecord {
  event: KioskEvent;
  from: KioskState;
  to: KioskState;
  ignored: boolean;
  /** Why it was ignored, when it was. */
  note?: string;
}
