import type { AuditProblem, ScannedLine } from './problems';

/**
 * `classifySequence` one line at a time, in memory that grows with the gaps in the numbering, not
 * with the log: a report streams logs of any length. What was seen is kept as "1..highest except
 * these missing ranges" (a sound log has none), plus the rare numbers below 1.
 */
export class SequenceTracker {
  private readonly problems: AuditProblem[] = [];
  /** The line and number of the record before (line 0: none yet). */
  private previousLine = 0;
  private previousSeq = 0;
  private highest = 0;
  /** Missing ranges [first, last] below `highest`, ascending and disjoint. */
  private readonly gaps: [number, number][] = [];
  private readonly belowOne = new Set<number>();

  /** `after`: a record verified earlier (verify-since.ts) that the lines continue: it and all before it count as seen. */
  constructor(after?: ScannedLine) {
    if (!after || after.seq < 1) return;
    this.highest = after.seq;
    this.previousLine = after.line;
    this.previousSeq = after.seq;
  }

  /** One opened record: its line, its number, and whether its `prev` is the seal of the line before. */
  push(line: number, seq: number, chained: boolean): void {
    const previous = this.previousLine > 0;
    if (this.seen(seq)) {
      this.problems.push({ line, kind: 'inserted', detail: `a second record numbered ${seq}` });
    } else if (previous && seq < this.previousSeq) {
      this.problems.push({ line, kind: 'reordered', detail: `record ${seq} comes after record ${this.previousSeq}` });
    } else if (previous && seq === this.previousSeq + 1 && !chained) {
      this.problems.push({ line: this.previousLine, kind: 'edited', detail: `record ${this.previousSeq} was replaced: the chain breaks after it` });
    } else if (!previous && seq === 1 && !chained) {
      this.problems.push({ line, kind: 'edited', detail: 'the first record does not start the chain' });
    }
    this.markSeen(seq);
    this.previousLine = line;
    this.previousSeq = seq;
  }

  /** The problems found, the missing records last (as `classifySequence` lists them). */
  finish(): AuditProblem[] {
    const deleted = this.gaps.map(([first, last]): AuditProblem => ({
      line: 0,
      kind: 'deleted',
      detail: last === first ? `record ${first} is missing` : `records ${first} to ${last} are missing`,
    }));
    return [...this.problems, ...deleted];
  }

  private gapIndex(seq: number): number {
    let low = 0;
    let high = this.gaps.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const [first, last] = this.gaps[mid]!;
      if (seq < first) high = mid - 1;
      else if (seq > last) low = mid + 1;
      else return mid;
    }
    return -1;
  }

  private seen(seq: number): boolean {
    if (seq < 1) return this.belowOne.has(seq);
    return seq <= this.highest && this.gapIndex(seq) < 0;
  }

  private markSeen(seq: number): void {
    if (seq < 1) {
      this.belowOne.add(seq);
    } else if (seq > this.highest) {
      if (seq > this.highest + 1) this.gaps.push([this.highest + 1, seq - 1]);
      this.highest = seq;
    } else {
      const index = this.gapIndex(seq);
      if (index < 0) return;
      const [first, last] = this.gaps[index]!;
      const parts: [number, number][] = [];
      if (first < seq) parts.push([first, seq - 1]);
      if (seq < last) parts.push([seq + 1, last]);
      this.gaps.splice(index, 1, ...parts);
    }
  }
}

/**
 * Reads deletions, insertions and reorderings off the sequence numbers, and replaced records off
 * the chain. Each record's seal covers its number, so none of these can be hidden in a keyed log.
 */
export function classifySequence(lines: readonly ScannedLine[], after?: ScannedLine): AuditProblem[] {
  const tracker = new SequenceTracker(after);
  for (const { line, seq, chained } of lines) tracker.push(line, seq, chained);
  return tracker.finish();
}
