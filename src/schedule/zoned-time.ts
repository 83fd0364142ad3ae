/**
 * Wall-clock arithmetic in an IANA time zone with nothing but Intl (no tz library): the zone data is
 * the one the runtime (Node / Electron's ICU) ships, the same one every other part of the kiosk sees.
 *
 * DST rules, chosen deliberately (they match Temporal's 'compatible' disambiguation):
 * - a wall time that does not exist (spring-forward gap, e.g. 02:30 on Europe/Berlin's last Sunday of
 *   March) maps to the instant the same distance after the gap starts, i.e. 03:30 local. A shift end
 *   inside a gap therefore still happens that day, as early as it can; it is never skipped.
 * - a wall time that occurs twice (fall-back overlap) maps to its FIRST occurrence. The shift ended
 *   then; wiping again an hour later would only interrupt the next citizen.
 */

const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;

/** A calendar date as written in the zone; month is 1–12. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface WallClock extends LocalDate {
  hour: number;
  minute: number;
  second: number;
}

export class TimeZoneError extends Error {
  constructor(readonly timeZone: string) {
    super(`'${timeZone}' is not a time zone this system knows; use an IANA name such as Asia/Ho_Chi_Minh`);
    this.name = 'TimeZoneError';
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        calendar: 'gregory',
        numberingSystem: 'latn',
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (error) {
      if (error instanceof RangeError) throw new TimeZoneError(timeZone);
      throw error;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws TimeZoneError unless the runtime knows the zone. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The wall clock shown in `timeZone` at `instantMs` (seconds precision). */
export function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const read = (name: string): number => {
    const value = fields[name];
    if (value === undefined || !Number.isFinite(value)) throw new Error(`Intl gave no ${name} for ${timeZone}`);
    return value;
  };
  return { year: read('year'), month: read('month'), day: read('day'), hour: read('hour'), minute: read('minute'), second: read('second') };
}

function wallAsUtcMs(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The zone's offset from UTC at an instant, in ms (UTC+7 → 25 200 000). */
export function offsetMsAt(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallAsUtcMs(wallClockAt(wholeSecond, timeZone)) - wholeSecond;
}

// The due check asks for the same few wall times every 30 s; Intl formatting is the costly part.
const instantCache = new Map<string, number>();
const INSTANT_CACHE_LIMIT = 10_000;

/** The instant at which `timeZone` shows date + hour:minute, with the DST rules above. */
export function instantForWallClock(date: LocalDate, hour: number, minute: number, timeZone: string): number {
  const key = `${timeZone}|${date.year}-${date.month}-${date.day}|${hour}:${minute}`;
  let instant = instantCache.get(key);
  if (instant === undefined) {
    if (instantCache.size >= INSTANT_CACHE_LIMIT) instantCache.clear();
    instant = computeInstant(date, hour, minute, timeZone);
    instantCache.set(key, instant);
  }
  return instant;
}

function computeInstant(date: LocalDate, hour: number, minute: number, timeZone: string): number {
  const wallMs = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // Offsets in force a day either side cover any single transition near this wall time.
  const offsetBefore = offsetMsAt(wallMs - DAY_MS, timeZone);
  const offsets = new Set([offsetBefore, offsetMsAt(wallMs, timeZone), offsetMsAt(wallMs + DAY_MS, timeZone)]);
  const matches = [...offsets]
    .map((offset) => wallMs - offset)
    .filter((instant) => instant + offsetMsAt(instant, timeZone) === wallMs)
    .sort((a, b) => a - b);
  // No match: the wall time is inside a gap; the pre-gap offset lands just as far past the gap's start.
  return matches[0] ?? wallMs - offsetBefore;
}

/** The calendar date `days` after `date` (negative: before). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, like Date#getDay. */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** '2025-03-30 03:30 +02:00': the local time an IT officer reads, with the offset that disambiguates it. */
export function formatLocal(instantMs: number, timeZone: string): string {
  const wall = wallClockAt(instantMs, timeZone);
  const offsetMinutes = Math.round(offsetMsAt(instantMs, timeZone) / MINUTE_MS);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)} ${offset}`;
}
