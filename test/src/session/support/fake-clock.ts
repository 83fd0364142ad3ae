import type { Cancelable, KioskClock } from '../../../../src/schedule/clock';

/** Lets pending promise callbacks (wipe results) run, as the event loop would between timers. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 2; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * A clock the test moves. Timers run on the monotonic clock, like Node's; `scheduleAt` behaves like
 * node-schedule's runOnDate (a timeout of `when − now`, re-armed if the wall clock is not there yet).
 * - advance(ms): the machine runs; both clocks move, timers fire in order.
 * - setWall / jump(ms): someone or NTP sets the wall clock; timers do not notice.
 * - sleep(ms): the machine is suspended; the wall clock moves, the monotonic clock and timers stand still.
 */
export class FakeClock implements KioskClock {
  private wall: number;
  private mono = 5_000_000;
  private sequence = 0;
  private readonly timers = new Map<number, { due: number; callback: () => void }>();

  constructor(start: Date) {
    this.wall = start.getTime();
  }

  now(): number {
    return this.wall;
  }

  monotonicNow(): number {
    return this.mono;
  }

  setTimer(delayMs: number, callback: () => void): Cancelable {
    const id = ++this.sequence;
    this.timers.set(id, { due: this.mono + Math.max(0, delayMs), callback });
    return { cancel: () => void this.timers.delete(id) };
  }

  scheduleAt(when: Date, callback: () => void): Cancelable {
    let handle: Cancelable;
    const run = (): void => {
      if (when.getTime() > this.wall) handle = this.setTimer(when.getTime() - this.wall, run);
      else callback();
    };
    handle = this.setTimer(Math.max(0, when.getTime() - this.wall), run);
    return { cancel: () => handle.cancel() };
  }

  async advance(ms: number): Promise<void> {
    const target = this.mono + ms;
    await settle();
    for (;;) {
      const next = this.nextTimer(target);
      if (!next) break;
      this.move(next.due - this.mono);
      this.timers.delete(next.id);
      next.callback();
      await settle();
    }
    this.move(target - this.mono);
    await settle();
  }

  /** Advances until the wall clock shows `when` (the machine awake all along). */
  advanceTo(when: Date): Promise<void> {
    return this.advance(when.getTime() - this.wall);
  }

  jump(ms: number): void {
    this.wall += ms;
  }

  setWall(when: Date): void {
    this.wall = when.getTime();
  }

  sleep(ms: number): void {
    this.wall += ms;
  }

  get pendingTimers(): number {
    return this.timers.size;
  }

  private move(ms: number): void {
    this.mono += ms;
    this.wall += ms;
  }

  private nextTimer(limit: number): { id: number; due: number; callback: () => void } | null {
    let best: { id: number; due: number; callback: () => void } | null = null;
    for (const [id, timer] of this.timers) {
      if (timer.due <= limit && (best === null || timer.due < best.due)) best = { id, ...timer };
    }
    return best;
  }
}
