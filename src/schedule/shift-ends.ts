import type { Policy, Weekday } from '../policy/schema';
import { addDays, assertTimeZone, DAY_MS, instantForWallClock, type LocalDate, wallClockAt, weekdayOf } from './zoned-time';

/**
 * Scheduled shift ends as UTC instants, computed from the policy's local times, weekdays and zone.
 * A shift end belongs to the weekday of the local date it is written for; DST gaps and overlaps follow
 * the rules in zoned-time.ts (a missing time happens just after the gap, a doubled one at its first
 * occurrence), so every scheduled day has each of its shift ends exactly once.
 */

export type ShiftSchedule = Policy['schedule'];

/** How far back latestShiftEndAtOrBefore looks: a week plus a day covers any non-empty day list. */
export const LOOK_BACK_DAYS = 8;
/** The most shift ends one call computes (the CLI's --count is capped to this). */
export const MAX_SHIFT_ENDS = 1000;

const weekdayNumbers: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

export class ScheduleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScheduleError';
  }
}

interface ParsedSchedule {
  timeZone: string;
  times: { hour: number; minute: number }[];
  weekdays: Set<number>;
}

/** Checks what the zod schema cannot (the zone) and repeats what it can, for callers that skip it. */
function parseSchedule(schedule: ShiftSchedule): ParsedSchedule {
  assertTimeZone(schedule.timeZone);
  const times = [...new Set(schedule.shiftEnds)].sort().map((text) => {
    const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
    if (!match) throw new ScheduleError(`shift end '${text}' is not a time of day as HH:MM (00:00 to 23:59)`);
    return { hour: Number(match[1]), minute: Number(match[2]) };
  });
  const weekdays = new Set(schedule.days.map((day) => weekdayNumbers[day]).filter((n) => n !== undefined));
  if (times.length === 0) throw new ScheduleError('the schedule has no shift ends');
  if (weekdays.size === 0) throw new ScheduleError('the schedule has no days');
  return { timeZone: schedule.timeZone, times, weekdays };
}

function shiftEndsOnDate(parsed: ParsedSchedule, date: LocalDate): number[] {
  if (!parsed.weekdays.has(weekdayOf(date))) return [];
  return parsed.times.map((t) => instantForWallClock(date, t.hour, t.minute, parsed.timeZone));
}

function localDateAt(instantMs: number, timeZone: string): LocalDate {
  const { year, month, day } = wallClockAt(instantMs, timeZone);
  return { year, month, day };
}

/** Sorted, without duplicates (a gap can map two wall times onto one instant). */
function ordered(instants: number[]): number[] {
  return [...new Set(instants)].sort((a, b) => a - b);
}

/** The next `count` shift ends strictly after `from`, earliest first. */
export function nextShiftEnds(schedule: ShiftSchedule, from: Date, count: number): Date[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_SHIFT_ENDS) {
    throw new ScheduleError(`count must be a whole number from 0 to ${MAX_SHIFT_ENDS}, not ${count}`);
  }
  const fromMs = from.getTime();
  if (!Number.isFinite(fromMs)) throw new ScheduleError('the start time is not a valid date');
  const parsed = parseSchedule(schedule);
  const found: number[] = [];
  // Start a day early: a local date's shift ends can fall on the previous UTC date, or past a gap.
  let date = addDays(localDateAt(fromMs, parsed.timeZone), -1);
  // One more day after reaching `count`, so an oddly ordered transition day cannot leave one out.
  for (let extraDays = 0, guard = 0; extraDays < 2 && guard < 8 * (count + 2); guard += 1) {
    found.push(...shiftEndsOnDate(parsed, date).filter((t) => t > fromMs));
    if (found.length >= count && ordered(found).length >= count) extraDays += 1;
    date = addDays(date, 1);
  }
  return ordered(found).slice(0, count).map((t) => new Date(t));
}

/** The latest shift end at or before `now`, looking back LOOK_BACK_DAYS; null when there is none. */
export function latestShiftEndAtOrBefore(schedule: ShiftSchedule, now: Date): Date | null {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new ScheduleError('the time to look back from is not a valid date');
  const parsed = parseSchedule(schedule);
  const today = localDateAt(nowMs, parsed.timeZone);
  const earliest = nowMs - LOOK_BACK_DAYS * DAY_MS;
  const candidates: number[] = [];
  for (let offset = 1; offset >= -LOOK_BACK_DAYS; offset -= 1) {
    candidates.push(...shiftEndsOnDate(parsed, addDays(today, offset)).filter((t) => t <= nowMs && t >= earliest));
  }
  const latest = ordered(candidates).at(-1);
  return latest === undefined ? null : new Date(latest);
}
