import type { ShiftEndEntry, ShiftEndStatus } from './types';

/** One shift-scope wipe record as the statuses need it. */
export interface ShiftWipeFact {
  startedMs: number;
  succeeded: boolean;
  /** The record's coveredShiftEnd (ms), or null for a record written before the field existed. */
  coveredMs: number | null;
}

export interface StatusInput {
  /** Scheduled shift ends in the period, ascending (ms). */
  ends: readonly number[];
  /** The first scheduled shift end after the period. */
  next: number;
  wipes: readonly ShiftWipeFact[];
  nowMs: number;
  graceMs: number;
  /** Renders an instant on the policy's wall clock. */
  local(ms: number): string;
}

/** Index of the last element ≤ value in an ascending list, or -1. */
function lastAtOrBefore(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (list[mid]! <= value) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

interface Assigned {
  wipe: ShiftWipeFact;
  inferred: boolean;
}

/**
 * Which shift end each wipe covers: the one its record names, else (older records) the latest
 * scheduled one at or before its start. A wipe counts for that shift end only when it started at or
 * after it and before the next one; a record claiming a shift end later than its own start proves
 * nothing and is left out.
 */
function assign(input: StatusInput): Assigned[][] {
  const { ends, next } = input;
  const byEnd: Assigned[][] = ends.map(() => []);
  for (const wipe of input.wipes) {
    const claimed = wipe.coveredMs ?? wipe.startedMs;
    if (claimed > wipe.startedMs) continue;
    const index = lastAtOrBefore(ends, claimed);
    if (index < 0) continue;
    const windowEnd = ends[index + 1] ?? next;
    if (wipe.startedMs < ends[index]! || wipe.startedMs >= windowEnd) continue;
    byEnd[index]!.push({ wipe, inferred: wipe.coveredMs === null });
  }
  return byEnd;
}

/** The status of every shift end in the period for one kiosk (pure: same input, same answer). */
export function shiftEndStatuses(input: StatusInput): ShiftEndEntry[] {
  const byEnd = assign(input);
  return input.ends.map((at, index) => {
    const windowEnd = input.ends[index + 1] ?? input.next;
    const covering = byEnd[index]!.sort((a, b) => a.wipe.startedMs - b.wipe.startedMs);
    const success = covering.find((c) => c.wipe.succeeded);
    const failedAttempts = covering.filter((c) => !c.wipe.succeeded && (!success || c.wipe.startedMs < success.wipe.startedMs)).length;
    let status: ShiftEndStatus;
    if (success) status = success.wipe.startedMs - at <= input.graceMs ? 'on-time' : 'caught-up';
    else if (input.nowMs < windowEnd) status = 'pending';
    else status = failedAttempts > 0 ? 'failed' : 'missed';
    return {
      at: new Date(at).toISOString(),
      local: input.local(at),
      status,
      wipedAt: success ? new Date(success.wipe.startedMs).toISOString() : null,
      coverage: success ? (success.inferred ? 'inferred' : 'recorded') : null,
      failedAttempts,
    };
  });
}
