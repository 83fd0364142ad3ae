import { instantForWallClock } from './zoned-time';

/**
 * Reads a date-time an IT officer types: ISO 8601 with an offset (2025-06-02T08:00+07:00, …Z) is
 * that instant; without one (2025-06-02T08:00, 2025-06-02 08:00, 2025-06-02) it is a wall time in
 * the policy's zone, the zone every shift end is written in, with the same DST rules as shift ends.
 * Returns null for anything else, including dates that do not exist (2025-02-30).
 */
const pattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export function parseInstant(text: string, timeZone: string): Date | null {
  const match = pattern.exec(text.trim());
  if (!match) return null;
  const number = (index: number): number => Number(match[index] ?? '0');
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map(number) as [number, number, number, number, number, number];
  const millis = Number((match[7] ?? '0').padEnd(3, '0'));
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  const offsetText = match[8];
  if (offsetText === undefined) {
    return new Date(instantForWallClock({ year, month, day }, hour, minute, timeZone) + second * 1000 + millis);
  }
  const offsetMs = offsetText.toUpperCase() === 'Z' ? 0 : parseOffset(offsetText);
  if (offsetMs === null) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMs);
}

function parseOffset(text: string): number | null {
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(text);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}
