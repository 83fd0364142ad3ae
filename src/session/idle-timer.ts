import type { Cancelable, KioskClock } from '../schedule/clock';
import { Countdown } from './countdown';

export interface IdleSettings {
  idleTimeoutSeconds: number;
  idleWarningSeconds: number;
}

export interface IdleCallbacks {
  /** The quiet period is over: time to warn (the controller dispatches 'idle-warning'). */
  quiet(): void;
  /** A second of the warning passed. */
  tick(): void;
  /** The warning ran out (the controller dispatches 'idle-timeout'). */
  timeout(): void;
}

/**
 * Idle tracking for one session: after (timeout − warning) seconds without input the warning starts;
 * after the full timeout the session ends. Input only moves a timestamp (mouse moves arrive in
 * floods); the quiet timer re-arms itself for what is left when it fires.
 */
export class IdleTimer {
  private lastActivityMono = 0;
  private lastActivityWall = 0;
  private quietTimer: Cancelable | null = null;
  /** Set when a pause already used up part of the warning. */
  private pendingWarningMs: number | null = null;
  private readonly warning: Countdown;

  constructor(
    private readonly clock: KioskClock,
    private readonly settings: () => IdleSettings,
    private readonly callbacks: IdleCallbacks,
  ) {
    this.warning = new Countdown(clock, () => callbacks.tick(), () => callbacks.timeout());
  }

  private get timeoutMs(): number {
    return this.settings().idleTimeoutSeconds * 1000;
  }

  /** A warning longer than the timeout itself shows for the whole timeout. */
  private get warningMs(): number {
    return Math.min(this.settings().idleWarningSeconds * 1000, this.timeoutMs);
  }

  /** Starts (or restarts) the quiet period from now. */
  start(): void {
    this.stop();
    this.lastActivityMono = this.clock.monotonicNow();
    this.lastActivityWall = this.clock.now();
    this.armQuiet();
  }

  /** Input from the citizen. Returns false while the warning shows: that needs "I'm still here". */
  activity(): boolean {
    if (this.warning.running) return false;
    this.lastActivityMono = this.clock.monotonicNow();
    this.lastActivityWall = this.clock.now();
    return true;
  }

  /** Shows the warning for what is left of the timeout. */
  beginWarning(): void {
    this.quietTimer?.cancel();
    this.quietTimer = null;
    const left = this.pendingWarningMs ?? Math.min(this.warningMs, this.timeoutMs - this.idleMs(false));
    this.pendingWarningMs = null;
    this.warning.start(left);
  }

  get warningShown(): boolean {
    return this.warning.running;
  }

  warningSecondsLeft(): number | null {
    return this.warning.secondsLeft();
  }

  /**
   * After a sleep or a locked screen the monotonic clock may not have moved; the wall clock did. The
   * longer of the two counts, so a session left open overnight ends at wake-up instead of greeting the
   * next person. (Only here: a wall-clock change in mid-session must not end it.)
   */
  catchUpAfterPause(): void {
    const idle = this.idleMs(true);
    if (idle >= this.timeoutMs) {
      this.stop();
      this.callbacks.timeout();
    } else if (idle >= this.timeoutMs - this.warningMs && !this.warning.running) {
      this.quietTimer?.cancel();
      this.quietTimer = null;
      this.pendingWarningMs = this.timeoutMs - idle;
      this.callbacks.quiet();
    }
  }

  stop(): void {
    this.quietTimer?.cancel();
    this.quietTimer = null;
    this.pendingWarningMs = null;
    this.warning.cancel();
  }

  private idleMs(includeWall: boolean): number {
    const mono = this.clock.monotonicNow() - this.lastActivityMono;
    return includeWall ? Math.max(mono, this.clock.now() - this.lastActivityWall) : mono;
  }

  private armQuiet(): void {
    const left = this.timeoutMs - this.warningMs - this.idleMs(false);
    if (left <= 0) {
      this.quietTimer = null;
      this.callbacks.quiet();
      return;
    }
    this.quietTimer = this.clock.setTimer(left, () => this.armQuiet());
  }
}
