import { offsetMsAt } from '../schedule/zoned-time';
import { InstallError } from './install-target';

/**
 * How a Task Scheduler trigger is tied to the policy's zone. Task Scheduler has no zone names: a
 * StartBoundary with an offset fires at that UTC instant every day ("synchronize across time
 * zones"), one without fires at the machine's local wall time. So:
 * - a zone with one offset all year (Asia/Ho_Chi_Minh) gets the offset: right even on a machine
 *   whose clock zone is set wrong;
 * - a zone with daylight saving time gets local times, and only if the machine runs in that zone;
 * - anything else is refused: a fixed offset would be an hour off for half the year.
 */
export type TriggerClock = { kind: 'fixed-offset'; offset: string } | { kind: 'machine-local' };

/** Midday on the 1st of each month of `year`: enough samples to see any DST rule. */
function sampleInstants(year: number): number[] {
  return Array.from({ length: 12 }, (_, month) => Date.UTC(year, month, 1, 12));
}

export function triggerClock(policyZone: string, machineZone: string, year: number): TriggerClock {
  const offsets = new Set(sampleInstants(year).map((t) => offsetMsAt(t, policyZone)));
  if (offsets.size === 1) return { kind: 'fixed-offset', offset: formatOffset([...offsets][0] ?? 0) };
  if (policyZone === machineZone) return { kind: 'machine-local' };
  throw new InstallError(
    `the policy's time zone ${policyZone} has daylight saving time but this machine runs in ${machineZone}: ` +
      `set the machine's time zone to ${policyZone} (Task Scheduler can follow only the machine's own zone), then run install-schedule again`,
  );
}

export function formatOffset(offsetMs: number): string {
  const minutes = Math.round(offsetMs / 60_000);
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
