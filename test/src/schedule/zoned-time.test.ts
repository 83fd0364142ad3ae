import { describe, expect, it } from 'vitest';
import { formatLocal, instantForWallClock, offsetMsAt, TimeZoneError, wallClockAt } from '../../../src/schedule/zoned-time';

const iso = (ms: number): string => new Date(ms).toISOString();
const HOUR = 3_600_000;

describe('zoned time arithmetic', () => {
  it('knows Asia/Ho_Chi_Minh is UTC+7 all year (no daylight saving)', () => {
    expect(offsetMsAt(Date.parse('2025-01-15T00:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(7 * HOUR);
    expect(offsetMsAt(Date.parse('2025-07-15T00:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe(7 * HOUR);
    expect(iso(instantForWallClock({ year: 2025, month: 6, day: 2 }, 11, 30, 'Asia/Ho_Chi_Minh'))).toBe('2025-06-02T04:30:00.000Z');
  });

  it('follows Europe/Berlin winter and summer offsets', () => {
    expect(iso(instantForWallClock({ year: 2025, month: 1, day: 15 }, 11, 30, 'Europe/Berlin'))).toBe('2025-01-15T10:30:00.000Z');
    expect(iso(instantForWallClock({ year: 2025, month: 7, day: 1 }, 11, 30, 'Europe/Berlin'))).toBe('2025-07-01T09:30:00.000Z');
  });

  it('maps a wall time inside a spring-forward gap to just after the gap (never skipped)', () => {
    // Berlin 2025-03-30: 02:00 CET jumps to 03:00 CEST; 02:30 does not exist and becomes 03:30 CEST.
    const berlin = instantForWallClock({ year: 2025, month: 3, day: 30 }, 2, 30, 'Europe/Berlin');
    expect(iso(berlin)).toBe('2025-03-30T01:30:00.000Z');
    expect(wallClockAt(berlin, 'Europe/Berlin')).toMatchObject({ hour: 3, minute: 30 });
    // New York 2025-03-09: 02:15 does not exist and becomes 03:15 EDT.
    expect(iso(instantForWallClock({ year: 2025, month: 3, day: 9 }, 2, 15, 'America/New_York'))).toBe('2025-03-09T07:15:00.000Z');
    // Lord Howe moves by 30 minutes: 02:15 becomes 02:45 (+11:00).
    expect(iso(instantForWallClock({ year: 2025, month: 10, day: 5 }, 2, 15, 'Australia/Lord_Howe'))).toBe('2025-10-04T15:45:00.000Z');
  });

  it('maps a wall time that occurs twice at fall-back to its first occurrence', () => {
    // Berlin 2025-10-26: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(iso(instantForWallClock({ year: 2025, month: 10, day: 26 }, 2, 30, 'Europe/Berlin'))).toBe('2025-10-26T00:30:00.000Z');
    // New York 2025-11-02: 01:30 happens at 05:30Z (EDT) and 06:30Z (EST).
    expect(iso(instantForWallClock({ year: 2025, month: 11, day: 2 }, 1, 30, 'America/New_York'))).toBe('2025-11-02T05:30:00.000Z');
  });

  it('formats local time with the offset that tells the two 02:30s apart', () => {
    expect(formatLocal(Date.parse('2025-10-26T00:30:00Z'), 'Europe/Berlin')).toBe('2025-10-26 02:30 +02:00');
    expect(formatLocal(Date.parse('2025-10-26T01:30:00Z'), 'Europe/Berlin')).toBe('2025-10-26 02:30 +01:00');
    expect(formatLocal(Date.parse('2025-06-02T04:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2025-06-02 11:30 +07:00');
    expect(formatLocal(Date.parse('2025-11-02T06:30:00Z'), 'America/New_York')).toBe('2025-11-02 01:30 -05:00');
  });

  it('rejects a time zone the runtime does not know with a clear error', () => {
    expect(() => offsetMsAt(0, 'Asia/Hanoi_City')).toThrow(TimeZoneError);
    expect(() => offsetMsAt(0, 'Asia/Hanoi_City')).toThrow(/'Asia\/Hanoi_City' is not a time zone .* Asia\/Ho_Chi_Minh/);
  });
});
