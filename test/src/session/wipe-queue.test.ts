import { describe, expect, it } from 'vitest';
import { WipeQueue } from '../../../src/session/wipe-queue';
import type { WipeOutcome } from '../../../src/session/types';

describe('WipeQueue', () => {
  it('turns a synchronous throw and a rejection into failed outcomes', async () => {
    const queue = new WipeQueue();
    await expect(queue.run(() => { throw new Error('no such folder'); })).resolves.toEqual({ ok: false, detail: 'no such folder' });
    await expect(queue.run(() => Promise.reject(new Error('EBUSY')))).resolves.toEqual({ ok: false, detail: 'EBUSY' });
  });

  it('starts a wipe only after the one before it has finished', async () => {
    const queue = new WipeQueue();
    const log: string[] = [];
    let finishFirst: (outcome: WipeOutcome) => void = () => undefined;
    const first = queue.run(() => {
      log.push('first started');
      return new Promise<WipeOutcome>((resolve) => (finishFirst = resolve));
    });
    const second = queue.run(() => {
      log.push('second started');
      return Promise.resolve({ ok: true });
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(log).toEqual(['first started']);
    finishFirst({ ok: false, detail: 'abandoned' });
    await expect(first).resolves.toEqual({ ok: false, detail: 'abandoned' });
    await expect(second).resolves.toEqual({ ok: true });
    expect(log).toEqual(['first started', 'second started']);
  });
});
