import { describe, expect, it } from 'vitest';
import { parseInstant } from '../../../src/schedule/parse-instant';

const iso = (text: string, zone = 'Asia/Ho_Chi_Minh'): string | null => parseInstant(text, zone)?.toISOString() ?? null;

describe('parseInstant', () => {
  it('takes an ISO 8601 instant with an offset or Z as that instant', () => {
    expect(iso('2025-06-02T08:00+07:00')).toBe('2025-06-02T01:00:00.000Z');
    expect(iso('2025-06-02T01:00:00Z')).toBe('2025-06-02T01:00:00.000Z');
    expect(iso('2025-06-02T01:00:00.5z')).toBe('2025-06-02T01:00:00.500Z');
    expect(iso('2025-06-02T08:00:00-0500')).toBe('2025-06-02T13:00:00.000Z');
    expect(iso('2025-06-02T08:00+05')).toBe('2025-06-02T03:00:00.000Z');
  });

  it('reads a time without an offset in the policy time zone, DST included', () => {
    expect(iso('2025-06-02 08:00')).toBe('2025-06-02T01:00:00.000Z');
    expect(iso('2025-06-02')).toBe('2025-06-01T17:00:00.000Z');
    expect(iso('2025-01-15T12:00', 'Europe/Berlin')).toBe('2025-01-15T11:00:00.000Z');
    expect(iso('2025-07-15T12:00', 'Europe/Berlin')).toBe('2025-07-15T10:00:00.000Z');
    expect(iso('2025-03-30T02:30', 'Europe/Berlin')).toBe('2025-03-30T01:30:00.000Z');
  });

  it('refuses what is not a real date-time', () => {
    for (const bad of ['', 'now', 'tomorrow', '2025-02-30', '2025-13-01', '2025-06-02T24:00', '2025-06-02T08:60', '02/06/2025', '2025-06-02T08:00+15:00', '1749000000', '2025-06-02T08']) {
      expect(parseInstant(bad, 'Asia/Ho_Chi_Minh'), bad).toBeNull();
    }
  });
});
