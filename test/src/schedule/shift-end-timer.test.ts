import { describe, expect, it } from 'vitest';
import { ShiftEndTimer } from '../../../src/schedule/shift-end-timer';
import { systemClock } from '../../../src/schedule/system-clock';
import { FakeClock } from '../session/support/fake-clock';

describe('ShiftEndTimer on the real clock and node-schedule', () => {
  it('fires once for a shift end a few seconds ahead, not early, then waits for the next one', async () => {
    const target = new Date(Date.now() + 2_500);
    const nextHour = new Date(target.getTime() + 3_600_000);
    const fired: { shiftEnd: Date; at: number }[] = [];
    let timer: ShiftEndTimer | undefined;
    const firstFiring = new Promise<void>((resolve) => {
      timer = new ShiftEndTimer(systemClock, (after) => (after < target ? target : nextHour), (shiftEnd) => {
        fired.push({ shiftEnd, at: Date.now() });
        resolve();
      });
    });
    expect(timer?.arm()).toEqual(target);
    await firstFiring;
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(fired).toHaveLength(1);
    expect(fired[0]?.shiftEnd).toEqual(target);
    expect(fired[0]?.at).toBeGreaterThanOrEqual(target.getTime());
    expect(timer?.nextShiftEnd).toEqual(nextHour);
    timer?.cancel();
    expect(timer?.nextShiftEnd).toBeNull();
  });

  it('fires at once for a shift end already past', async () => {
    const past = new Date(Date.now() - 1_000);
    let calls = 0;
    await new Promise<void>((resolve) => {
      const timer = new ShiftEndTimer(systemClock, (after) => (after < past ? past : null), () => {
        calls += 1;
        resolve();
      });
      timer.arm(false, past.getTime() - 1);
    });
    expect(calls).toBe(1);
  });
});

describe('ShiftEndTimer with a clock that changes', () => {
  it('after a clock set back it fires at the wall-clock shift end, not when the old timeout runs out', async () => {
    const clock = new FakeClock(new Date('2025-06-02T04:00:00Z'));
    const target = new Date('2025-06-02T04:30:00Z');
    const fired: number[] = [];
    const timer = new ShiftEndTimer(clock, (after) => (after < target ? target : null), () => fired.push(clock.now()));
    timer.arm();
    clock.jump(-10 * 60_000); // 03:50 on the wall, the armed timeout still says 30 min
    await clock.advance(30 * 60_000);
    expect(fired).toEqual([]);
    await clock.advance(10 * 60_000);
    expect(fired).toEqual([target.getTime()]);
  });

  it('keeps the armed timer when re-armed for the same shift end, replaces it when forced', () => {
    const clock = new FakeClock(new Date('2025-06-02T04:00:00Z'));
    const target = new Date('2025-06-02T04:30:00Z');
    const timer = new ShiftEndTimer(clock, () => target, () => undefined);
    timer.arm();
    timer.arm();
    expect(clock.pendingTimers).toBe(1);
    timer.arm(true);
    expect(clock.pendingTimers).toBe(1);
  });
});
