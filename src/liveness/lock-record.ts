import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The lock lives in the state root, next to the service state the wipe writes. */
export const LOCK_FILE_NAME = 'kiosk.lock';

/**
 * Who holds the lock: the running kiosk, or an OS-started `wipe --if-due` while it wipes (so a
 * kiosk starting at that moment waits instead of opening sessions on half-deleted folders).
 */
export type LockRole = 'kiosk' | 'os-wipe';

/** What the lock file holds. No personal data: a process id and times. */
export interface LockRecord {
  version: 1;
  role: LockRole;
  pid: number;
  /** Random per acquisition: tells this holder's lock apart from a later one with a reused pid. */
  token: string;
  startedAt: string;
  heartbeatAt: string;
  /** When the holder first saw a shift wipe due but not yet run (a citizen's countdown), else null. */
  dueWipePendingSince: string | null;
}

export function lockPath(stateRoot: string): string {
  return path.join(stateRoot, LOCK_FILE_NAME);
}

export type LockReadResult = { kind: 'absent' } | { kind: 'unreadable' } | { kind: 'record'; record: LockRecord };

export async function readLockFile(file: string): Promise<LockReadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { kind: 'absent' };
    throw error;
  }
  const record = parseLockRecord(text);
  return record ? { kind: 'record', record } : { kind: 'unreadable' };
}

/** Strict: anything that is not exactly a lock record counts as unreadable (and so stale). */
export function parseLockRecord(text: string): LockRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const r = value as Record<string, unknown>;
  const isTime = (v: unknown): v is string => typeof v === 'string' && Number.isFinite(Date.parse(v));
  if (r.version !== 1 || (r.role !== 'kiosk' && r.role !== 'os-wipe')) return null;
  if (typeof r.pid !== 'number' || !Number.isInteger(r.pid) || r.pid <= 0) return null;
  if (typeof r.token !== 'string' || r.token.length === 0) return null;
  if (!isTime(r.startedAt) || !isTime(r.heartbeatAt)) return null;
  if (r.dueWipePendingSince !== null && !isTime(r.dueWipePendingSince)) return null;
  return {
    version: 1,
    role: r.role,
    pid: r.pid,
    token: r.token,
    startedAt: r.startedAt,
    heartbeatAt: r.heartbeatAt,
    dueWipePendingSince: r.dueWipePendingSince,
  };
}

export function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
