import { processAlive } from '../state/file-lock';
import { lockPath, readLockFile, type LockRecord } from './lock-record';

/** The kiosk rewrites its lock this often (main/ runs the timer). */
export const HEARTBEAT_INTERVAL_MS = 15_000;
/**
 * A lock whose heartbeat is older than this is stale even if its pid is alive: after a reboot the
 * pid may belong to another program, and a hung kiosk must not block the OS-started wipe forever.
 */
export const STALE_HEARTBEAT_MS = 120_000;

export type StaleReason = 'process-gone' | 'heartbeat-old' | 'unreadable';

export type LockInspection =
  | { state: 'free' }
  | { state: 'alive'; holder: LockRecord }
  | { state: 'stale'; why: StaleReason; holder: LockRecord | null };

export interface InspectOptions {
  now?: () => number;
  staleHeartbeatMs?: number;
  /** Injected in tests; the real check asks the OS whether the pid exists. */
  isAlive?: (pid: number) => boolean;
}

/** Reads the lock and judges its holder; never changes anything. */
export async function inspectLock(stateRoot: string, options: InspectOptions = {}): Promise<LockInspection> {
  const read = await readLockFile(lockPath(stateRoot));
  if (read.kind === 'absent') return { state: 'free' };
  if (read.kind === 'unreadable') return { state: 'stale', why: 'unreadable', holder: null };
  return judge(read.record, options);
}

export function judge(holder: LockRecord, options: InspectOptions = {}): LockInspection {
  const now = (options.now ?? Date.now)();
  const isAlive = options.isAlive ?? processAlive;
  if (!isAlive(holder.pid)) return { state: 'stale', why: 'process-gone', holder };
  // A heartbeat from the future (clock set back) counts as fresh: the pid check above still applies.
  const age = now - Date.parse(holder.heartbeatAt);
  if (age > (options.staleHeartbeatMs ?? STALE_HEARTBEAT_MS)) return { state: 'stale', why: 'heartbeat-old', holder };
  return { state: 'alive', holder };
}
