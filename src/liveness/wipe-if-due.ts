import type { Policy } from '../policy/schema';
import { shiftWipeDue, type LastShiftWipe } from '../schedule/due-check';
import { inspectLock, HEARTBEAT_INTERVAL_MS, type InspectOptions } from './inspect-lock';
import { acquireKioskLock, heartbeat, release } from './kiosk-lock';
import type { LockRecord } from './lock-record';

/**
 * How long a running kiosk may let a due shift wipe wait, on top of the policy's countdown for a
 * citizen still in session (schedule.warningSeconds), before the OS-started check takes the kiosk
 * out of service with reason 'wipe-overdue'. Counted from when the wipe was first pending while the
 * kiosk was alive (its own report in the lock, else the later of the shift end and its start).
 */
export const WIPE_OVERDUE_GRACE_MS = 10 * 60_000;
/** A wipe this soon after its shift end is the scheduled one; later it is a catch-up. */
const ON_TIME_MS = 15 * 60_000;

export type WipeIfDueOutcome = 'not-due' | 'wiped' | 'wipe-failed' | 'wiped-by-other' | 'out-of-service';

export interface WipeIfDueDeps extends InspectOptions {
  stateRoot: string;
  schedule: Policy['schedule'];
  readLastShiftWipe(): Promise<LastShiftWipe | null>;
  /** The real shift wipe (runWipe); resolves ok:false for a failed wipe. */
  runShiftWipe(coveredShiftEnd: Date, trigger: 'shift-end' | 'catch-up'): Promise<{ ok: boolean }>;
  markOutOfService(reason: 'wipe-overdue'): Promise<void>;
  /** Progress for the IT officer / the journal of the OS scheduler. */
  say(line: string): void;
  overdueGraceMs?: number;
  /** How long a live process with an old heartbeat gets to beat again (a kiosk waking from sleep). */
  resumeGraceMs?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The OS scheduler's `wipe --if-due`: wipes only when the due check says so, and never fights a
 * running kiosk for the files. A live kiosk is left to wipe by itself; this run waits for the wipe
 * to show up, and takes the kiosk out of service when it stays overdue. A free or stale lock is
 * taken (role 'os-wipe', heartbeating) for the length of the wipe so a kiosk starting meanwhile waits.
 */
export async function wipeIfDue(deps: WipeIfDueDeps): Promise<WipeIfDueOutcome> {
  const now = () => new Date((deps.now ?? Date.now)());
  const sleep = deps.sleep ?? realSleep;
  const pollMs = deps.pollMs ?? HEARTBEAT_INTERVAL_MS;
  const resumeGrace = deps.resumeGraceMs ?? 2 * HEARTBEAT_INTERVAL_MS;
  let announced = false;
  let resumeWaited = false;
  for (;;) {
    const due = shiftWipeDue({ schedule: deps.schedule, lastShiftWipe: await deps.readLastShiftWipe(), now: now() });
    if (!due.due || due.shiftEnd === null) return notDue(due.reason, deps);
    const seen = await inspectLock(deps.stateRoot, deps);
    if (seen.state === 'alive') {
      const waited = await waitForHolder(seen.holder, due.shiftEnd, due.reason, deps, { now, sleep, pollMs, quiet: announced });
      announced = true;
      if (waited === 'overdue') {
        await deps.markOutOfService('wipe-overdue');
        return 'out-of-service';
      }
      if (!(await stillDue(deps, now))) return 'wiped-by-other';
      continue;
    }
    if (seen.state === 'stale' && seen.why === 'heartbeat-old' && !resumeWaited) {
      // After a sleep the OS timer fires at once while the kiosk's heartbeat timer has not yet run.
      resumeWaited = true;
      deps.say(`the lock's process (pid ${seen.holder?.pid ?? '?'}) is alive but its heartbeat is old: giving it ${Math.round(resumeGrace / 1000)} s to resume`);
      await sleep(resumeGrace);
      continue;
    }
    const taken = await acquireKioskLock(deps.stateRoot, { ...deps, role: 'os-wipe' });
    if (!taken.acquired) continue; // a kiosk started just now: judged as alive on the next round
    try {
      const latest = shiftWipeDue({ schedule: deps.schedule, lastShiftWipe: await deps.readLastShiftWipe(), now: now() });
      if (!latest.due || latest.shiftEnd === null) return notDue(latest.reason, deps);
      const trigger = now().getTime() - latest.shiftEnd.getTime() <= ON_TIME_MS ? 'shift-end' : 'catch-up';
      deps.say(`${latest.reason}; no kiosk is running${seen.state === 'stale' ? ` (stale lock: ${seen.why})` : ''}: wiping now (${trigger})`);
      const beat = setInterval(() => void heartbeat(taken.handle).catch(() => undefined), HEARTBEAT_INTERVAL_MS);
      try {
        return (await deps.runShiftWipe(latest.shiftEnd, trigger)).ok ? 'wiped' : 'wipe-failed';
      } finally {
        clearInterval(beat);
      }
    } finally {
      await release(taken.handle);
    }
  }
}

interface Waiting {
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  pollMs: number;
  /** The waiting line was printed already: one line per run, not one per poll. */
  quiet: boolean;
}

/**
 * One poll interval of waiting for a live holder. Another OS-started wipe is simply waited for; a
 * kiosk is waited for until its deadline, then reported overdue.
 */
async function waitForHolder(holder: LockRecord, shiftEnd: Date, reason: string, deps: WipeIfDueDeps, w: Waiting): Promise<'waited' | 'overdue'> {
  if (holder.role === 'os-wipe') {
    if (!w.quiet) deps.say(`${reason}; another OS-started wipe (pid ${holder.pid}) is running it: waiting for it`);
    await w.sleep(w.pollMs);
    return 'waited';
  }
  const deadline = overdueDeadline(holder, shiftEnd, deps);
  const left = deadline - w.now().getTime();
  if (left <= 0) {
    deps.say(`${reason}; the running kiosk (pid ${holder.pid}) has let it wait past ${new Date(deadline).toISOString()}: taking it out of service (wipe-overdue)`);
    return 'overdue';
  }
  if (!w.quiet) deps.say(`${reason}; the kiosk is running (pid ${holder.pid}) and wipes by itself: waiting up to ${Math.ceil(left / 1000)} s`);
  await w.sleep(Math.min(w.pollMs, left));
  return 'waited';
}

function notDue(reason: string, deps: WipeIfDueDeps): 'not-due' {
  deps.say(reason.startsWith('not due') ? reason : `not due: ${reason}`);
  return 'not-due';
}

async function stillDue(deps: WipeIfDueDeps, now: () => Date): Promise<boolean> {
  const due = shiftWipeDue({ schedule: deps.schedule, lastShiftWipe: await deps.readLastShiftWipe(), now: now() });
  if (!due.due) deps.say(`wiped by the running kiosk: ${due.reason}`);
  return due.due;
}

/** When a due wipe the live holder has not run becomes overdue (ms since the epoch). */
export function overdueDeadline(holder: LockRecord, shiftEnd: Date, deps: Pick<WipeIfDueDeps, 'schedule' | 'overdueGraceMs'>): number {
  const sinceAlive = Math.max(shiftEnd.getTime(), Date.parse(holder.startedAt));
  const reported = holder.dueWipePendingSince === null ? Infinity : Date.parse(holder.dueWipePendingSince);
  const pendingSince = Math.min(sinceAlive, reported);
  return pendingSince + deps.schedule.warningSeconds * 1000 + (deps.overdueGraceMs ?? WIPE_OVERDUE_GRACE_MS);
}
