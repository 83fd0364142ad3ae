import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspectLock } from '../../../src/liveness/inspect-lock';
import { lockPath } from '../../../src/liveness/lock-record';
import { overdueDeadline, wipeIfDue, type WipeIfDueDeps } from '../../../src/liveness/wipe-if-due';
import { readServiceState, recordShiftWipe } from '../../../src/state/service-state';
import { deadPid, startLockHolder, stopChild, writeLock } from './lock-holder';

// Real lock files, real processes, the real clock; only the grace is shortened from 10 minutes.
let stateRoot: string;
beforeEach(() => {
  stateRoot = mkdtempSync(path.join(tmpdir(), 'pk-if-due-'));
});
afterEach(() => rmSync(stateRoot, { recursive: true, force: true }));

// Every day at 00:00 UTC: the latest shift end is always earlier today.
const schedule = { timeZone: 'UTC', shiftEnds: ['00:00'], days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const, warningSeconds: 0 };
const todayMidnight = (): Date => new Date(new Date().toISOString().slice(0, 10) + 'T00:00:00Z');

function harness(overrides: Partial<WipeIfDueDeps> = {}) {
  const calls = { wipes: [] as { covered: string; trigger: string; lockRole: string | undefined }[], outOfService: [] as string[], lines: [] as string[] };
  const deps: WipeIfDueDeps = {
    stateRoot,
    schedule: { ...schedule, days: [...schedule.days] },
    readLastShiftWipe: async () => (await readServiceState(stateRoot)).lastShiftWipe,
    runShiftWipe: async (covered, trigger) => {
      const seen = await inspectLock(stateRoot);
      calls.wipes.push({ covered: covered.toISOString(), trigger, lockRole: seen.state === 'alive' ? `${seen.holder.role}:${seen.holder.pid}` : seen.state });
      await recordShiftWipe(stateRoot, new Date(), covered);
      return { ok: true };
    },
    markOutOfService: async (reason) => void calls.outOfService.push(reason),
    say: (line) => void calls.lines.push(line),
    overdueGraceMs: 800,
    pollMs: 50,
    ...overrides,
  };
  return { deps, calls };
}

/** What happens elsewhere at the Nth poll of the waiting run: ordered by polls, not by wall time. */
function pollScript(at: Record<number, () => unknown>) {
  let polls = 0;
  const sleep = async (ms: number): Promise<void> => {
    polls += 1;
    await at[polls]?.();
    await new Promise((resolve) => setTimeout(resolve, ms));
  };
  return Object.assign(sleep, { polls: () => polls });
}

const wipedByOther = () => recordShiftWipe(stateRoot, new Date(), todayMidnight());

