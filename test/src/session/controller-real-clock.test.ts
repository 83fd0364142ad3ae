import { describe, expect, it } from 'vitest';
import type { Cancelable, KioskClock } from '../../../src/schedule/clock';
import type { LastShiftWipe } from '../../../src/schedule/due-check';
import { systemClock } from '../../../src/schedule/system-clock';
import { SessionController } from '../../../src/session/controller';
import type { EventRecord, ShiftWipeTrigger } from '../../../src/session/types';
import { hcmPolicy } from './support/kiosk-harness';

/**
 * The real clock, real timers and real node-schedule, with the wall clock read `offsetMs` ahead so
 * that Ho Chi Minh City's 11:30 shift end is seconds away whatever the time of the run.
 */
function shiftedClock(offsetMs: number): KioskClock {
  return {
    now: () => systemClock.now() + offsetMs,
    monotonicNow: () => systemClock.monotonicNow(),
    setTimer: (delayMs, callback) => systemClock.setTimer(delayMs, callback),
    scheduleAt: (when, callback): Cancelable => systemClock.scheduleAt(new Date(when.getTime() - offsetMs), callback),
  };
}

describe('session controller on the real clock and node-schedule', () => {
  it('a shift end three seconds ahead fires once and runs one full wipe', async () => {
    const shiftEnd = new Date('2025-06-02T11:30:00+07:00');
    const clock = shiftedClock(shiftEnd.getTime() - 3_000 - Date.now());
    const shiftWipes: { trigger: ShiftWipeTrigger; covered: Date | null }[] = [];
    let record: LastShiftWipe = { at: '2025-05-30T10:01:00.000Z', coveredShiftEnd: '2025-05-30T10:00:00.000Z' };
    const controller = new SessionController({
      policy: hcmPolicy,
      clock,
      runSessionWipe: async () => ({ ok: true }),
      runShiftWipe: async (trigger, covered) => {
        shiftWipes.push({ trigger, covered });
        record = { at: new Date(clock.now()).toISOString(), coveredShiftEnd: covered?.toISOString() ?? null };
        return { ok: true };
      },
      readLastShiftWipe: () => record,
      newSessionId: () => crypto.randomUUID(),
      createCanaries: () => null,
    });
    const backInService = new Promise<EventRecord>((resolve) => {
      controller.onEvent((e) => {
        if (e.event.type === 'wipe-succeeded') resolve(e);
      });
    });
    await controller.start();
    expect(controller.status().state).toBe('welcome');
    expect(controller.nextShiftEnd()).toEqual(shiftEnd);
    await backInService;
    expect(shiftWipes).toEqual([{ trigger: 'shift-end', covered: shiftEnd }]);
    expect(clock.now()).toBeGreaterThanOrEqual(shiftEnd.getTime());
    expect(controller.nextShiftEnd()).toEqual(new Date('2025-06-02T17:00:00+07:00'));
    // A due check right after finds nothing owed: the wipe is not repeated.
    expect((await controller.resumed()).due).toBe(false);
    expect(shiftWipes).toHaveLength(1);
    controller.stop();
  });
});
