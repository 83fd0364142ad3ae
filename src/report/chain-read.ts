import { GENESIS } from '../audit/chain';
import { AuditLineScanner } from '../audit/line-scanner';
import { combineSealing, sealingOf, sourcedProblems, trusted, type KioskLogVerdict, type RecordSink } from './log-source';
import { streamLines } from './line-stream';
import { ResentLines } from './resent-lines';
import { replacementNote, type KioskSignatures, type SegmentCheck } from './signature-read';
import type { FedRecord } from '../audit/signature-check';

const NEW_CHAIN = `{"v":1,"seq":1,"prev":"${GENESIS}"`;

/** trim() only where there is something to trim: most lines have nothing (a fleet has millions). */
const trimmed = (line: string) => (line.length > 0 && (line.charCodeAt(0) <= 32 || line.charCodeAt(line.length - 1) <= 32) ? line.trim() : line);

/**
 * A log read as text without the audit key, line by line: chain links and sequence continuity
 * (audit/line-scanner.ts in 'chain' mode). A forwarded copy (one file per host, the message only) may
 * hold several logs one after another when the kiosk started a new one: each starts again at record 1
 * from the genesis seal, is checked on its own, and the restart is noted for the reader.
 */
export class ChainTextReader {
  private lineCount = 0;
  private start = 0;
  private scanner: AuditLineScanner;
  /** The signature check of the current log (report --keys), fed every opened record in order. */
  private check: SegmentCheck | null = null;
  private lastSeal = '';
  private firstOfLog = true;
  private readonly sealings: string[] = [];
  private readonly resent = new ResentLines();
  private readonly verdict: KioskLogVerdict = { method: 'chain', sealing: 'empty', problems: [], notes: [] };

  constructor(
    private readonly file: string,
    private readonly onRecord: RecordSink,
    private readonly signatures?: KioskSignatures,
  ) {
    this.scanner = this.newScanner();
  }

  /** One complete line as received (syslog receivers may keep a leading space or a CR). */
  push(raw: string): void {
    const text = trimmed(raw);
    if (this.resent.isResent(text)) return;
    if (this.lineCount > 0 && text.startsWith(NEW_CHAIN)) this.closeLog(false);
    this.scanner.push(text);
    this.lineCount += 1;
  }

  /** `rest`: the text after the last newline, a line cut off in the middle when not empty. */
  end(rest: string): KioskLogVerdict {
    const text = trimmed(rest);
    if (text !== '' && this.lineCount > 0 && text.startsWith(NEW_CHAIN)) this.closeLog(false);
    this.closeLog(text !== '');
    this.verdict.sealing = combineSealing(this.sealings);
    return this.verdict;
  }

  private newScanner(): AuditLineScanner {
    const { file, onRecord } = this;
    this.check = this.signatures?.segment(file) ?? null;
    this.firstOfLog = true;
    return new AuditLineScanner(
      null,
      'chain',
      (record) => {
        this.signed({ line: record.line, seq: record.seq, seal: this.lastSeal, rec: record.rec });
        if (trusted(record)) onRecord(Object.assign(record, { file }));
      },
      (line) => (this.lastSeal = line.seal),
      this.start + 1,
    );
  }

  /** Every opened record to the signature check; the first of each log also says whether it began by replacement. */
  private signed(fed: FedRecord): void {
    this.check?.feed(fed);
    if (!this.firstOfLog) return;
    this.firstOfLog = false;
    const replaced = replacementNote(this.file, [fed]);
    if (replaced) this.verdict.notes.push(replaced);
  }

  private closeLog(torn: boolean): void {
    const scan = this.scanner.finish(torn);
    this.check?.end();
    this.verdict.problems.push(...sourcedProblems(scan.problems, this.file));
    this.verdict.notes.push(...scan.notes.map((note) => `${this.file}: ${note}`));
    this.sealings.push(sealingOf(scan.opened, scan.keyedSeen));
    if (this.start > 0) this.verdict.notes.push(`${this.file}: a new log starts at line ${this.start + 1} (audit start-new-log on the kiosk, or records before it are missing)`);
    this.start = this.lineCount;
    this.scanner = this.newScanner();
  }
}

/** A log file read by chain, streamed. */
export async function readLogFileByChain(path: string, label: string, onRecord: RecordSink, signatures?: KioskSignatures): Promise<KioskLogVerdict> {
  const reader = new ChainTextReader(label, onRecord, signatures);
  const rest = await streamLines(path, (line) => reader.push(line));
  return reader.end(rest);
}

/** A log held as text, read by chain (tests, small copies). */
export function readLogTextByChain(text: string, label: string, onRecord: RecordSink, signatures?: KioskSignatures): KioskLogVerdict {
  const reader = new ChainTextReader(label, onRecord, signatures);
  const lines = text.split('\n');
  const rest = lines.pop()!;
  for (const line of lines) reader.push(line);
  return reader.end(rest);
}
