import { nextShiftEnds, type ShiftSchedule } from '../schedule/shift-ends';
import { addDays, instantForWallClock, type LocalDate } from '../schedule/zoned-time';

/** The longest period one report covers: a leap year. */
export const MAX_PERIOD_DAYS = 366;

export class PeriodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PeriodError';
  }
}

export interface ReportPeriod {
  from: LocalDate;
  to: LocalDate;
  /** Midnight starting `from` and midnight ending `to`, in the schedule's zone (ms since the epoch). */
  startMs: number;
  endMs: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const formatDate = (d: LocalDate) => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

/** A calendar day written YYYY-MM-DD that exists (no 2026-02-30). */
export function parseCalendarDay(text: string, flag: string): LocalDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
  if (!date || formatDate(addDays(date, 0)) !== text || date.year < 1970) {
    throw new PeriodError(`${flag} must be a calendar day written YYYY-MM-DD (e.g. 2026-03-01), not ${JSON.stringify(text)}`);
  }
  return date;
}

const dayNumber = (d: LocalDate) => Date.UTC(d.year, d.month - 1, d.day) / 86_400_000;

export function reportPeriod(fromText: string, toText: string, timeZone: string): ReportPeriod {
  const from = parseCalendarDay(fromText, '--from');
  const to = parseCalendarDay(toText, '--to');
  const days = dayNumber(to) - dayNumber(from) + 1;
  if (days < 1) throw new PeriodError(`--from ${fromText} is after --to ${toText}`);
  if (days > MAX_PERIOD_DAYS) throw new PeriodError(`the period is ${days} days; a report covers at most ${MAX_PERIOD_DAYS} (run one per year or per month)`);
  return { from, to, startMs: instantForWallClock(from, 0, 0, timeZone), endMs: instantForWallClock(addDays(to, 1), 0, 0, timeZone) };
}

/**
 * The scheduled shift ends in the period, earliest first, and the first one after it (which closes
 * the last one's window for a catch-up).
 */
export function shiftEndsIn(schedule: ShiftSchedule, period: ReportPeriod): { ends: number[]; next: number } {
  const ends: number[] = [];
  let from = new Date(period.startMs - 1);
  for (;;) {
    const batch = nextShiftEnds(schedule, from, 200);
    for (const end of batch) {
      const ms = end.getTime();
      if (ms >= period.endMs) return { ends, next: ms };
      ends.push(ms);
    }
    const last = batch.at(-1);
    if (!last) return { ends, next: Number.POSITIVE_INFINITY };
    from = last;
  }
}
