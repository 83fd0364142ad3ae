import type { OutOfServiceReason } from '../ipc/contract';
import type { ShiftWipeDue } from '../schedule/due-check';
import type { MachineState } from './machine-state';
import { SessionMachine } from './session-machine';
import type { CitizenSession, SessionPolicy, StartSessionResult } from './types';

/**
 * The citizen-session lifecycle for the Electron glue: one explicit state machine
 * (starting → welcome → in-session → ending → welcome, plus wiping-shift and out-of-service; see
 * docs/session-states.md). Pure: Electron, files and time arrive as the narrow deps in
 * SessionControllerDeps, so tests pass fakes. The glue calls the methods below for what citizens,
 * staff and the OS do, renders status() / onStatus(), and logs onEvent().
 */
export class SessionController<Canaries = unknown> extends SessionMachine<Canaries> {
  private launched = false;

  /** Start-up: the due check first, so an owed shift wipe runs before the welcome screen. */
  async start(fault: OutOfServiceReason | null = null): Promise<void> {
    if (this.launched) return;
    this.launched = true;
    const due = await this.monitor.runCheck('start-up');
    this.dispatch({ type: 'booted', due, fault });
    if (!this.stopped) this.monitor.start();
  }

  /** A citizen presses Start. Re-checks the schedule on the spot: no session starts while a shift wipe is owed. */
  startSession(serviceIndex: number | null = null): StartSessionResult<Canaries> {
    return this.begin(serviceIndex, false);
  }

  /**
   * An admin's rehearsal (audit mode), under the same rules as a citizen's session. Only the staff
   * desk calls this, after the admin's password and OTP (main/kiosk/staff-desk.ts); nothing a citizen
   * reaches (the UI's start channel takes a service index only) leads here.
   */
  startRehearsal(serviceIndex: number | null = null): StartSessionResult<Canaries> {
    return this.begin(serviceIndex, true);
  }

  private begin(serviceIndex: number | null, rehearsal: boolean): StartSessionResult<Canaries> {
    const ready = this.current.name === 'welcome' && !this.stopped;
    // Only from the welcome screen: a rehearsal never takes over (or passes for) an open citizen session.
    if (rehearsal && !ready) return { ok: false, reason: 'not-ready' };
    if (ready) {
      const due = this.monitor.check();
      if (due.due) {
        this.dispatch({ type: 'due-check', due, source: 'before-session' });
        return { ok: false, reason: 'shift-wipe-due' };
      }
    }
    this.dispatch(rehearsal ? { type: 'start-session', serviceIndex, rehearsal: true } : { type: 'start-session', serviceIndex });
    const state: MachineState<Canaries> = this.current;
    if (state.name === 'in-session') return { ok: true, session: state.session };
    return { ok: false, reason: ready ? 'internal-error' : 'not-ready' };
  }

  userActivity(): void {
    this.dispatch({ type: 'user-activity' });
  }

  stillHere(): boolean {
    return this.dispatch({ type: 'still-here' });
  }

  endSession(): boolean {
    return this.dispatch({ type: 'end-session' });
  }

  browserCrashed(): void {
    this.dispatch({ type: 'browser-crashed' });
  }

  /** Staff's "wipe now": ends a session, runs the full wipe, or retries it out of service. */
  forceWipe(): boolean {
    return this.dispatch({ type: 'staff-wipe' });
  }

  /** Something the glue cannot recover from (an unfinished wipe journal at start, an internal error). */
  reportFault(reason: OutOfServiceReason): void {
    this.dispatch({ type: 'fault', reason });
  }

  /** The machine woke from sleep: timers were frozen, the wall clock was not. */
  resumed(): Promise<ShiftWipeDue> {
    return this.afterPause('resume');
  }

  unlocked(): Promise<ShiftWipeDue> {
    return this.afterPause('unlock');
  }

  updatePolicy(policy: SessionPolicy): Promise<ShiftWipeDue> {
    this.policy = policy;
    this.monitor.rearm();
    return this.monitor.runCheck('policy-reload');
  }

  /** The open citizen session (also while it is being wiped), or null. */
  session(): CitizenSession<Canaries> | null {
    return this.current.name === 'in-session' || this.current.name === 'ending' ? this.current.session : null;
  }

  /** When the live timer next fires. */
  nextShiftEnd(): Date | null {
    return this.monitor.nextShiftEnd;
  }

  /** Cancels every timer; later events are ignored. A running wipe is not interrupted. */
  stop(): void {
    this.stopped = true;
    this.monitor.stop();
    this.stopTimers();
  }

  private afterPause(source: 'resume' | 'unlock'): Promise<ShiftWipeDue> {
    if (this.current.name === 'in-session' && !this.stopped) this.idle.catchUpAfterPause();
    return this.monitor.runCheck(source);
  }
}
