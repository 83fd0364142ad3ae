import type { Cancelable } from '../schedule/clock';

/** The default of policy staff.idleSignOutSeconds; also used when there is no valid policy. */
export const DEFAULT_STAFF_IDLE_SIGN_OUT_SECONDS = 120;

/**
 * Signs staff out of a panel left open: while the panel is open or someone is signed in, each input
 * in the UI restarts the period; when it runs out, `expire` closes the panel and signs out. A staff
 * session must never wait, open, for the next citizen.
 */
export class StaffIdleWatch {
  private timer: Cancelable | null = null;

  constructor(
    private readonly deps: {
      seconds(): number;
      setTimer(delayMs: number, callback: () => void): Cancelable;
      expire(): void;
    },
  ) {}

  /** The panel is open or staff are signed in (true), or neither (false). */
  engaged(on: boolean): void {
    if (!on) {
      this.stop();
      return;
    }
    if (this.timer === null) this.restart();
  }

  /** Input in the UI while engaged: the period starts again. */
  input(): void {
    if (this.timer !== null) this.restart();
  }

  private restart(): void {
    this.timer?.cancel();
    this.timer = this.deps.setTimer(this.deps.seconds() * 1000, () => {
      this.timer = null;
      this.deps.expire();
    });
  }

  private stop(): void {
    this.timer?.cancel();
    this.timer = null;
  }
}
