import type { ShiftSchedule } from '../../../src/install/install-target';

/** The policy schedules both generators are checked against (the table in the issue). */
export interface ScheduleCase {
  name: string;
  schedule: ShiftSchedule;
  /** The systemd OnCalendar expressions expected for it. */
  onCalendar: string[];
}

export const scheduleCases: ScheduleCase[] = [
  {
    name: 'the default: two shift ends, Monday to Friday, Vietnam',
    schedule: { timeZone: 'Asia/Ho_Chi_Minh', shiftEnds: ['11:30', '17:00'], days: ['mon', 'tue', 'wed', 'thu', 'fri'] },
    onCalendar: ['Mon..Fri *-*-* 11:30:00 Asia/Ho_Chi_Minh', 'Mon..Fri *-*-* 17:00:00 Asia/Ho_Chi_Minh'],
  },
  {
    name: 'three shift ends given out of order, one twice',
    schedule: { timeZone: 'Asia/Ho_Chi_Minh', shiftEnds: ['17:00', '07:15', '11:30', '17:00'], days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
    onCalendar: [
      'Mon..Sat *-*-* 07:15:00 Asia/Ho_Chi_Minh',
      'Mon..Sat *-*-* 11:30:00 Asia/Ho_Chi_Minh',
      'Mon..Sat *-*-* 17:00:00 Asia/Ho_Chi_Minh',
    ],
  },
  {
    name: 'weekend days only',
    schedule: { timeZone: 'Asia/Ho_Chi_Minh', shiftEnds: ['12:00'], days: ['sun', 'sat'] },
    onCalendar: ['Sat..Sun *-*-* 12:00:00 Asia/Ho_Chi_Minh'],
  },
  {
    name: 'scattered days',
    schedule: { timeZone: 'Asia/Ho_Chi_Minh', shiftEnds: ['11:30'], days: ['sat', 'mon', 'wed', 'thu'] },
    onCalendar: ['Mon,Wed..Thu,Sat *-*-* 11:30:00 Asia/Ho_Chi_Minh'],
  },
  {
    name: 'every day, just before midnight',
    schedule: { timeZone: 'Asia/Ho_Chi_Minh', shiftEnds: ['23:59'], days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
    onCalendar: ['*-*-* 23:59:00 Asia/Ho_Chi_Minh'],
  },
  {
    name: 'another zone, with daylight saving time',
    schedule: { timeZone: 'Europe/Berlin', shiftEnds: ['06:00', '18:30'], days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] },
    onCalendar: ['*-*-* 06:00:00 Europe/Berlin', '*-*-* 18:30:00 Europe/Berlin'],
  },
  {
    name: 'a half-hour zone',
    schedule: { timeZone: 'Asia/Kolkata', shiftEnds: ['13:00'], days: ['mon', 'tue', 'thu', 'fri'] },
    onCalendar: ['Mon..Tue,Thu..Fri *-*-* 13:00:00 Asia/Kolkata'],
  },
];
