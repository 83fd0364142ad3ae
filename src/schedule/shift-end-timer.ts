import type { Cancelable, KioskClock } from './clock';

/**
 * The live timer for the next shift end. It only triggers: what happens is decided by the due check,
 * so a late, early or doubled firing can never cause a missed or a repeated wipe. After each firing it
 * arms for the first shift end strictly after the one that fired, so one shift end fires once.
 */
export class ShiftEndTimer {
  private armed: { at: number; handle: Cancelable } | null = null;

  constructor(
    private readonly clock: KioskClock,
    private readonly nextShiftEndAfter: (after: Date) => Date | null,
    private readonly onShiftEnd: (shiftEnd: Date) => void,
  ) {}

  /** Arms for the next shift end after now. Keeps the armed timer when that is still the one, unless `force`. */
  arm(force = false, after = this.clock.now()): Date | null {
    const next = this.nextShiftEndAfter(new Date(after));
    if (!force && next !== null && this.armed?.at === next.getTime()) return next;
    this.cancel();
    if (next === null) return null;
    const handle = this.clock.scheduleAt(next, () => {
      this.armed = null;
      this.arm(false, Math.max(this.clock.now(), next.getTime()));
      this.onShiftEnd(next);
    });
    this.armed = { at: next.getTime(), handle };
    return next;
  }

  /** The shift end the timer waits for, if any. */
  get nextShiftEnd(): Date | null {
    return this.armed ? new Date(this.armed.at) : null;
  }

  cancel(): void {
    this.armed?.handle.cancel();
    this.armed = null;
  }
}