describe('wipe --if-due', () => {
  it('does nothing when the last shift wipe covers the latest shift end', async () => {
    await recordShiftWipe(stateRoot, new Date(), todayMidnight());
    const { deps, calls } = harness();
    expect(await wipeIfDue(deps)).toBe('not-due');
    expect(calls.wipes).toEqual([]);
    expect(calls.lines[0]).toMatch(/^not due/);
  });

  it('wipes when due and no kiosk runs, holding the lock as os-wipe meanwhile', async () => {
    const { deps, calls } = harness();
    expect(await wipeIfDue(deps)).toBe('wiped');
    expect(calls.wipes).toEqual([{ covered: todayMidnight().toISOString(), trigger: expect.stringMatching(/shift-end|catch-up/), lockRole: `os-wipe:${process.pid}` }]);
    expect(existsSync(lockPath(stateRoot))).toBe(false);
  });

  it('takes over a stale lock of a kiosk that is gone, and reports a failed wipe', async () => {
    writeLock(stateRoot, { pid: deadPid() });
    const { deps, calls } = harness({ runShiftWipe: async () => ({ ok: false }) });
    expect(await wipeIfDue(deps)).toBe('wipe-failed');
    expect(calls.lines.some((l) => l.includes('stale lock: process-gone'))).toBe(true);
    expect(existsSync(lockPath(stateRoot))).toBe(false);
  });

  it('gives a live process with an old heartbeat (a kiosk waking from sleep) time to resume', async () => {
    const sleeper = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const old = new Date(Date.now() - 5 * 60_000).toISOString();
      writeLock(stateRoot, { pid: sleeper.pid as number, startedAt: old, heartbeatAt: old });
      // The kiosk beats again during the resume grace (the first sleep) and wipes a few polls later:
      // ordered by the waiting run's own sleeps, not by wall time, because CI is busy.
      const sleep = pollScript({ 1: () => writeLock(stateRoot, { pid: sleeper.pid as number, startedAt: old }), 5: wipedByOther });
      const { deps, calls } = harness({ resumeGraceMs: 300, overdueGraceMs: 30 * 60_000, sleep });
      expect(await wipeIfDue(deps)).toBe('wiped-by-other');
      expect(calls.lines[0]).toContain('is alive but its heartbeat is old: giving it');
      expect(calls.wipes).toEqual([]);
    } finally {
      await stopChild(sleeper);
    }
  });

  it('wipes after that grace when the old-heartbeat process never resumes', async () => {
    const hung = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const old = new Date(Date.now() - 5 * 60_000).toISOString();
      writeLock(stateRoot, { pid: hung.pid as number, startedAt: old, heartbeatAt: old });
      const started = Date.now();
      const { deps, calls } = harness({ resumeGraceMs: 300 });
      expect(await wipeIfDue(deps)).toBe('wiped');
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(calls.wipes).toHaveLength(1);
      expect(calls.lines.some((l) => l.includes('stale lock: heartbeat-old'))).toBe(true);
    } finally {
      await stopChild(hung);
    }
  });

  it('leaves the wipe to a live kiosk and ends when the kiosk has done it', async () => {
    const { child } = await startLockHolder(stateRoot);
    try {
      const { deps, calls } = harness({ overdueGraceMs: 30_000, sleep: pollScript({ 4: wipedByOther }) });
      expect(await wipeIfDue(deps)).toBe('wiped-by-other');
      expect(calls.wipes).toEqual([]);
      expect(calls.outOfService).toEqual([]);
      expect(calls.lines.filter((l) => l.includes('wipes by itself'))).toHaveLength(1);
    } finally {
      await stopChild(child);
    }
  });

  it('takes a kiosk that let a due wipe wait too long out of service at once', async () => {
    const { child } = await startLockHolder(stateRoot, { dueWipePendingSince: new Date(Date.now() - 20 * 60_000).toISOString() });
    try {
      const { deps, calls } = harness({ overdueGraceMs: 10 * 60_000 });
      expect(await wipeIfDue(deps)).toBe('out-of-service');
      expect(calls.outOfService).toEqual(['wipe-overdue']);
      expect(calls.wipes).toEqual([]);
    } finally {
      await stopChild(child);
    }
  });

  it('counts from the kiosk start, not the shift end, then gives up on a kiosk that never wipes', async () => {
    const { child } = await startLockHolder(stateRoot);
    try {
      const started = Date.now();
      const { deps, calls } = harness();
      expect(await wipeIfDue(deps)).toBe('out-of-service');
      expect(Date.now() - started).toBeGreaterThanOrEqual(500);
      expect(calls.outOfService).toEqual(['wipe-overdue']);
    } finally {
      await stopChild(child);
    }
  });

  it('waits for another OS-started wipe without ever declaring it overdue', async () => {
    const { child } = await startLockHolder(stateRoot, { role: 'os-wipe' });
    try {
      // The other run's wipe lands only after this run has waited well past its overdue grace
      // (counted in its own polls, not wall time, so a busy machine cannot reorder the two).
      const sleep = pollScript({ 6: wipedByOther });
      const { deps, calls } = harness({ overdueGraceMs: 100, sleep });
      expect(await wipeIfDue(deps)).toBe('wiped-by-other');
      expect(sleep.polls()).toBeGreaterThanOrEqual(6);
      expect(calls.outOfService).toEqual([]);
    } finally {
      await stopChild(child);
    }
  });
});

describe('overdueDeadline', () => {
  const holder = { version: 1 as const, role: 'kiosk' as const, pid: 1, token: 't', heartbeatAt: '', dueWipePendingSince: null };
  const shiftEnd = new Date('2026-03-02T04:30:00Z');
  const deps = { schedule: { ...schedule, days: [...schedule.days], warningSeconds: 120 } };
  it.each([
    ['kiosk running since before the shift end: shift end + countdown + 10 min', '2026-03-02T01:00:00Z', null, '2026-03-02T04:42:00.000Z'],
    ['kiosk started after it (catch-up time): its start + countdown + 10 min', '2026-03-02T06:00:00Z', null, '2026-03-02T06:12:00.000Z'],
    ['kiosk reports it pending since earlier: that counts', '2026-03-02T06:00:00Z', '2026-03-02T05:00:00Z', '2026-03-02T05:12:00.000Z'],
  ])('%s', (_case, startedAt, pending, expected) => {
    const deadline = overdueDeadline({ ...holder, startedAt, dueWipePendingSince: pending }, shiftEnd, deps);
    expect(new Date(deadline).toISOString()).toBe(expected);
  });
});
