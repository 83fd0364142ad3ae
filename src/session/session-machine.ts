import type { OutOfServiceReason } from '../ipc/contract';
import type { Cancelable } from '../schedule/clock';
import type { ShiftWipeDue } from '../schedule/due-check';
import { DueMonitor } from '../schedule/due-monitor';
import { latestShiftEndAtOrBefore } from '../schedule/shift-ends';
import { REHEARSAL_IDLE_SECONDS, REHEARSAL_IDLE_WARNING_SECONDS } from '../blocked-journal/rehearsal';
import { accepts } from './accepted-events';
import { CitizenSessionFactory } from './citizen-session';
import { Countdown } from './countdown';
import { IdleTimer } from './idle-timer';
import type { MachineState, OwedShiftWipe } from './machine-state';
import { statusOf } from './machine-state';
import { SessionListeners } from './session-listeners';
import { WipeQueue } from './wipe-queue';
import type {
  CitizenSession,
  EventRecord,
  KioskEvent,
  SessionControllerDeps,
  SessionControllerOptions,
  SessionEndTrigger,
  SessionPolicy,
  SessionStatus,
  WipeOutcome,
} from './types';

const defaults: Required<SessionControllerOptions> = {
  dueCheckIntervalMs: 30_000,
  recoveryDelaysMs: [60_000, 120_000, 300_000, 600_000, 900_000],
  partitionPrefix: '',
  clockSetBackToleranceMs: 5_000,
};

/**
 * The state machine behind SessionController (controller.ts has the public API): the state, the
 * timers and wipes it owns, and one handler per event. Every event goes through dispatch();
 * `acceptedEvents` says which state acts on which event, the rest are ignored and reported as such.
 * States and events: docs/session-states.md.
 */
export class SessionMachine<Canaries = unknown> extends SessionListeners {
  protected current: MachineState<Canaries> = { name: 'starting' };
  protected policy: SessionPolicy;
  private readonly options: Required<SessionControllerOptions>;
  private readonly sessions: CitizenSessionFactory<Canaries>;
  protected readonly idle: IdleTimer;
  protected readonly shiftWarning: Countdown;
  protected readonly monitor: DueMonitor;
  private lastWipe: NonNullable<SessionStatus['wipe']> | null = null;
  private wipeCounter = 0;
  private recovery: Cancelable | null = null;
  private recoveryAttempts = 0;
  private readonly wipes = new WipeQueue();
  private readonly queue: KioskEvent[] = [];
  private dispatching = false;
  protected stopped = false;

  constructor(protected readonly deps: SessionControllerDeps<Canaries>) {
    super();
    this.policy = deps.policy;
    this.options = { ...defaults, ...deps.options };
    const clock = deps.clock;
    this.sessions = new CitizenSessionFactory(deps.newSessionId, deps.createCanaries, this.options.partitionPrefix);
    this.idle = new IdleTimer(clock, () => this.idleSettings(), {
      quiet: () => this.dispatch({ type: 'idle-warning' }),
      tick: () => this.publishStatus(),
      timeout: () => this.dispatch({ type: 'idle-timeout' }),
    });
    this.shiftWarning = new Countdown(clock, () => this.publishStatus(), () => this.dispatch({ type: 'shift-warning-over' }));
    this.monitor = new DueMonitor({
      clock,
      schedule: () => this.policy.schedule,
      readLastShiftWipe: () => deps.readLastShiftWipe(),
      onChecked: (due, source) => {
        if (source === 'start-up' || !due.due) return;
        this.dispatch(source === 'shift-end' ? { type: 'shift-end', due } : { type: 'due-check', due, source });
      },
      intervalMs: this.options.dueCheckIntervalMs,
      clockSetBackToleranceMs: this.options.clockSetBackToleranceMs,
    });
  }

  status(): SessionStatus {
    return statusOf(this.current, {
      idleWarningSecondsLeft: this.idle.warningSecondsLeft(),
      shiftWarningSecondsLeft: this.shiftWarning.secondsLeft(),
      lastWipe: this.lastWipe,
    });
  }

