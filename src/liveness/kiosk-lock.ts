import { randomBytes } from 'node:crypto';
import { link, mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import path from 'node:path';
import { crashPoint } from '../crash/crash-points';
import { replaceFile } from '../state/replace-file';
import { inspectLock, type InspectOptions } from './inspect-lock';
import { isErrno, lockPath, readLockFile, type LockRecord, type LockRole } from './lock-record';

// One import for the kiosk side (main/): the whole liveness API.
export { HEARTBEAT_INTERVAL_MS, STALE_HEARTBEAT_MS, inspectLock, type LockInspection } from './inspect-lock';
export type { LockRecord, LockRole } from './lock-record';

/** What the holder keeps to heartbeat and release; only its own token can touch the file. */
export interface LockHandle {
  readonly stateRoot: string;
  readonly file: string;
  readonly token: string;
  readonly role: LockRole;
  readonly startedAt: string;
  /** Last value written, so a heartbeat without an update keeps it. */
  dueWipePendingSince: string | null;
}

export type AcquireResult = { acquired: true; handle: LockHandle } | { acquired: false; holder: LockRecord };

export interface AcquireOptions extends InspectOptions {
  role?: LockRole;
}

/**
 * Takes the liveness lock in `stateRoot` (created if missing). A stale lock (dead pid, old
 * heartbeat, unreadable) is broken; a live one is reported, never taken over. Creation is atomic:
 * the full record is written to a temporary file and hard-linked into place, which fails if any
 * lock appeared meanwhile, so a reader never sees a half-written lock.
 */
export async function acquireKioskLock(stateRoot: string, options: AcquireOptions = {}): Promise<AcquireResult> {
  await mkdir(stateRoot, { recursive: true, mode: 0o700 });
  crashPoint('dir:made', 'state root');
  const now = options.now ?? Date.now;
  const startedAt = new Date(now()).toISOString();
  const record: LockRecord = {
    version: 1,
    role: options.role ?? 'kiosk',
    pid: process.pid,
    token: randomBytes(16).toString('hex'),
    startedAt,
    heartbeatAt: startedAt,
    dueWipePendingSince: null,
  };
  const file = lockPath(stateRoot);
  const giveUpAt = Date.now() + ACQUIRE_TIMEOUT_MS;
  while (Date.now() < giveUpAt) {
    if (await linkNewLock(file, record)) {
      return { acquired: true, handle: { stateRoot, file, token: record.token, role: record.role, startedAt, dueWipePendingSince: null } };
    }
    const seen = await inspectLock(stateRoot, options);
    if (seen.state === 'alive') return { acquired: false, holder: seen.holder };
    if (seen.state === 'stale' && !(await breakStaleLock(stateRoot, options))) await delay(20);
  }
  throw new Error('kiosk lock: could not be acquired within 5 s (another process keeps breaking it)');
}

const ACQUIRE_TIMEOUT_MS = 5_000;
/** A break guard older than this was left by a process that died while breaking. */
const BREAK_GUARD_STALE_MS = 10_000;

export interface HeartbeatUpdate {
  /** Set when the holder first sees a due shift wipe it has to defer; null once it ran. */
  dueWipePendingSince?: string | null;
}

/**
 * Refreshes the heartbeat. 'lost' means another process holds the lock now (ours was judged stale,
 * e.g. after a long sleep): the kiosk must stop touching the data roots and acquire again.
 */
export async function heartbeat(handle: LockHandle, update: HeartbeatUpdate = {}, now: () => number = Date.now): Promise<'held' | 'lost'> {
  const current = await readLockFile(handle.file);
  if (current.kind !== 'record' || current.record.token !== handle.token) return 'lost';
  if (update.dueWipePendingSince !== undefined) handle.dueWipePendingSince = update.dueWipePendingSince;
  const next: LockRecord = { ...current.record, heartbeatAt: new Date(now()).toISOString(), dueWipePendingSince: handle.dueWipePendingSince };
  const temp = tempName(handle.file);
  await writeFile(temp, JSON.stringify(next), { mode: 0o600 });
  crashPoint('lock:written', 'kiosk.lock temp');
  await replaceFile(temp, handle.file);
  crashPoint('lock:written', 'kiosk.lock');
  return 'held';
}

/** Removes the lock if it is still ours; a lock someone else took over is left alone. */
export async function release(handle: LockHandle): Promise<void> {
  const current = await readLockFile(handle.file);
  if (current.kind === 'record' && current.record.token === handle.token) {
    await unlink(handle.file).catch(ignoreMissing);
    crashPoint('lock:removed', 'kiosk.lock');
  }
}

async function linkNewLock(file: string, record: LockRecord): Promise<boolean> {
  const temp = tempName(file);
  await writeFile(temp, JSON.stringify(record), { mode: 0o600 });
  crashPoint('lock:written', 'kiosk.lock temp');
  try {
    await link(temp, file);
    crashPoint('lock:created', 'kiosk.lock');
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
    crashPoint('lock:removed', 'kiosk.lock temp');
  }
}

/**
 * Removes a stale lock. Only the holder of the break guard (created exclusively) may delete, and it
 * judges the lock again under the guard: two processes that both saw the same stale lock can never
 * delete a fresh lock the other just created. Returns false when another process holds the guard.
 */
async function breakStaleLock(stateRoot: string, options: InspectOptions): Promise<boolean> {
  const file = lockPath(stateRoot);
  const guard = `${file}.break`;
  if (!(await takeBreakGuard(guard))) return false;
  try {
    const again = await inspectLock(stateRoot, options);
    if (again.state === 'stale') await unlink(file).catch(ignoreMissing);
    crashPoint('lock:removed', 'kiosk.lock');
  } finally {
    await unlink(guard).catch(ignoreMissing);
    crashPoint('lock:removed', 'kiosk.lock.break');
  }
  return true;
}

async function takeBreakGuard(guard: string): Promise<boolean> {
  try {
    await writeFile(guard, String(process.pid), { flag: 'wx', mode: 0o600 });
    crashPoint('lock:created', 'kiosk.lock.break');
    return true;
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error;
  }
  const age = await stat(guard).then((s) => Date.now() - s.mtimeMs, () => 0);
  if (age > BREAK_GUARD_STALE_MS) {
    await unlink(guard).catch(ignoreMissing);
    crashPoint('lock:removed', 'kiosk.lock.break');
  }
  return false;
}

function ignoreMissing(error: unknown): void {
  if (!isErrno(error, 'ENOENT')) throw error;
}

function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}
