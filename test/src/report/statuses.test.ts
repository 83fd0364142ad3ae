import { describe, expect, it } from 'vitest';
import { shiftEndStatuses, type ShiftWipeFact } from '../../../src/report/statuses';

// The status rules at their edges, on plain numbers (minutes): shift ends at 0 and 100, next at 200.
const MIN = 60_000;
const ends = [0, 100 * MIN];
const judge = (wipes: ShiftWipeFact[], nowMin = 1000) =>
  shiftEndStatuses({ ends, next: 200 * MIN, wipes, nowMs: nowMin * MIN, graceMs: 15 * MIN, local: (ms) => String(ms / MIN) }).map(
    (e) => `${e.status}/${e.coverage ?? '-'}/${e.failedAttempts}`,
  );
const wipe = (startMin: number, succeeded = true, coveredMin: number | null = null): ShiftWipeFact => ({
  startedMs: startMin * MIN,
  succeeded,
  coveredMs: coveredMin === null ? null : coveredMin * MIN,
});

describe('shiftEndStatuses', () => {
  it('on time up to the grace (inclusive), caught up after it, until the next shift end', () => {
    expect(judge([wipe(15, true, 0), wipe(115 + 1 / 60_000, true, 100)])).toEqual(['on-time/recorded/0', 'caught-up/recorded/0']);
    expect(judge([wipe(99.99)])).toEqual(['caught-up/inferred/0', 'missed/-/0']);
  });

  it('failed when only failures came before the next shift end; their count stays beside a later success', () => {
    expect(judge([wipe(1, false, 0), wipe(2, false, 0)])).toEqual(['failed/-/2', 'missed/-/0']);
    expect(judge([wipe(1, false, 0), wipe(30, true, 0)])).toEqual(['caught-up/recorded/1', 'missed/-/0']);
  });

  it('pending while the next shift end has not come, even after a failure', () => {
    expect(judge([wipe(101, false, 100)], 150)).toEqual(['missed/-/0', 'pending/-/1']);
    expect(judge([], 50)).toEqual(['pending/-/0', 'pending/-/0']);
  });

  it('does not count a wipe started before its shift end, after the next one, or claiming a later one than its start', () => {
    // Started before shift end 100 but claiming it: a clock or a forger's story; it proves nothing.
    expect(judge([wipe(90, true, 100)])).toEqual(['missed/-/0', 'missed/-/0']);
    // Claims shift end 0 but ran after shift end 100: too late for 0, and not for 100 either.
    expect(judge([wipe(150, true, 0)])).toEqual(['missed/-/0', 'missed/-/0']);
    // Before the first shift end of the period: covers an earlier one, not these.
    expect(judge([wipe(-5)])).toEqual(['missed/-/0', 'missed/-/0']);
  });
});
