/** One thing `audit verify` found wrong; `line` is 1-based in audit.log (0: the head file or the log as a whole). */
export interface AuditProblem {
  line: number;
  kind: 'edited' | 'deleted' | 'inserted' | 'reordered' | 'truncated' | 'torn' | 'unreadable' | 'downgraded' | 'unverifiable' | 'head-mismatch' | 'rolled-back';
  detail: string;
}

export interface ScannedLine {
  line: number;
  seq: number;
  seal: string;
  /** Its `prev` equals the seal of the line before it in the file. */
  chained: boolean;
}

/**
 * Reads deletions, insertions and reorderings off the sequence numbers, and replaced records off
 * the chain. Each record's seal covers its number, so none of these can be hidden in a keyed log.
 */
export function classifySequence(lines: readonly ScannedLine[], after?: ScannedLine): AuditProblem[] {
  // `after`: a record verified earlier (verify-since.ts); the lines continue it, and what it closes is not re-read.
  const problems: AuditProblem[] = [];
  const seen = new Set<number>(after ? [after.seq] : []);
  let previous: ScannedLine | undefined = after;
  for (const current of lines) {
    if (seen.has(current.seq)) {
      problems.push({ line: current.line, kind: 'inserted', detail: `a second record numbered ${current.seq}` });
    } else if (previous && current.seq < previous.seq) {
      problems.push({ line: current.line, kind: 'reordered', detail: `record ${current.seq} comes after record ${previous.seq}` });
    } else if (previous && current.seq === previous.seq + 1 && !current.chained) {
      problems.push({ line: previous.line, kind: 'edited', detail: `record ${previous.seq} was replaced: the chain breaks after it` });
    } else if (!previous && current.seq === 1 && !current.chained) {
      problems.push({ line: current.line, kind: 'edited', detail: 'the first record does not start the chain' });
    }
    seen.add(current.seq);
    previous = current;
  }
  // A loop, not Math.max(...seen): a long log has more records than a call takes arguments.
  let highest = 0;
  for (const seq of seen) if (seq > highest) highest = seq;
  for (let seq = (after?.seq ?? 0) + 1; seq <= highest; seq += 1) {
    if (seen.has(seq)) continue;
    let last = seq;
    while (last + 1 <= highest && !seen.has(last + 1)) last += 1;
    problems.push({ line: 0, kind: 'deleted', detail: last === seq ? `record ${seq} is missing` : `records ${seq} to ${last} are missing` });
    seq = last;
  }
  return problems;
}
