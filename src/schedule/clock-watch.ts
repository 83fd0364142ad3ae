import type { KioskClock } from './clock';

/**
 * Notices the wall clock being set back while the process runs, by comparing how far the wall clock
 * and the monotonic clock moved between two looks. Ahead-of-monotonic movement (a sleep, a clock set
 * forward) is harmless for the due check and is only reported; behind-monotonic movement means a
 * wipe time recorded earlier may lie later than it looks.
 */
export class ClockWatch {
  private lastDifference: number;

  constructor(
    private readonly clock: KioskClock,
    private readonly toleranceMs: number,
  ) {
    this.lastDifference = clock.now() - clock.monotonicNow();
  }

  /** How far the wall clock jumped since the last look (negative: set back); 0 within tolerance. */
  look(): number {
    const difference = this.clock.now() - this.clock.monotonicNow();
    const jump = difference - this.lastDifference;
    this.lastDifference = difference;
    return Math.abs(jump) > this.toleranceMs ? jump : 0;
  }
}
