import type { Duplex } from 'node:stream';
import { encodeRelpFrame, MAX_TXNR, RelpFrameParser, RelpProtocolError, type RelpFrame } from './relp-frames';

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

export class RelpSession {
  private readonly parser = new RelpFrameParser();
  private readonly waiting = new Map<number, Waiter>();
  private nextTxnr = 1;
  private failure: Error | null = null;
  private closing = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly stream: Duplex, private readonly options: RelpSessionOptions) {
    stream.on('data', (chunk: Buffer) => {
      try {
        for (const frame of this.parser.push(chunk)) this.onFrame(frame);
      } catch (error) {
        this.fail(error as Error);
      }
    });
    stream.on('error', (error: Error) => this.fail(error));
    stream.on('close', () => this.fail(new Error('the receiver closed the connection')));
  }

  /** Sends the offer; resolves once the receiver accepts `syslog`. */
  async open(): Promise<void> {
    const offer = `relp_version=0\nrelp_software=${this.options.software}\ncommands=syslog`;
    const answer = (await this.request('open', Buffer.from(offer, 'ascii'))).toString('utf8');
    if (!isOk(answer)) throw new Error(`the receiver refused the RELP session: ${firstLine(answer)}`);
    const commands = /(?:^|\n)commands=([^\n]*)/.exec(answer)?.[1]?.split(',') ?? [];
    if (!commands.includes('syslog')) throw new RelpProtocolError(`the receiver does not offer the syslog command (${answer.split('\n')[0] ?? ''})`);
  }

  /**
   * Sends each message in order; `onAcked(i)` runs for message i once its `200 OK` arrives. Frames are
   * written in batches (one buffer per refill of half the window), not one write per message.
   */
  sendAll(messages: readonly string[], onAcked: (index: number) => void): Promise<void> {
    const window = this.options.window;
    let next = 0;
    let acked = 0;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        if (error) reject(error);
        else resolve();
      };
      const answered = (index: number) => (data: Buffer) => {
        const answer = data.toString('utf8');
        const problem = !isOk(answer)
          ? new Error(`the receiver refused record ${index + 1} of this run: ${firstLine(answer)}`)
          : index !== acked ? new RelpProtocolError('answers out of order') : null;
        if (problem) {
          this.fail(problem);
          return finish(problem);
        }
        acked += 1;
        onAcked(index);
        if (acked === messages.length) finish();
        else if (!refillQueued) {
          refillQueued = true;
          setImmediate(pump);
        }
      };
      let refillQueued = false;
      const pump = () => {
        refillQueued = false;
        if (this.failure) return finish(this.failure);
        let batch = '';
        while (next < messages.length && next - acked < window) {
          const index = next;
          next += 1;
          const message = messages[index] ?? '';
          const txnr = this.takeTxnr();
          batch += `${txnr} syslog ${Buffer.byteLength(message, 'utf8')} ${message}\n`;
          this.waiting.set(txnr, { resolve: answered(index), reject: finish });
          if (batch.length >= 256 * 1024) {
            this.stream.write(batch);
            batch = '';
          }
        }
        if (batch !== '') this.stream.write(batch);
        this.armTimer();
      };
      if (messages.length === 0) finish();
      else pump();
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
    this.armTimer();
    return answer;
  }

  private takeTxnr(): number {
    const txnr = this.nextTxnr;
    this.nextTxnr = txnr >= MAX_TXNR ? 1 : txnr + 1;
    return txnr;
  }

  private onFrame(frame: RelpFrame): void {
    if (frame.command === 'serverclose') {
      if (!this.closing || this.waiting.size > 0) this.fail(new Error('the receiver ended the RELP session (serverclose)'));
      return;
    }
    if (frame.command !== 'rsp') throw new RelpProtocolError(`unexpected command "${frame.command}"`);
    const waiter = this.waiting.get(frame.txnr);
    if (!waiter) throw new RelpProtocolError(`answer to transaction ${frame.txnr}, which is not open`);
    this.waiting.delete(frame.txnr);
    if (this.waiting.size === 0) this.clearTimer();
    else this.armTimer();
    waiter.resolve(frame.data);
  }

  private fail(error: Error): void {
    this.clearTimer();
    if (this.waiting.size === 0 && (this.closing || this.failure)) return;
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
    this.stream.destroy();
  }

  private armTimer(): void {
    this.clearTimer();
    this.timer = setTimeout(() => this.fail(new Error(`no answer from the receiver within ${this.options.answerTimeoutMs / 1000} s`)), this.options.answerTimeoutMs);
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

/** `200 OK…` is success; librelp answers errors `500 reason`. */
function isOk(answer: string): boolean {
  return /^200(?:\s|$)/.test(answer);
}

function firstLine(answer: string): string {
  return answer.split('\n')[0]?.slice(0, 120) ?? '';
}
