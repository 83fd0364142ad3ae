import type { Duplex } from 'node:stream';
import { encodeRelpFrame, isOkAnswer, MAX_TXNR, RelpFrameParser, RelpProtocolError, type RelpFrame } from './relp-frames';
import { InFlightFrames } from './relp-in-flight';

/**
 * A RELP client session over a connected stream (TCP or TLS), as librelp's client does it: `open`
 * with an offer (`relp_version=0`, `relp_software`, `commands=syslog`), then `syslog` frames each
 * answered by `rsp` with `200 OK`, sent with a window of unanswered frames for throughput, then
 * `close` (answered `rsp`, then the server's `serverclose`). A `serverclose` at any other time, a
 * non-200 answer, a protocol error or a lost connection fail every unanswered frame: those were
 * not delivered, the caller sends them again (a duplicate at worst, never a gap).
 */
export interface RelpSessionOptions {
  software: string;
  /** Unanswered `syslog` frames allowed in flight. */
  window: number;
  /** How long an answer may take before the session is given up. */
  answerTimeoutMs: number;
}

interface Waiter {
  resolve(data: Buffer): void;
  reject(error: Error): void;
}

/** One `sendAll`: its messages, how far it got, and its promise's ends. */
interface SyslogRun {
  messages: readonly string[];
  onAcked(index: number): void;
  resolve(): void;
  reject(error: Error): void;
  /** The next message to frame. */
  next: number;
  /** Messages answered `200` so far (message `acked` is the oldest in flight). */
  acked: number;
  inFlight: InFlightFrames;
}

/** Frames are written in buffers of this size (or one frame, when larger), one write each. */
const BATCH_BYTES = 256 * 1024;

export class RelpSession {
  private readonly parser = new RelpFrameParser();
  private readonly waiting = new Map<number, Waiter>();
  private run: SyslogRun | null = null;
  private nextTxnr = 1;
  private failure: Error | null = null;
  private closing = false;
  /** The socket's buffer is full: more frames wait for 'drain'. */
  private blocked = false;
  private timer: NodeJS.Timeout | null = null;
  /** When the last frame was written or answered: the answer timeout counts from here. */
  private lastProgressAt = 0;

  constructor(private readonly stream: Duplex, private readonly options: RelpSessionOptions) {
    stream.on('data', (chunk: Buffer) => {
      try {
        for (const frame of this.parser.push(chunk)) this.onFrame(frame);
        this.refillAtLowWater();
      } catch (error) {
        this.fail(error as Error);
      }
    });
    stream.on('drain', () => {
      this.blocked = false;
      this.refillAtLowWater();
    });
    stream.on('error', (error: Error) => this.fail(error));
    stream.on('close', () => this.fail(new Error('the receiver closed the connection')));
  }

  /** Sends the offer; resolves once the receiver accepts `syslog`. */
  async open(): Promise<void> {
    const offer = `relp_version=0\nrelp_software=${this.options.software}\ncommands=syslog`;
    const data = await this.request('open', Buffer.from(offer, 'ascii'));
    const answer = data.toString('utf8');
    if (!isOkAnswer(data)) throw new Error(`the receiver refused the RELP session: ${firstLine(answer)}`);
    const commands = /(?:^|\n)commands=([^\n]*)/.exec(answer)?.[1]?.split(',') ?? [];
    if (!commands.includes('syslog')) throw new RelpProtocolError(`the receiver does not offer the syslog command (${answer.split('\n')[0] ?? ''})`);
  }

