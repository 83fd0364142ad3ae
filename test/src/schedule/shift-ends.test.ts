import { describe, expect, it } from 'vitest';
import type { Policy } from '../../../src/policy/schema';
import { latestShiftEndAtOrBefore, nextShiftEnds, ScheduleError } from '../../../src/schedule/shift-ends';
import { TimeZoneError, wallClockAt } from '../../../src/schedule/zoned-time';

type Schedule = Policy['schedule'];
const hcm: Schedule = { timeZone: 'Asia/Ho_Chi_Minh', shiftEnds: ['11:30', '17:00'], days: ['mon', 'tue', 'wed', 'thu', 'fri'], warningSeconds: 60 };
const everyDay: Schedule['days'] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const isoList = (dates: Date[]): string[] => dates.map((d) => d.toISOString());
const at = (text: string): Date => new Date(text);

describe('nextShiftEnds', () => {
  it('lists Ho Chi Minh City shift ends in order, weekdays only', () => {
    // Friday 2025-06-06 12:00 local: the 17:00 end, then Monday's two.
    expect(isoList(nextShiftEnds(hcm, at('2025-06-06T05:00:00Z'), 3))).toEqual([
      '2025-06-06T10:00:00.000Z',
      '2025-06-09T04:30:00.000Z',
      '2025-06-09T10:00:00.000Z',
    ]);
  });

  it('lists only shift ends strictly after the start time', () => {
    expect(isoList(nextShiftEnds(hcm, at('2025-06-02T04:30:00Z'), 1))).toEqual(['2025-06-02T10:00:00.000Z']);
    expect(isoList(nextShiftEnds(hcm, at('2025-06-02T04:29:59.999Z'), 1))).toEqual(['2025-06-02T04:30:00.000Z']);
  });

  it('sorts and de-duplicates the policy times', () => {
    const messy = { ...hcm, shiftEnds: ['17:00', '11:30', '17:00'] };
    expect(isoList(nextShiftEnds(messy, at('2025-06-02T00:00:00Z'), 3))).toEqual([
      '2025-06-02T04:30:00.000Z',
      '2025-06-02T10:00:00.000Z',
      '2025-06-03T04:30:00.000Z',
    ]);
  });

  it('keeps a New York 17:00 end at 17:00 local across the spring transition', () => {
    const ny = { ...hcm, timeZone: 'America/New_York', shiftEnds: ['17:00'] };
    expect(isoList(nextShiftEnds(ny, at('2025-03-07T12:00:00Z'), 2))).toEqual(['2025-03-07T22:00:00.000Z', '2025-03-10T21:00:00.000Z']);
  });

  it('runs a Berlin shift end inside the DST gap once, just after the gap, and two ends the gap merges once', () => {
    const nightly = { ...hcm, timeZone: 'Europe/Berlin', shiftEnds: ['02:30', '03:30'], days: everyDay };
    expect(isoList(nextShiftEnds(nightly, at('2025-03-29T00:00:00Z'), 5))).toEqual([
      '2025-03-29T01:30:00.000Z', // 02:30 CET
      '2025-03-29T02:30:00.000Z', // 03:30 CET
      '2025-03-30T01:30:00.000Z', // 02:30 does not exist → 03:30 CEST, the same instant as 03:30 CEST
      '2025-03-31T00:30:00.000Z',
      '2025-03-31T01:30:00.000Z',
    ]);
  });

  it('runs a Berlin shift end that occurs twice at fall-back only at its first occurrence', () => {
    const nightly = { ...hcm, timeZone: 'Europe/Berlin', shiftEnds: ['02:30'], days: everyDay };
    expect(isoList(nextShiftEnds(nightly, at('2025-10-25T12:00:00Z'), 2))).toEqual(['2025-10-26T00:30:00.000Z', '2025-10-27T01:30:00.000Z']);
  });

  it('agrees with latestShiftEndAtOrBefore at every shift end of a whole DST year', () => {
    for (const timeZone of ['Europe/Berlin', 'America/New_York', 'Asia/Ho_Chi_Minh']) {
      const schedule = { ...hcm, timeZone, shiftEnds: ['01:30', '02:30', '11:30', '17:00'], days: everyDay };
      const ends = nextShiftEnds(schedule, at('2025-01-01T00:00:00Z'), 4 * 250);
      for (let i = 1; i < ends.length; i += 1) {
        const end = ends[i] as Date;
        const previous = ends[i - 1] as Date;
        expect(end.getTime()).toBeGreaterThan(previous.getTime());
        expect(latestShiftEndAtOrBefore(schedule, end)).toEqual(end);
        expect(latestShiftEndAtOrBefore(schedule, new Date(end.getTime() - 1))).toEqual(previous);
      }
      const offPlan = ends.filter((end) => {
        const wall = wallClockAt(end.getTime(), timeZone);
        return !['01:30', '02:30', '11:30', '17:00'].includes(`${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`);
      });
      // Only the spring-forward gap moves a shift end (02:30 → 03:30); never more than once a year.
      expect(offPlan.length).toBe(timeZone === 'Asia/Ho_Chi_Minh' ? 0 : 1);
    }
  });

  it('returns nothing for count 0 and rejects a bad count or time zone clearly', () => {
    expect(nextShiftEnds(hcm, at('2025-06-02T00:00:00Z'), 0)).toEqual([]);
    expect(() => nextShiftEnds(hcm, at('2025-06-02T00:00:00Z'), -1)).toThrow(ScheduleError);
    expect(() => nextShiftEnds(hcm, at('2025-06-02T00:00:00Z'), 1.5)).toThrow(/whole number/);
    expect(() => nextShiftEnds(hcm, new Date(Number.NaN), 1)).toThrow(/not a valid date/);
    expect(() => nextShiftEnds({ ...hcm, timeZone: 'Vietnam/Hanoi' }, at('2025-06-02T00:00:00Z'), 1)).toThrow(TimeZoneError);
    expect(() => nextShiftEnds({ ...hcm, shiftEnds: ['25:00'] }, at('2025-06-02T00:00:00Z'), 1)).toThrow(/'25:00' is not a time of day/);
  });
});

describe('latestShiftEndAtOrBefore', () => {
  it('finds the end itself at the exact instant and the previous one just before', () => {
    expect(latestShiftEndAtOrBefore(hcm, at('2025-06-02T10:00:00Z'))?.toISOString()).toBe('2025-06-02T10:00:00.000Z');
    expect(latestShiftEndAtOrBefore(hcm, at('2025-06-02T09:59:59Z'))?.toISOString()).toBe('2025-06-02T04:30:00.000Z');
  });

  it('looks back over a weekend to Friday 17:00', () => {
    // Monday 2025-06-09 08:00 local.
    expect(latestShiftEndAtOrBefore(hcm, at('2025-06-09T01:00:00Z'))?.toISOString()).toBe('2025-06-06T10:00:00.000Z');
  });

  it('finds a once-a-week shift end six days and more back', () => {
    const sundays = { ...hcm, days: ['sun' as const], shiftEnds: ['17:00'] };
    // Saturday 2025-06-14 16:59 local → Sunday 2025-06-08 17:00.
    expect(latestShiftEndAtOrBefore(sundays, at('2025-06-14T09:59:00Z'))?.toISOString()).toBe('2025-06-08T10:00:00.000Z');
  });
});