  /** Events raised while one is handled (timers at zero, listeners) wait their turn. */
  protected dispatch(event: KioskEvent): boolean {
    const acceptedNow = !this.stopped && accepts(this.current.name, event.type);
    this.queue.push(event);
    if (this.dispatching) return acceptedNow;
    this.dispatching = true;
    try {
      for (let next = this.queue.shift(); next; next = this.queue.shift()) this.process(next);
    } finally {
      this.dispatching = false;
    }
    return acceptedNow;
  }

  private process(event: KioskEvent): void {
    const from = this.current.name;
    let note: string | null;
    if (this.stopped) note = 'the controller is stopped';
    else if (!accepts(from, event.type)) note = `not handled in state ${from}`;
    else note = this.handle(event);
    const record: EventRecord = { event, from, to: this.current.name, ignored: note !== null };
    if (note !== null) record.note = note;
    this.publishEvent(record);
    this.publishStatus();
  }

  /** Acts on an accepted event; returns a note when the event turned out to need nothing. */
  private handle(event: KioskEvent): string | null {
    const state = this.current;
    switch (event.type) {
      case 'booted':
        if (event.fault) this.enterOutOfService(event.fault, null);
        else if (event.due.due) this.beginShiftWipe({ trigger: 'start-up', shiftEnd: event.due.shiftEnd }, null);
        else this.current = { name: 'welcome' };
        return null;
      case 'start-session':
        return this.openSession(event.serviceIndex, event.rehearsal === true);
      case 'user-activity':
        return this.idle.activity() ? null : 'the idle warning is showing: it needs an explicit "I\'m still here"';
      case 'still-here':
        this.idle.start();
        return null;
      case 'idle-warning':
        this.idle.beginWarning();
        return null;
      case 'idle-timeout':
        return this.finishSession('idle-timeout');
      case 'end-session':
        return this.finishSession('end-button');
      case 'browser-crashed':
        return this.finishSession('browser-crash');
      case 'shift-warning-over':
        return this.finishSession('shift-end');
      case 'shift-end':
      case 'due-check':
        return this.shiftWipeOwed(event.due, event.type === 'shift-end' ? 'shift-end' : event.source);
      case 'staff-wipe':
        return this.staffWipe();
      case 'retry-wipe':
        if (state.name === 'out-of-service') this.beginShiftWipe({ trigger: 'recovery', shiftEnd: this.latestShiftEnd() }, state.since);
        return null;
      case 'wipe-succeeded':
        return this.wipeSucceeded(event.wipeId);
      case 'wipe-failed':
        return this.wipeFailed(event.wipeId);
      case 'fault':
        this.enterOutOfService(event.reason, null);
        return null;
    }
  }

  private openSession(serviceIndex: number | null, rehearsal: boolean): string | null {
    let session: CitizenSession<Canaries>;
    try {
      session = this.sessions.create(new Date(this.deps.clock.now()), serviceIndex, rehearsal);
    } catch {
      this.enterOutOfService('internal-error', null);
      return null;
    }
    this.lastWipe = null;
    this.current = { name: 'in-session', session, owed: null };
    this.idle.start();
    return null;
  }

  private finishSession(trigger: SessionEndTrigger): string | null {
    const state = this.current;
    if (state.name !== 'in-session') return 'no session is open';
    this.stopTimers();
    const wipeId = ++this.wipeCounter;
    this.current = { name: 'ending', session: state.session, trigger, wipeId, owed: state.owed };
    this.runWipe(wipeId, () => this.deps.runSessionWipe(state.session, trigger));
    return null;
  }

  private shiftWipeOwed(due: ShiftWipeDue, trigger: OwedShiftWipe['trigger']): string | null {
    if (!due.due) return 'no shift wipe is due';
    const owed: OwedShiftWipe = { trigger, shiftEnd: due.shiftEnd };
    const state = this.current;
    if (state.name === 'welcome') {
      this.beginShiftWipe(owed, null);
    } else if (state.name === 'in-session' || state.name === 'ending') {
      if (state.owed) return 'a shift wipe is already owed';
      state.owed = owed;
      if (state.name === 'in-session') this.shiftWarning.start(this.policy.schedule.warningSeconds * 1000);
    }
    return null;
  }

