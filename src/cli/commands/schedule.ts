import type { Policy } from '../../policy/schema';
import { parseInstant } from '../../schedule/parse-instant';
import { MAX_SHIFT_ENDS, nextShiftEnds } from '../../schedule/shift-ends';
import { formatLocal, offsetMsAt, wallClockAt, weekdayOf } from '../../schedule/zoned-time';
import { stringOption, type Command } from '../command';
import { ExitCode, UsageError } from '../exit-codes';
import { policyForCli } from '../policy-for-cli';
import { jsonOption, jsonOptionHelp, policyOption, policyOptionHelp } from '../shared-options';

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const DEFAULT_COUNT = 10;

export const scheduleCommand: Command = {
  words: ['schedule'],
  summary: "List the next shift ends (full wipes) in the policy's local time, to check a policy's schedule.",
  usage: 'schedule [--from ISO] [--count N] [--json] [--policy FILE]',
  options: { from: { type: 'string' }, count: { type: 'string' }, ...jsonOption, ...policyOption },
  optionHelp: {
    from: "Start after this time instead of now: 2025-06-02T08:00+07:00, or without an offset in the policy's time zone (2025-06-02 08:00, 2025-06-02).",
    count: `How many shift ends to list, 1 to ${MAX_SHIFT_ENDS} (default ${DEFAULT_COUNT}).`,
    ...jsonOptionHelp,
    ...policyOptionHelp,
  },
  details: [
    'Daylight saving: a shift end at a time that does not exist that day runs just after the gap (02:30',
    'becomes 03:30); one that occurs twice runs at the first. Such days are marked in the list.',
    'Exit 0 with the list; 2 for a bad --from or --count or an invalid policy.',
    '',
    'Liệt kê các lần hết ca sắp tới (xoá toàn bộ) theo giờ địa phương của chính sách.',
  ].join('\n'),
  run({ positionals, values, io }) {
    if (positionals.length > 0) throw new UsageError('schedule takes no arguments (see --help)');
    const { policy, sources } = policyForCli(values, io);
    const { schedule } = policy;
    const from = fromOption(stringOption(values, 'from'), schedule.timeZone);
    const count = countOption(stringOption(values, 'count'));
    const ends = nextShiftEnds(schedule, from, count).map((end) => describe(end, schedule));
    if (values.json === true) {
      const report = { timeZone: schedule.timeZone, from: from.toISOString(), days: schedule.days, shiftEnds: ends, policySources: sources };
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      return Promise.resolve(ExitCode.ok);
    }
    const lines = [
      `Next ${ends.length} shift ${ends.length === 1 ? 'end' : 'ends'} in ${schedule.timeZone}, after ${formatLocal(from.getTime(), schedule.timeZone)}:`,
      ...ends.map((end) => `  ${capitalized(end.weekday)} ${end.local}${end.note ? `  (${end.note})` : ''}`),
      '',
      `Policy: shift ends ${schedule.shiftEnds.join(', ')} on ${schedule.days.join(', ')}; a citizen still in session gets a ${schedule.warningSeconds} s warning.`,
      '',
    ];
    io.stdout.write(lines.join('\n'));
    return Promise.resolve(ExitCode.ok);
  },
};

const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function fromOption(text: string | undefined, timeZone: string): Date {
  if (text === undefined) return new Date();
  const parsed = parseInstant(text, timeZone);
  if (parsed === null) {
    throw new UsageError(`--from '${text}' is not a date-time; use ISO 8601 such as 2025-06-02T08:00+07:00, 2025-06-02T01:00Z or 2025-06-02 08:00 (policy time zone)`);
  }
  return parsed;
}

function countOption(text: string | undefined): number {
  if (text === undefined) return DEFAULT_COUNT;
  const count = /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isInteger(count) || count < 1 || count > MAX_SHIFT_ENDS) {
    throw new UsageError(`--count '${text}' must be a whole number from 1 to ${MAX_SHIFT_ENDS}`);
  }
  return count;
}

interface ShiftEndView {
  utc: string;
  local: string;
  weekday: (typeof weekdays)[number];
  /** Set on daylight-saving days: the shift end moved past a gap, or its time occurs twice. */
  note?: string;
}

function describe(end: Date, schedule: Policy['schedule']): ShiftEndView {
  const ms = end.getTime();
  const wall = wallClockAt(ms, schedule.timeZone);
  const hhmm = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
  const view: ShiftEndView = { utc: end.toISOString(), local: formatLocal(ms, schedule.timeZone), weekday: weekdays[weekdayOf(wall)] ?? 'sun' };
  if (!schedule.shiftEnds.includes(hhmm)) {
    view.note = 'daylight saving: the written time does not exist that day, so it runs just after the change';
  } else {
    const fallBack = offsetMsAt(ms, schedule.timeZone) - offsetMsAt(ms + 6 * 3_600_000, schedule.timeZone);
    const again = fallBack > 0 ? wallClockAt(ms + fallBack, schedule.timeZone) : null;
    if (again && again.hour === wall.hour && again.minute === wall.minute) {
      view.note = 'daylight saving: this time occurs twice that day; the wipe runs at the first';
    }
  }
  return view;
}
