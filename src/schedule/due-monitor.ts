import type { Cancelable, KioskClock } from './clock';
import { ClockWatch } from './clock-watch';
import { type LastShiftWipe, type ShiftWipeDue, shiftWipeDue } from './due-check';
import { ShiftEndTimer } from './shift-end-timer';
import { nextShiftEnds, type ShiftSchedule } from './shift-ends';

/** What set off a due check. */
export type DueSource = 'start-up' | 'shift-end' | 'tick' | 'resume' | 'unlock' | 'before-session' | 'policy-reload';

export interface DueMonitorDeps {
  clock: KioskClock;
  schedule: () => ShiftSchedule;
  readLastShiftWipe(): Promise<LastShiftWipe | null> | LastShiftWipe | null;
  /** Every completed check, due or not. */
  onChecked(due: ShiftWipeDue, source: DueSource): void;
  intervalMs: number;
  clockSetBackToleranceMs: number;
}

/**
 * Runs the due check at start-up, at each shift end (node-schedule), on resume and unlock, and every
 * interval; keeps the persisted record fresh and this process's own last shift wipe beside it, so a
 * record that failed to persist can never make the same wipe look owed again and again.
 */
export class DueMonitor {
  private persisted: LastShiftWipe | null = null;
  private ownLast: LastShiftWipe | null = null;
  private clockSetBack = false;
  private tick: Cancelable | null = null;
  private readonly watch: ClockWatch;
  private readonly timer: ShiftEndTimer;

  constructor(private readonly deps: DueMonitorDeps) {
    this.watch = new ClockWatch(deps.clock, deps.clockSetBackToleranceMs);
    this.timer = new ShiftEndTimer(deps.clock, (after) => nextShiftEnds(deps.schedule(), after, 1)[0] ?? null, () => {
      void this.runCheck('shift-end');
    });
  }

  start(): void {
    this.timer.arm(true);
    this.armTick();
  }

  /** After a policy change: the next shift end may be another one. */
  rearm(): void {
    this.timer.arm(true);
  }

  stop(): void {
    this.timer.cancel();
    this.tick?.cancel();
    this.tick = null;
  }

  get nextShiftEnd(): Date | null {
    return this.timer.nextShiftEnd;
  }

  /** Re-reads the persisted record, then checks and reports. Resolves with the result. */
  async runCheck(source: DueSource): Promise<ShiftWipeDue> {
    try {
      this.persisted = await this.deps.readLastShiftWipe();
    } catch {
      // An unreadable record proves nothing: only this process's own wipes count until it reads again.
      this.persisted = null;
    }
    const due = this.check();
    this.deps.onChecked(due, source);
    return due;
  }

  /** The check on what is known now, without reading: for the instant a citizen presses Start. */
  check(): ShiftWipeDue {
    const jump = this.watch.look();
    if (jump < 0) this.clockSetBack = true;
    if (jump !== 0) this.timer.arm(true); // the armed timeout was measured on the old clock
    else this.timer.arm();
    const now = new Date(this.deps.clock.now());
    return shiftWipeDue({ schedule: this.deps.schedule(), lastShiftWipe: this.lastShiftWipe(now), now, clockSetBackSinceLastWipe: this.clockSetBack });
  }

  /** A full wipe succeeded in this process just now. */
  shiftWipeSucceeded(coveredShiftEnd: Date | null): void {
    this.ownLast = { at: new Date(this.deps.clock.now()).toISOString(), coveredShiftEnd: coveredShiftEnd?.toISOString() ?? null };
    this.clockSetBack = false;
    this.watch.look();
  }

  /**
   * Our own record wins unless the persisted one is later and not in the future (a wipe another
   * process ran, e.g. `wipe --if-due` from the OS scheduler).
   */
  private lastShiftWipe(now: Date): LastShiftWipe | null {
    if (this.ownLast === null) return this.persisted;
    if (this.persisted === null) return this.ownLast;
    const persistedAt = Date.parse(this.persisted.at);
    const ownAt = Date.parse(this.ownLast.at);
    return persistedAt > ownAt && persistedAt <= now.getTime() ? this.persisted : this.ownLast;
  }

  private armTick(): void {
    this.tick = this.deps.clock.setTimer(this.deps.intervalMs, () => {
      this.armTick();
      void this.runCheck('tick');
    });
  }
}
