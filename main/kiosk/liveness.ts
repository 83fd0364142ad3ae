import type { Cancelable, KioskClock } from '../../src/schedule/clock';
import { acquireKioskLock, heartbeat, HEARTBEAT_INTERVAL_MS, release, type LockHandle } from '../../src/liveness/kiosk-lock';

/**
 * The running kiosk's liveness lock in the state root: taken before any citizen session (an
 * OS-started `wipe --if-due` busy with the roots is waited for), heartbeated, and reported lost
 * when another process took it over (e.g. after a long sleep the lock was judged stale): then the
 * kiosk must stop serving, since someone else may be wiping under it.
 */
export interface LivenessDeps {
  stateRoot: string;
  clock: Pick<KioskClock, 'setTimer'>;
  /** When a due shift wipe first had to wait for a citizen (the OS check's overdue clock), else null. */
  pendingSince(): string | null;
  onLost(): void;
  log(message: string): void;
  retryMs?: number;
}

export interface HeldLock {
  release(): Promise<void>;
}

export async function holdKioskLock(deps: LivenessDeps): Promise<HeldLock> {
  let handle: LockHandle | null = null;
  for (let attempt = 0; handle === null; attempt += 1) {
    const result = await acquireKioskLock(deps.stateRoot);
    if (result.acquired) handle = result.handle;
    else {
      if (attempt === 0) deps.log(`waiting for ${result.holder.role} (pid ${result.holder.pid}) to finish with the data roots`);
      await new Promise<void>((resolve) => deps.clock.setTimer(deps.retryMs ?? 2_000, resolve));
    }
  }
  const held = handle;
  let timer: Cancelable | null = null;
  let stopped = false;
  const beat = async (): Promise<void> => {
    const state = await heartbeat(held, { dueWipePendingSince: deps.pendingSince() }).catch(() => 'lost' as const);
    if (stopped) return;
    if (state === 'lost') {
      stopped = true;
      deps.onLost();
      return;
    }
    timer = deps.clock.setTimer(HEARTBEAT_INTERVAL_MS, () => void beat());
  };
  timer = deps.clock.setTimer(HEARTBEAT_INTERVAL_MS, () => void beat());
  return {
    async release() {
      stopped = true;
      timer?.cancel();
      await release(held);
    },
  };
}
