import { Duplex } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { RelpFrameParser, type RelpFrame } from '../../../src/forwarding/relp-frames';
import { RelpSession } from '../../../src/forwarding/relp-session';

/**
 * An in-memory receiver: records every write the session makes and lets the test answer frames
 * when and how it likes (no socket, no timing).
 */
class FakeReceiver extends Duplex {
  readonly writes: Buffer[] = [];
  readonly frames: RelpFrame[] = [];
  private readonly parser = new RelpFrameParser();
  override _read(): void {}
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.writes.push(Buffer.from(chunk));
    for (const frame of this.parser.push(Buffer.from(chunk))) {
      this.frames.push(frame);
      if (frame.command === 'open') this.answer(frame.txnr, '200 OK\nrelp_version=0\ncommands=syslog');
    }
    done();
  }
  answer(txnr: number, text = '200 OK'): void {
    this.push(`${txnr} rsp ${Buffer.byteLength(text)} ${text}\n`);
  }
  syslogFrames(): RelpFrame[] {
    return this.frames.filter((f) => f.command === 'syslog');
  }
  /** Every syslog frame not answered yet, oldest first. */
  unanswered(answered: Set<number>): RelpFrame[] {
    return this.syslogFrames().filter((f) => !answered.has(f.txnr));
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

async function opened(window: number): Promise<{ receiver: FakeReceiver; relp: RelpSession }> {
  const receiver = new FakeReceiver();
  const relp = new RelpSession(receiver, { software: 'public-kiosk,test', window, answerTimeoutMs: 5_000 });
  await relp.open();
  receiver.writes.length = 0;
  return { receiver, relp };
}

describe('RELP batching (fake receiver)', () => {
  it('writes a full window of frames in one write, refills only at half-answered, in order, each message byte for byte', async () => {
    const { receiver, relp } = await opened(8);
    const messages = Array.from({ length: 40 }, (_, i) => `mesaj ${i} Xóa xong`);
    const acked: number[] = [];
    const done = relp.sendAll(messages, (i) => acked.push(i));
    const answered = new Set<number>();
    let maxUnanswered = 0;
    while (acked.length < messages.length) {
      await settle();
      const open = receiver.unanswered(answered);
      maxUnanswered = Math.max(maxUnanswered, open.length);
      // Answer one at a time: a refill must wait until half the window is answered.
      const frame = open[0]!;
      answered.add(frame.txnr);
      receiver.answer(frame.txnr);
    }
    await done;
    expect(acked).toEqual(messages.map((_, i) => i));
    expect(maxUnanswered).toBe(8);
    // 8 frames at first, then 4 per refill: 1 + 32 / 4 writes, not one per answer.
    expect(receiver.writes.length).toBe(9);
    expect(receiver.syslogFrames().map((f) => f.data.toString('utf8'))).toEqual(messages);
    const txnrs = receiver.syslogFrames().map((f) => f.txnr);
    expect(txnrs).toEqual(txnrs.map((_, i) => txnrs[0]! + i));
  });

  it('answers in one chunk for a whole window are acknowledged together and refilled in one write', async () => {
    const { receiver, relp } = await opened(100);
    const acked: number[] = [];
    const done = relp.sendAll(Array.from({ length: 300 }, (_, i) => `m${i}`), (i) => acked.push(i));
    for (let round = 0; round < 3; round += 1) {
      await settle();
      const frames = receiver.syslogFrames().slice(round * 100, round * 100 + 100);
      receiver.push(frames.map((f) => `${f.txnr} rsp 6 200 OK\n`).join(''));
    }
    await done;
    expect(acked.length).toBe(300);
    expect(receiver.writes.length).toBe(3);
  });

  it('an answer naming a later frame than the oldest unanswered fails every unanswered frame', async () => {
    const { receiver, relp } = await opened(4);
    const acked: number[] = [];
    const done = relp.sendAll(['a', 'b', 'c', 'd'], (i) => acked.push(i));
    await settle();
    const [first, second, third] = receiver.syslogFrames();
    receiver.answer(first!.txnr);
    receiver.answer(third!.txnr);
    receiver.answer(second!.txnr);
    await expect(done).rejects.toThrow(/answers out of order/);
    expect(acked).toEqual([0]);
    expect(receiver.destroyed).toBe(true);
  });

  it('an answer to a transaction never sent, or a 500 in the middle, fails the run; acknowledged records stay acknowledged', async () => {
    const a = await opened(4);
    const ackedA: number[] = [];
    const doneA = a.relp.sendAll(['a', 'b'], (i) => ackedA.push(i));
    await settle();
    a.receiver.answer(999);
    await expect(doneA).rejects.toThrow(/transaction 999, which is not open/);
    expect(ackedA).toEqual([]);

    const b = await opened(4);
    const ackedB: number[] = [];
    const doneB = b.relp.sendAll(['a', 'b', 'c'], (i) => ackedB.push(i));
    await settle();
    const frames = b.receiver.syslogFrames();
    b.receiver.push(`${frames[0]!.txnr} rsp 6 200 OK\n${frames[1]!.txnr} rsp 14 500 queue full\n${frames[2]!.txnr} rsp 6 200 OK\n`);
    await expect(doneB).rejects.toThrow(/refused record 2 of this run: 500 queue full/);
    expect(ackedB).toEqual([0]);
  });

  it('a full socket buffer stops framing until drain: no more than the window is ever unanswered', async () => {
    const receiver = new FakeReceiver();
    // A tiny high-water mark: every write reports a full buffer.
    (receiver as unknown as { _writableState: { highWaterMark: number } })._writableState.highWaterMark = 1;
    const relp = new RelpSession(receiver, { software: 'public-kiosk,test', window: 16, answerTimeoutMs: 5_000 });
    await relp.open();
    const acked: number[] = [];
    const done = relp.sendAll(Array.from({ length: 64 }, (_, i) => `m${i}`), (i) => acked.push(i));
    const answered = new Set<number>();
    while (acked.length < 64) {
      await settle();
      const open = receiver.unanswered(answered);
      expect(open.length).toBeLessThanOrEqual(16);
      for (const f of open) answered.add(f.txnr);
      receiver.push(open.map((f) => `${f.txnr} rsp 6 200 OK\n`).join(''));
    }
    await done;
    expect(acked).toEqual(Array.from({ length: 64 }, (_, i) => i));
  });

  it('a receiver that stops answering fails the run after the answer timeout, counted from the last answer', async () => {
    const receiver = new FakeReceiver();
    const relp = new RelpSession(receiver, { software: 'public-kiosk,test', window: 4, answerTimeoutMs: 300 });
    await relp.open();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const acked: number[] = [];
      let failure: Error | null = null;
      relp.sendAll(['a', 'b', 'c'], (i) => acked.push(i)).catch((error: Error) => (failure = error));
      // Answers keep coming for longer than the timeout in all: no giving up while there is progress.
      for (const frame of receiver.syslogFrames().slice(0, 2)) {
        vi.advanceTimersByTime(200);
        receiver.answer(frame.txnr);
        await settle();
      }
      expect(failure).toBeNull();
      vi.advanceTimersByTime(299);
      await settle();
      expect(failure).toBeNull();
      vi.advanceTimersByTime(2);
      await settle();
      expect((failure as Error | null)?.message).toMatch(/no answer from the receiver within 0.3 s/);
      expect(acked).toEqual([0, 1]);
      expect(receiver.destroyed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
