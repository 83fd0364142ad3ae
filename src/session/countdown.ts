import type { Cancelable, KioskClock } from '../schedule/clock';

/**
 * A countdown on the monotonic clock that ticks on each whole second left, so the UI can show
 * "59, 58, …" from pushed status alone, and calls back once at zero. Clock changes do not shorten it.
 */
export class Countdown {
  private deadline: number | null = null;
  private timer: Cancelable | null = null;

  constructor(
    private readonly clock: KioskClock,
    private readonly onTick: () => void,
    private readonly onDone: () => void,
  ) {}

  start(durationMs: number): void {
    this.cancel();
    this.deadline = this.clock.monotonicNow() + Math.max(0, durationMs);
    this.onTick();
    this.arm();
  }

  get running(): boolean {
    return this.deadline !== null;
  }

  /** Whole seconds left, rounded up (a countdown started at 60 s shows 60 first); null when stopped. */
  secondsLeft(): number | null {
    if (this.deadline === null) return null;
    return Math.max(0, Math.ceil((this.deadline - this.clock.monotonicNow()) / 1000));
  }

  cancel(): void {
    this.timer?.cancel();
    this.timer = null;
    this.deadline = null;
  }

  private arm(): void {
    if (this.deadline === null) return;
    const left = this.deadline - this.clock.monotonicNow();
    if (left <= 0) {
      this.cancel();
      this.onDone();
      return;
    }
    // Wake at the next whole-second boundary of the remaining time.
    const step = left % 1000 === 0 ? 1000 : left % 1000;
    this.timer = this.clock.setTimer(step, () => {
      this.timer = null;
      if (this.deadline !== null && this.deadline - this.clock.monotonicNow() > 0) this.onTick();
      this.arm();
    });
  }
}
