import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../src/policy/schema';
import { type LastShiftWipe, shiftWipeDue } from '../../../src/schedule/due-check';

const schedule: Policy['schedule'] = {
  timeZone: 'Asia/Ho_Chi_Minh',
  shiftEnds: ['11:30', '17:00'],
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  warningSeconds: 60,
};
/** Local Ho Chi Minh City wall time on Monday 2025-06-02 (or another day) as an instant. */
const local = (time: string, day = '2025-06-02'): Date => new Date(`${day}T${time}:00+07:00`);
const wipe = (atDate: Date, covered: Date | null): LastShiftWipe => ({ at: atDate.toISOString(), coveredShiftEnd: covered?.toISOString() ?? null });
const check = (lastShiftWipe: LastShiftWipe | null, now: Date, clockSetBackSinceLastWipe = false) =>
  shiftWipeDue({ schedule, lastShiftWipe, now, clockSetBackSinceLastWipe });

describe('shiftWipeDue', () => {
  it('is due when no shift wipe was ever recorded', () => {
    const result = check(null, local('09:00'));
    expect(result).toMatchObject({ due: true, shiftEnd: local('17:00', '2025-05-30') });
    expect(result.reason).toMatch(/no shift wipe has been recorded/);
  });

  it('is not due when the latest shift end was wiped, and due again after the next one', () => {
    const last = wipe(local('11:30'), local('11:30'));
    expect(check(last, local('12:00'))).toMatchObject({ due: false, shiftEnd: local('11:30') });
    expect(check(last, local('16:59'))).toMatchObject({ due: false });
    const after = check(last, local('17:00'));
    expect(after).toMatchObject({ due: true, shiftEnd: local('17:00') });
    expect(after.reason).toMatch(/2025-06-02 17:00 \+07:00.*ran at 2025-06-02 11:30 \+07:00, before it/);
  });

  it('owes one catch-up wipe after the kiosk was off across several shift ends, then nothing', () => {
    // Off from Friday 10:00 to Tuesday 08:00: Friday 11:30 and 17:00 and Monday's two ends were missed.
    const before = wipe(local('17:01', '2025-05-29'), local('17:00', '2025-05-29'));
    const now = local('08:00', '2025-06-03');
    const result = check(before, now);
    expect(result).toMatchObject({ due: true, shiftEnd: local('17:00', '2025-06-02') });
    const caughtUp = wipe(new Date(now.getTime() + 40_000), result.shiftEnd);
    expect(check(caughtUp, new Date(now.getTime() + 60_000))).toMatchObject({ due: false });
    expect(check(caughtUp, local('11:29', '2025-06-03'))).toMatchObject({ due: false });
    expect(check(caughtUp, local('11:30', '2025-06-03'))).toMatchObject({ due: true });
  });

  it('owes a wipe when the machine slept across a shift end (any instant after it)', () => {
    const morning = wipe(local('17:00', '2025-05-30'), local('17:00', '2025-05-30'));
    expect(check(morning, local('11:29'))).toMatchObject({ due: false });
    expect(check(morning, local('13:45'))).toMatchObject({ due: true, shiftEnd: local('11:30') });
  });

  it('counts a manual full wipe (no covered shift end) for every shift end before it ran', () => {
    const manual = wipe(local('12:10'), null);
    expect(check(manual, local('12:30'))).toMatchObject({ due: false });
    expect(check(manual, local('17:00'))).toMatchObject({ due: true });
  });

  it('clock set forward then corrected: the wipe recorded in the future proves nothing, the real ends are still wiped, no loop', () => {
    // Real time 10:00, the clock jumps to 18:00: the 17:00 end looks due and is wiped "at 18:00".
    expect(check(wipe(local('17:00', '2025-05-30'), local('17:00', '2025-05-30')), local('18:00'))).toMatchObject({ due: true });
    const futureRecord = wipe(local('18:00'), local('17:00'));
    // The clock is corrected to 10:05: that record cannot be trusted → one wipe now.
    const corrected = check(futureRecord, local('10:05'));
    expect(corrected).toMatchObject({ due: true, shiftEnd: local('17:00', '2025-05-30') });
    expect(corrected.reason).toMatch(/later than now: the clock was changed/);
    // The wipe runs at 10:06 and writes an honest record: not due again (no loop) ...
    const honest = wipe(local('10:06'), corrected.shiftEnd);
    expect(check(honest, local('10:07'))).toMatchObject({ due: false });
    expect(check(honest, local('11:29'))).toMatchObject({ due: false });
    // ... and the real 11:30 and 17:00 ends are still wiped.
    expect(check(honest, local('11:30'))).toMatchObject({ due: true, shiftEnd: local('11:30') });
    expect(check(wipe(local('11:31'), local('11:30')), local('17:00'))).toMatchObject({ due: true, shiftEnd: local('17:00') });
  });

  it('clock set back (without a record in the future) is caught by the live process flag, once', () => {
    // Clock 1 h fast: the 11:30 end fires at real 10:30 and is recorded at 11:31; corrected at real 11:40 → 11:40.
    const early = wipe(local('11:31'), local('11:30'));
    expect(check(early, local('11:40'))).toMatchObject({ due: false }); // indistinguishable without the flag
    const flagged = check(early, local('11:40'), true);
    expect(flagged).toMatchObject({ due: true, shiftEnd: local('11:30') });
    expect(flagged.reason).toMatch(/clock was set back/);
  });

  it('clock set forward only makes a wipe come early, never skips one', () => {
    const last = wipe(local('11:31'), local('11:30'));
    expect(check(last, local('17:10'))).toMatchObject({ due: true, shiftEnd: local('17:00') });
  });

  it('does not trust an unreadable or self-contradicting record', () => {
    expect(check({ at: 'yesterday', coveredShiftEnd: null }, local('12:00')).reason).toMatch(/unreadable/);
    expect(check({ at: local('12:00').toISOString(), coveredShiftEnd: 'noon' }, local('12:30')).due).toBe(true);
    const contradicting = check(wipe(local('11:00'), local('11:30')), local('12:00'));
    expect(contradicting).toMatchObject({ due: true });
    expect(contradicting.reason).toMatch(/later than the wipe itself/);
  });

  it('is due once a record is older than the look-back window', () => {
    expect(check(wipe(local('17:00', '2025-05-01'), null), local('09:00'))).toMatchObject({ due: true, shiftEnd: local('17:00', '2025-05-30') });
  });
});
