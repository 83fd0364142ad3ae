import { describe, expect, it } from 'vitest';
import type { AuditProblem, ScannedLine } from '../../../src/audit/problems';
import { SequenceTracker } from '../../../src/audit/sequence-tracker';

/** The whole-log classifier as it was before streaming (a Set of every number seen): the reference. */
function reference(lines: readonly ScannedLine[]): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const seen = new Set<number>();
  let previous: ScannedLine | undefined;
  for (const current of lines) {
    if (seen.has(current.seq)) problems.push({ line: current.line, kind: 'inserted', detail: `a second record numbered ${current.seq}` });
    else if (previous && current.seq < previous.seq) problems.push({ line: current.line, kind: 'reordered', detail: `record ${current.seq} comes after record ${previous.seq}` });
    else if (previous && current.seq === previous.seq + 1 && !current.chained) problems.push({ line: previous.line, kind: 'edited', detail: `record ${previous.seq} was replaced: the chain breaks after it` });
    else if (!previous && current.seq === 1 && !current.chained) problems.push({ line: current.line, kind: 'edited', detail: 'the first record does not start the chain' });
    seen.add(current.seq);
    previous = current;
  }
  let highest = 0;
  for (const seq of seen) highest = Math.max(highest, seq);
  for (let seq = 1; seq <= highest; seq += 1) {
    if (seen.has(seq)) continue;
    let last = seq;
    while (last + 1 <= highest && !seen.has(last + 1)) last += 1;
    problems.push({ line: 0, kind: 'deleted', detail: last === seq ? `record ${seq} is missing` : `records ${seq} to ${last} are missing` });
    seq = last;
  }
  return problems;
}

const tracked = (lines: readonly ScannedLine[]) => {
  const tracker = new SequenceTracker();
  for (const { line, seq, chained } of lines) tracker.push(line, seq, chained);
  return tracker.finish();
};

const log = (seqs: number[], broken: number[] = []) => seqs.map((seq, i) => ({ line: i + 1, seq, seal: 's', chained: !broken.includes(i) }));

describe('SequenceTracker (classifySequence one line at a time)', () => {
  it.each([
    ['a sound log', log([1, 2, 3, 4])],
    ['a deleted record', log([1, 2, 4, 5])],
    ['a deleted range and a deleted start', log([3, 4, 9])],
    ['a duplicate', log([1, 2, 2, 3])],
    ['a reordering that fills a gap', log([1, 3, 2, 4])],
    ['a duplicate of a filled gap', log([1, 4, 2, 2, 3])],
    ['numbers below one', log([0, -1, 0, 1, 2])],
    ['a broken chain', log([1, 2, 3], [2])],
    ['a first record off the chain', log([1, 2], [0])],
  ])('finds what the whole-log classifier finds: %s', (_name, lines) => {
    const found = tracked(lines);
    expect(found).toEqual(reference(lines));
  });

  it('agrees with the whole-log classifier on 2,000 random tamperings', () => {
    let seed = 12345;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    let problemsSeen = 0;
    for (let round = 0; round < 2000; round += 1) {
      const seqs = Array.from({ length: 5 + random(30) }, (_, i) => i + 1);
      for (let edits = random(4); edits > 0; edits -= 1) {
        const at = random(seqs.length);
        const kind = random(3);
        if (kind === 0) seqs.splice(at, 1);
        else if (kind === 1) seqs.splice(at, 0, seqs[random(seqs.length)] ?? 1);
        else seqs.splice(at, 0, ...seqs.splice(random(seqs.length), 1));
      }
      const lines = log(seqs, [random(seqs.length + 5)]);
      const expected = reference(lines);
      problemsSeen += expected.length;
      expect(tracked(lines)).toEqual(expected);
    }
    expect(problemsSeen).toBeGreaterThan(1000);
  });

  it('keeps memory for the gaps only: a million-record sound log leaves nothing to report', () => {
    const tracker = new SequenceTracker();
    for (let seq = 1; seq <= 1_000_000; seq += 1) tracker.push(seq, seq, true);
    expect(tracker.finish()).toEqual([]);
  });
});
