import type { Policy, Weekday } from '../policy/schema';
import { assertTimeZone, TimeZoneError } from '../schedule/zoned-time';

export type ShiftSchedule = Pick<Policy['schedule'], 'timeZone' | 'shiftEnds' | 'days'>;

/** What the OS scheduler must start, and as whom; the same for Windows and Linux. */
export interface InstallTarget {
  /** The program and the arguments that come before the command words (e.g. the CLI wrapper). */
  program: string[];
  /** The account the kiosk runs under; the OS-started wipe runs as it too (its files, its keyring). */
  kioskUser: string;
  /** Passed on as `--policy FILE` when the schedule was installed from a non-default policy file. */
  policyFile?: string;
}

/** Bad input for the generators: printed as one line by the CLI, nothing is written. */
export class InstallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstallError';
  }
}

export const weekOrder: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Sorted shift ends without duplicates, each checked again: they end up inside OS config files. */
export function shiftEndTimes(schedule: ShiftSchedule): { hour: number; minute: number; text: string }[] {
  const times = [...new Set(schedule.shiftEnds)].sort().map((text) => {
    const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
    if (!match) throw new InstallError(`shift end '${text}' is not a time of day as HH:MM`);
    return { hour: Number(match[1]), minute: Number(match[2]), text };
  });
  if (times.length === 0) throw new InstallError('the policy has no shift ends: nothing to schedule');
  return times;
}

/** Policy days in Monday-first order, without duplicates. */
export function scheduledDays(schedule: ShiftSchedule): Weekday[] {
  const days = weekOrder.filter((day) => schedule.days.includes(day));
  if (days.length === 0) throw new InstallError('the policy has no days: nothing to schedule');
  return days;
}

/** A zone this runtime knows, spelled only with the characters IANA names use. */
export function checkedTimeZone(timeZone: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(timeZone)) throw new InstallError(`time zone '${timeZone}' is not an IANA name`);
  try {
    assertTimeZone(timeZone);
  } catch (error) {
    if (error instanceof TimeZoneError) throw new InstallError(error.message);
    throw error;
  }
  return timeZone;
}

/**
 * A local account name (Linux `kiosk`, Windows `kiosk`, `.\kiosk` or `PC-01\kiosk`). Refuses what
 * no OS allows in a name, and anything that could break out of a unit file or task XML.
 */
export function checkedUserName(name: string): string {
  if (!/^(?:[A-Za-z0-9._-]+\\)?[A-Za-z0-9_][A-Za-z0-9._ -]{0,63}$/.test(name) || name.endsWith(' ')) {
    throw new InstallError(`'${name}' is not a usable account name (letters, digits, . _ - and an optional DOMAIN\\ prefix)`);
  }
  return name;
}

/** The words after the program: the command the OS starts at each trigger. */
export function wipeArguments(target: InstallTarget): string[] {
  return ['wipe', '--if-due', ...(target.policyFile !== undefined ? ['--policy', target.policyFile] : [])];
}

/** Control characters never belong in a path or argument written into OS configuration. */
export function checkedArgument(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (value.length === 0 || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new InstallError(`argument ${JSON.stringify(value)} is empty or contains control characters`);
  }
  return value;
}