  /**
   * Sends each message in order; `onAcked(i)` runs for message i once its `200 OK` arrives. At most
   * `window` frames are unanswered; the window is refilled only once half of it was answered, so
   * frames go out in few large writes (one buffer per refill), not one write per answer.
   */
  sendAll(messages: readonly string[], onAcked: (index: number) => void): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.run) return Promise.reject(new Error('a RELP session sends one batch at a time'));
    if (messages.length === 0) return Promise.resolve();
    const inFlight = new InFlightFrames(this.options.window);
    return new Promise<void>((resolve, reject) => {
      this.run = { messages, onAcked, resolve, reject, next: 0, acked: 0, inFlight };
      this.fill(this.run);
    });
  }

  /** `close`, its answer, then the receiver's `serverclose`; the stream is ended either way. */
  async close(): Promise<void> {
    this.closing = true;
    try {
      await this.request('close', Buffer.alloc(0));
    } finally {
      this.stream.end();
    }
  }

  destroy(): void {
    this.closing = true;
    this.clearTimer();
    this.stream.destroy();
  }

  private request(command: string, data: Buffer): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    const txnr = this.takeTxnr();
    const answer = new Promise<Buffer>((resolve, reject) => this.waiting.set(txnr, { resolve, reject }));
    this.stream.write(encodeRelpFrame(txnr, command, data));
    this.progressed();
    return answer;
  }

  /**
   * Frames the next messages straight into one buffer per batch (header as ASCII, message as UTF-8)
   * and writes each batch once: no per-frame string concatenation to flatten and convert later.
   */
  private fill(run: SyslogRun): void {
    let batch = Buffer.allocUnsafe(BATCH_BYTES);
    let used = 0;
    const flush = () => {
      if (used > 0) this.blocked = !this.stream.write(batch.subarray(0, used));
      used = 0;
    };
    while (run.next < run.messages.length && !run.inFlight.full && !this.blocked) {
      const message = run.messages[run.next]!;
      run.next += 1;
      const txnr = this.takeTxnr();
      run.inFlight.push(txnr);
      const bytes = Buffer.byteLength(message, 'utf8');
      const head = `${txnr} syslog ${bytes} `;
      const frameBytes = head.length + bytes + 1;
      if (used + frameBytes > batch.length) {
        flush();
        batch = Buffer.allocUnsafe(Math.max(BATCH_BYTES, frameBytes));
      }
      used += batch.write(head, used, 'latin1');
      used += batch.write(message, used, 'utf8');
      batch[used++] = 0x0a;
    }
    flush();
    this.progressed();
  }

  /** Refills once at most half the window is unanswered (and the socket takes more). */
  private refillAtLowWater(): void {
    const run = this.run;
    if (!run || this.failure || this.blocked || run.next >= run.messages.length) return;
    if (run.inFlight.size <= Math.floor(run.inFlight.capacity / 2)) this.fill(run);
  }

  private takeTxnr(): number {
    const txnr = this.nextTxnr;
    this.nextTxnr = txnr >= MAX_TXNR ? 1 : txnr + 1;
    return txnr;
  }

  private onFrame(frame: RelpFrame): void {
    if (frame.command === 'serverclose') {
      if (!this.closing || this.outstanding() > 0) this.fail(new Error('the receiver ended the RELP session (serverclose)'));
      return;
    }
    if (frame.command !== 'rsp') throw new RelpProtocolError(`unexpected command "${frame.command}"`);
    const run = this.run;
    if (run && frame.txnr === run.inFlight.oldest) return this.onSyslogAnswer(run, frame.data);
    if (run?.inFlight.includes(frame.txnr)) throw new RelpProtocolError('answers out of order');
    const waiter = this.waiting.get(frame.txnr);
    if (!waiter) throw new RelpProtocolError(`answer to transaction ${frame.txnr}, which is not open`);
    this.waiting.delete(frame.txnr);
    this.progressed();
    waiter.resolve(frame.data);
  }

  private onSyslogAnswer(run: SyslogRun, data: Buffer): void {
    run.inFlight.shift();
    if (!isOkAnswer(data)) {
      return this.fail(new Error(`the receiver refused record ${run.acked + 1} of this run: ${firstLine(data.toString('utf8'))}`));
    }
    const index = run.acked;
    run.acked += 1;
    this.progressed();
    run.onAcked(index);
    if (run.acked === run.messages.length) {
      this.run = null;
      run.resolve();
    }
  }

  private outstanding(): number {
    return this.waiting.size + (this.run ? this.run.inFlight.size : 0);
  }

  private fail(error: Error): void {
    this.clearTimer();
    if (this.outstanding() === 0 && !this.run && (this.closing || this.failure)) return;
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
    const run = this.run;
    this.run = null;
    run?.reject(this.failure);
    this.stream.destroy();
  }

  /**
   * A frame was written or answered: the answer timeout starts again. One timer for the session,
   * re-armed only when it fires (not a clearTimeout/setTimeout pair per answer).
   */
  private progressed(): void {
    this.lastProgressAt = Date.now();
    if (this.outstanding() === 0) return this.clearTimer();
    if (!this.timer) this.armTimer(this.options.answerTimeoutMs);
  }

  private armTimer(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.outstanding() === 0) return;
      const left = this.lastProgressAt + this.options.answerTimeoutMs - Date.now();
      if (left > 0) this.armTimer(left);
      else this.fail(new Error(`no answer from the receiver within ${this.options.answerTimeoutMs / 1000} s`));
    }, ms);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function firstLine(answer: string): string {
  return answer.split('\n')[0]?.slice(0, 120) ?? '';
}
