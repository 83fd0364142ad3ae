import { latestShiftEndAtOrBefore, type ShiftSchedule } from './shift-ends';
import { formatLocal } from './zoned-time';

/**
 * The due check: is a shift wipe owed right now? It is what makes shift wipes reliable where timers
 * are not (a sleeping machine pushes node-schedule back; nothing runs jobs missed while off).
 *
 * Rules, each chosen so that no clock change can skip a wipe and none can cause a loop:
 * - Owed when the latest scheduled shift end at or before now has no successful shift wipe after it.
 *   A machine off across several shift ends owes ONE wipe: it covers them all.
 * - A wipe covers every shift end at or before the time it ran (`at`), by the current schedule, so a
 *   manual full wipe or a changed policy count exactly as far as they really reach.
 * - A record whose `at` is later than now proves nothing: either the clock was ahead when it was
 *   written or it has been set back since, and either way the real time of that wipe is unknown. It
 *   is owed now. The wipe that follows writes `at` ≤ now, so the next check is satisfied: no loop.
 * - A record whose coveredShiftEnd is later than its own `at`, or whose times do not parse, is not
 *   trusted either (owed once, then a fresh record replaces it).
 * - The live controller also passes `clockSetBackSinceLastWipe` when it saw the wall clock go back
 *   against the monotonic clock after the last wipe: the recorded `at` may then lie in the past of
 *   the new clock yet be later than the real wipe, so it is not trusted.
 * A forward clock jump only makes records look older: it can cause an early wipe, never a skipped one.
 */

export interface LastShiftWipe {
  /** When the shift wipe ran (ISO 8601). */
  at: string;
  /** The scheduled shift end it was run for (ISO 8601), or null for a wipe not tied to one. */
  coveredShiftEnd: string | null;
}

export interface ShiftWipeDueInput {
  schedule: ShiftSchedule;
  lastShiftWipe: LastShiftWipe | null;
  now: Date;
  clockSetBackSinceLastWipe?: boolean;
}

export interface ShiftWipeDue {
  due: boolean;
  /** The shift end a wipe now would cover (the latest at or before now), or null when none. */
  shiftEnd: Date | null;
  /** One plain sentence for the log, the CLI and the audit record. No personal data. */
  reason: string;
}

function parseTime(text: string | null): number | null {
  if (text === null) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

export function shiftWipeDue(input: ShiftWipeDueInput): ShiftWipeDue {
  const { schedule, lastShiftWipe, now } = input;
  const shiftEnd = latestShiftEndAtOrBefore(schedule, now);
  if (shiftEnd === null) {
    return { due: false, shiftEnd, reason: 'no scheduled shift end in the last 8 days' };
  }
  const local = (ms: number): string => formatLocal(ms, schedule.timeZone);
  const owed = (why: string): ShiftWipeDue => ({ due: true, shiftEnd, reason: `shift wipe due for ${local(shiftEnd.getTime())}: ${why}` });

  if (lastShiftWipe === null) return owed('no shift wipe has been recorded');
  const at = parseTime(lastShiftWipe.at);
  const covered = parseTime(lastShiftWipe.coveredShiftEnd);
  if (at === null || (lastShiftWipe.coveredShiftEnd !== null && covered === null)) {
    return owed('the record of the last shift wipe is unreadable');
  }
  if (at > now.getTime()) {
    return owed(`the last shift wipe is recorded at ${local(at)}, later than now: the clock was changed, so it proves nothing`);
  }
  if (covered !== null && covered > at) {
    return owed('the record of the last shift wipe covers a shift end later than the wipe itself');
  }
  if (input.clockSetBackSinceLastWipe === true) {
    return owed('the clock was set back since the last shift wipe, so its recorded time cannot be trusted');
  }
  if (at < shiftEnd.getTime()) {
    return owed(`the last shift wipe ran at ${local(at)}, before it`);
  }
  return { due: false, shiftEnd, reason: `not due: the shift end at ${local(shiftEnd.getTime())} was wiped at ${local(at)}` };
}
