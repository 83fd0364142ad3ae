import { GENESIS, openLine, seal, sealMatches } from './chain';
import type { AuditProblem, ScannedLine } from './problems';
import { SequenceTracker } from './sequence-tracker';

export interface ScannedRecord {
  line: number;
  seq: number;
  rec: unknown;
  /** false: the record does not match its own seal; null: not checked (keyed, no key at hand). */
  sealOk: boolean | null;
}

/** Where a scan of the text after a verified record starts (verify-since.ts): that record and the keyed count up to it. */
export interface ScanStart {
  after: ScannedLine;
  keyedSeen: number;
}

export interface LineScanSummary {
  /** Complete lines scanned. */
  count: number;
  /** Of those, the lines that opened as sealed records. */
  opened: number;
  problems: AuditProblem[];
  /** What a crash can leave and the next append mends (an interrupted last line): not a problem. */
  notes: string[];
  lastSeal: string;
  keyedSeen: number;
}

/**
 * The per-line part of verification, one line at a time, so a log is checked as it is read and
 * never needs to be held whole. 'full': every seal is checked (a keyed one needs the key, else it is
 * 'unverifiable'). 'chain': where the key is not at hand (a department reading forwarded logs),
 * keyed seals are left unchecked and only the chain links and the sequence speak; SHA-256 seals are
 * still checked. Each record goes to `onRecord` as soon as it is read; `onLine` sees the chain facts.
 */
export class AuditLineScanner {
  private readonly problems: AuditProblem[] = [];
  private readonly sequence: SequenceTracker;
  private readonly firstLine: number;
  private prevSeal: string;
  private keyedSeen: number;
  private count = 0;
  private opened = 0;

  /**
   * `from`: the number of this log's first line in its file (a forwarded copy may hold several logs),
   * or a record verified earlier that the lines continue (its line, seal and keyed count carry on).
   */
  constructor(
    private readonly key: Buffer | null,
    private readonly mode: 'full' | 'chain',
    private readonly onRecord: (record: ScannedRecord) => void,
    private readonly onLine?: (line: ScannedLine) => void,
    from: number | ScanStart = 1,
  ) {
    const start = typeof from === 'number' ? null : from;
    this.firstLine = start ? start.after.line + 1 : (from as number);
    this.prevSeal = start?.after.seal ?? GENESIS;
    this.keyedSeen = start?.keyedSeen ?? 0;
    this.sequence = new SequenceTracker(start?.after);
  }

  /** One complete line (its newline was read), without the newline. */
  push(lineText: string): void {
    const line = this.firstLine + this.count;
    this.count += 1;
    const opened = openLine(lineText);
    if (!opened.ok) {
      this.problems.push({ line, kind: 'unreadable', detail: 'not a sealed audit record' });
      this.prevSeal = '';
      return;
    }
    const { body } = opened;
    this.opened += 1;
    if (body.alg === 'hmac-sha256') this.keyedSeen += 1;
    else if (this.keyedSeen > 0) this.problems.push({ line, kind: 'downgraded', detail: 'unkeyed record after keyed ones' });
    let sealOk: boolean | null = null;
    if (body.alg === 'hmac-sha256' && !this.key) {
      if (this.mode === 'full') this.problems.push({ line, kind: 'unverifiable', detail: 'keyed record but the audit key cannot be read' });
    } else {
      sealOk = sealMatches(seal(body.alg, this.key, opened.bodyText), opened.seal);
      if (!sealOk) this.problems.push({ line, kind: 'edited', detail: `record ${body.seq} does not match its seal` });
    }
    const chained = body.prev === this.prevSeal;
    this.sequence.push(line, body.seq, chained);
    this.onLine?.({ line, seq: body.seq, seal: opened.seal, chained });
    this.onRecord({ line, seq: body.seq, rec: body.rec, sealOk });
    this.prevSeal = opened.seal;
  }

  /** `torn`: whether text followed the last newline (an append that never completed). */
  finish(torn: boolean): LineScanSummary {
    const notes: string[] = [];
    // Text after the last newline was never acknowledged: a note, cut off by the next append.
    if (torn) notes.push(`line ${this.firstLine + this.count} is an interrupted append (no newline, never committed); the next append removes it`);
    return { count: this.count, opened: this.opened, problems: [...this.problems, ...this.sequence.finish()], notes, lastSeal: this.prevSeal, keyedSeen: this.keyedSeen };
  }
}