  private staffWipe(): string | null {
    const state = this.current;
    const owed: OwedShiftWipe = { trigger: 'staff', shiftEnd: this.latestShiftEnd() };
    if (state.name === 'in-session') {
      state.owed = owed;
      return this.finishSession('staff');
    }
    this.beginShiftWipe(owed, state.name === 'out-of-service' ? state.since : null);
    return null;
  }

  private wipeSucceeded(wipeId: number): string | null {
    const state = this.current;
    if ((state.name !== 'ending' && state.name !== 'wiping-shift') || state.wipeId !== wipeId) {
      return 'the result of an earlier wipe';
    }
    if (state.name === 'ending') {
      this.lastWipe = { scope: 'session', phase: 'succeeded' };
      const due = state.owed ? null : this.monitor.check();
      if (state.owed) this.beginShiftWipe(state.owed, null);
      else if (due?.due) this.beginShiftWipe({ trigger: 'before-session', shiftEnd: due.shiftEnd }, null);
      else this.current = { name: 'welcome' };
      return null;
    }
    this.monitor.shiftWipeSucceeded(state.owed.shiftEnd);
    this.lastWipe = { scope: 'shift', phase: 'succeeded' };
    this.recoveryAttempts = 0;
    this.current = { name: 'welcome' };
    return null;
  }

  private wipeFailed(wipeId: number): string | null {
    const state = this.current;
    if ((state.name !== 'ending' && state.name !== 'wiping-shift') || state.wipeId !== wipeId) {
      return 'the result of an earlier wipe';
    }
    this.lastWipe = { scope: state.name === 'ending' ? 'session' : 'shift', phase: 'failed' };
    this.enterOutOfService('wipe-failed', state.name === 'wiping-shift' ? state.outOfServiceSince : null);
    return null;
  }

  private beginShiftWipe(owed: OwedShiftWipe, outOfServiceSince: string | null): void {
    this.stopTimers();
    const wipeId = ++this.wipeCounter;
    this.current = { name: 'wiping-shift', owed, wipeId, outOfServiceSince };
    this.runWipe(wipeId, () => this.deps.runShiftWipe(owed.trigger, owed.shiftEnd));
  }

  private enterOutOfService(reason: OutOfServiceReason, since: string | null): void {
    this.stopTimers();
    this.current = { name: 'out-of-service', reason, since: since ?? new Date(this.deps.clock.now()).toISOString() };
    const delays = this.options.recoveryDelaysMs;
    const delay = delays[Math.min(this.recoveryAttempts, delays.length - 1)];
    this.recoveryAttempts += 1;
    if (delay !== undefined) this.recovery = this.deps.clock.setTimer(delay, () => this.dispatch({ type: 'retry-wipe' }));
  }

  /** Wipe results come back as events, tagged so a late result of an abandoned wipe is ignored. */
  private runWipe(wipeId: number, run: () => Promise<WipeOutcome>): void {
    void this.wipes.run(run).then((outcome) =>
      this.dispatch(outcome.ok ? { type: 'wipe-succeeded', wipeId } : { type: 'wipe-failed', wipeId, detail: outcome.detail ?? 'the wipe failed' }),
    );
  }

  /** A rehearsal ends sooner than a citizen's session: an admin who walks away leaves nothing open long. */
  private idleSettings(): SessionPolicy['session'] {
    const settings = this.policy.session;
    const state = this.current;
    if ((state.name !== 'in-session' && state.name !== 'ending') || state.session.rehearsal !== true) return settings;
    const idleTimeoutSeconds = Math.min(settings.idleTimeoutSeconds, REHEARSAL_IDLE_SECONDS);
    return { ...settings, idleTimeoutSeconds, idleWarningSeconds: Math.min(settings.idleWarningSeconds, REHEARSAL_IDLE_WARNING_SECONDS, idleTimeoutSeconds - 1) };
  }

  private latestShiftEnd(): Date | null {
    return latestShiftEndAtOrBefore(this.policy.schedule, new Date(this.deps.clock.now()));
  }

  protected stopTimers(): void {
    this.idle.stop();
    this.shiftWarning.cancel();
    this.recovery?.cancel();
    this.recovery = null;
  }

  private publishStatus(): void {
    this.emitStatus(this.status());
  }
}
