import { describe, expect, it } from 'vitest';
import { startMetricsWriter } from '../../../main/kiosk/metrics-writer';
import { FakeClock, settle } from '../../src/session/support/fake-clock';

describe('the kiosk metrics writer', () => {
  it('writes at once and every minute', async () => {
    const clock = new FakeClock(new Date('2025-06-02T02:00:00Z'));
    let writes = 0;
    startMetricsWriter({ refresh: async () => void (writes += 1), clock, log: () => undefined });
    await settle();
    expect(writes).toBe(1);
    await clock.advance(59_000);
    expect(writes).toBe(1);
    await clock.advance(1_000);
    await settle();
    expect(writes).toBe(2);
    await clock.advance(600_000);
    await settle();
    expect(writes).toBe(12);
  });

  it('never overlaps writes: changes during a write cause exactly one more', async () => {
    const clock = new FakeClock(new Date('2025-06-02T02:00:00Z'));
    const finish: (() => void)[] = [];
    let running = 0;
    let most = 0;
    let writes = 0;
    const writer = startMetricsWriter({
      refresh: () => new Promise<void>((resolve) => {
        running += 1;
        writes += 1;
        most = Math.max(most, running);
        finish.push(() => {
          running -= 1;
          resolve();
        });
      }),
      clock,
      log: () => undefined,
    });
    writer.changed();
    writer.changed();
    writer.changed();
    expect(writes).toBe(1);
    finish.shift()?.();
    await settle();
    expect(writes).toBe(2);
    finish.shift()?.();
    await settle();
    expect(writes).toBe(2);
    expect(most).toBe(1);
  });

  it('a failing write is logged once per distinct problem and retried every minute', async () => {
    const clock = new FakeClock(new Date('2025-06-02T02:00:00Z'));
    const log: string[] = [];
    let fail = true;
    let writes = 0;
    startMetricsWriter({
      refresh: async () => {
        writes += 1;
        if (fail) throw new Error('EACCES: permission denied');
      },
      clock,
      log: (m) => void log.push(m),
    });
    await settle();
    await clock.advance(180_000);
    await settle();
    expect(writes).toBe(4);
    expect(log).toEqual(['metrics file not written: EACCES: permission denied']);
    fail = false;
    await clock.advance(60_000);
    await settle();
    expect(writes).toBe(5);
  });
});
