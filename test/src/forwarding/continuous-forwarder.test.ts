import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import { backoffDelay } from '../../../src/forwarding/backoff';
import { ContinuousForwarder } from '../../../src/forwarding/continuous-forwarder';
import { syslogDestinations } from '../../../src/forwarding/destination';
import type { ForwardOutcome } from '../../../src/forwarding/forward-once';
import { forwardAfterAppend } from '../../../src/forwarding/forwarding';

const destinations = syslogDestinations([{ host: 'a.example.vn', port: 20514, transport: 'relp' }]);

/** Timers the test fires by hand, recording each requested delay. */
function manualTimers() {
  const pending: { run: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    pending,
    setTimer: (run: () => void, ms: number) => {
      const timer = { run, ms, cancelled: false };
      pending.push(timer);
      return { cancel: () => (timer.cancelled = true) };
    },
    fireNext() {
      const timer = pending.shift();
      if (timer && !timer.cancelled) timer.run();
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the kiosk forwarder: retries with backoff and jitter, never in the way', () => {
  it('backoff grows exponentially, is capped, and is jittered across the whole range', () => {
    const options = { baseMs: 1000, maxMs: 60_000, minMs: 100 };
    expect([1, 2, 3, 4, 10, 40].map((attempt) => backoffDelay(attempt, () => 0.999999, options))).toEqual([999, 1999, 3999, 7999, 59999, 59999]);
    expect(backoffDelay(5, () => 0.5, options)).toBe(8000);
    expect(backoffDelay(5, () => 0, options)).toBe(100);
  });

  it('a failing collector is retried on a growing timer; triggers meanwhile do not hammer it; success resets', async () => {
    const timers = manualTimers();
    const results: (string | null)[] = ['refused', 'refused', 'refused', null];
    let calls = 0;
    const forwarder = new ContinuousForwarder({
      destinations,
      forward: async (d): Promise<ForwardOutcome> => ({ destination: d.id, sent: 0, backlog: 1, error: results[calls++] ?? null, notes: [] }),
      setTimer: timers.setTimer,
      random: () => 0.999,
      backoff: { baseMs: 1000, maxMs: 10_000, minMs: 10 },
    });
    forwarder.trigger();
    await settle();
    expect(calls).toBe(1);
    forwarder.trigger();
    forwarder.trigger();
    await settle();
    expect(calls).toBe(1);
    for (const expected of [999, 1998, 3996]) {
      expect(timers.pending.at(-1)?.ms).toBe(expected);
      timers.fireNext();
      await settle();
    }
    expect(calls).toBe(4);
    expect(timers.pending).toHaveLength(0);
    forwarder.trigger();
    await settle();
    expect(calls).toBe(5);
  });

  it('a trigger during a pass runs one more pass after it (a record appended meanwhile is not left behind)', async () => {
    let release: () => void = () => undefined;
    let calls = 0;
    const forwarder = new ContinuousForwarder({
      destinations,
      forward: (d) => {
        calls += 1;
        return new Promise<ForwardOutcome>((resolve) => (release = () => resolve({ destination: d.id, sent: 1, backlog: 0, error: null, notes: [] })));
      },
      setTimer: manualTimers().setTimer,
    });
    forwarder.trigger();
    forwarder.trigger();
    forwarder.trigger();
    expect(calls).toBe(1);
    release();
    await settle();
    expect(calls).toBe(2);
    release();
    await settle();
    expect(calls).toBe(2);
  });

  it('an audit append returns while the collector hangs: forwarding never holds up a wipe or a session', async () => {
    const state = mkdtempSync(path.join(tmpdir(), 'pk-forward-append-'));
    try {
      let started = 0;
      const forwarder = new ContinuousForwarder({
        destinations,
        forward: () => {
          started += 1;
          return new Promise<ForwardOutcome>(() => undefined);
        },
        setTimer: manualTimers().setTimer,
      });
      const audit = forwardAfterAppend(openAuditLog(state, null), forwarder);
      await audit.append({ type: 'service', at: '2026-11-28T04:30:00.000Z', state: 'out-of-service', reason: 'wipe-failed' });
      await audit.append({ type: 'service', at: '2026-11-28T04:31:00.000Z', state: 'in-service', reason: 'wipe-succeeded' });
      expect(started).toBe(1);
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  });
});
