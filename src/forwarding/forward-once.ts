import path from 'node:path';
import { acquireFileLock, LockTimeoutError } from '../state/file-lock';
import { destinationSlug, type SyslogDestination } from './destination';
import { readDestinationState, writeDestinationState, type DestinationState } from './destination-state';
import type { LogRecord } from './log-reader';
import { pendingRecords } from './pending';
import type { SyslogSender } from './senders';
import { syslogMessage } from './syslog-message';

export interface ForwardOutcome {
  destination: string;
  /** Records the collector acknowledged in this run. */
  sent: number;
  /** Records still past the cursor after this run. */
  backlog: number;
  /** Null when the whole backlog was taken. */
  error: string | null;
  /** What was sent again or could not be read (see pendingRecords). */
  notes: string[];
}

export interface ForwardDeps {
  stateRoot: string;
  hostname: string;
  sender: (destination: SyslogDestination) => SyslogSender;
  now?: () => Date;
  /** How long to wait for another process forwarding to the same collector. */
  lockTimeoutMs?: number;
}

/** The cursor is saved at least this often while a long backlog streams (and always at the end). */
const SAVE_EVERY_RECORDS = 5_000;

/**
 * One pass for one collector: everything past its cursor is sent in order and the cursor moves to
 * the last acknowledged record. A failure keeps what was acknowledged and reports the error; it
 * never throws, so a caller (a wipe, a session) is never held up by a collector.
 */
export async function forwardOnce(destination: SyslogDestination, deps: ForwardDeps): Promise<ForwardOutcome> {
  const now = deps.now ?? (() => new Date());
  const lockFile = path.join(deps.stateRoot, `forward-${destinationSlug(destination.id)}.lock`);
  let lock;
  try {
    lock = await acquireFileLock(lockFile, `forwarding to ${destination.id}`, deps.lockTimeoutMs ?? 60_000);
  } catch (error) {
    const message = error instanceof LockTimeoutError ? error.message : `cannot take the forwarding lock: ${(error as Error).message}`;
    const backlog = await pendingRecords(deps.stateRoot, (await readDestinationState(deps.stateRoot, destination.id)).cursor).then((p) => p.records.length, () => 0);
    return { destination: destination.id, sent: 0, backlog, error: message, notes: [] };
  }
  try {
    return await forwardLocked(destination, deps, now);
  } finally {
    await lock.release();
  }
}

async function forwardLocked(destination: SyslogDestination, deps: ForwardDeps, now: () => Date): Promise<ForwardOutcome> {
  const state: DestinationState = await readDestinationState(deps.stateRoot, destination.id);
  const pending = await pendingRecords(deps.stateRoot, state.cursor);
  const records = pending.records;
  let acked = 0;
  let saving: Promise<void> = Promise.resolve();
  const save = (extra: Partial<DestinationState>) => {
    const snapshot = { ...state, ...extra, cursor: acked > 0 ? cursorAt(records[acked - 1]!) : state.cursor };
    saving = saving.then(() => writeDestinationState(deps.stateRoot, snapshot));
    return saving;
  };
  let error: string | null = null;
  if (records.length > 0) {
    const messages = records.map((record) => syslogMessage(record, { hostname: deps.hostname, enterpriseId: destination.enterpriseId }));
    try {
      await deps.sender(destination)(messages, (index) => {
        acked = index + 1;
        if (acked % SAVE_EVERY_RECORDS === 0) void save({}).catch(() => undefined);
      });
    } catch (failure) {
      // Every record acknowledged (e.g. only `close` failed) is a delivered backlog.
      if (acked < records.length) error = (failure as Error).message || String(failure);
    }
  }
  await saving.catch(() => undefined);
  const at = now().toISOString();
  const lastError = error ? { at, message: error } : null;
  const notesChanged = JSON.stringify(pending.notes) !== JSON.stringify(state.notes ?? []);
  if (acked > 0 || lastError || state.lastError || notesChanged) {
    await save({ lastError, notes: pending.notes, ...(error === null ? { lastSuccessAt: at } : {}) });
  }
  return { destination: destination.id, sent: acked, backlog: records.length - acked, error, notes: pending.notes };
}

function cursorAt(record: LogRecord) {
  return { logId: record.logId, seq: record.seq, seal: record.seal, offset: record.end };
}
