import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff';
import type { SyslogDestination } from './destination';
import type { ForwardOutcome } from './forward-once';

export interface ContinuousForwarderDeps {
  destinations: readonly SyslogDestination[];
  forward: (destination: SyslogDestination) => Promise<ForwardOutcome>;
  setTimer: (run: () => void, ms: number) => { cancel(): void };
  random?: () => number;
  backoff?: BackoffOptions;
  /** Each pass's outcome (logging, status). */
  onOutcome?: (outcome: ForwardOutcome) => void;
}

interface Lane {
  running: boolean;
  again: boolean;
  failures: number;
  retry: { cancel(): void } | null;
}

/**
 * The kiosk's forwarder: `trigger()` after start and after every audit append. Each collector has
 * its own lane: one pass at a time (a trigger during a pass runs one more pass after it), and after
 * a failure a retry with exponential backoff and jitter — triggers meanwhile wait for that retry
 * rather than hammering an unreachable collector. Nothing here is awaited by a wipe or a session.
 */
export class ContinuousForwarder {
  private readonly lanes = new Map<string, Lane>();
  private stopped = false;

  constructor(private readonly deps: ContinuousForwarderDeps) {
    for (const destination of deps.destinations) this.lanes.set(destination.id, { running: false, again: false, failures: 0, retry: null });
  }

  trigger(): void {
    for (const destination of this.deps.destinations) this.kick(destination);
  }

  stop(): void {
    this.stopped = true;
    for (const lane of this.lanes.values()) lane.retry?.cancel();
  }

  private kick(destination: SyslogDestination): void {
    const lane = this.lanes.get(destination.id);
    if (!lane || this.stopped) return;
    if (lane.running) {
      lane.again = true;
      return;
    }
    if (lane.retry) return;
    void this.pass(destination, lane);
  }

  private async pass(destination: SyslogDestination, lane: Lane): Promise<void> {
    lane.running = true;
    lane.again = false;
    let outcome: ForwardOutcome;
    try {
      outcome = await this.deps.forward(destination);
    } catch (error) {
      outcome = { destination: destination.id, sent: 0, backlog: -1, error: (error as Error).message, notes: [] };
    }
    lane.running = false;
    this.deps.onOutcome?.(outcome);
    if (this.stopped) return;
    if (outcome.error) {
      lane.failures += 1;
      const wait = backoffDelay(lane.failures, this.deps.random ?? Math.random, this.deps.backoff ?? defaultBackoff);
      lane.retry = this.deps.setTimer(() => {
        lane.retry = null;
        this.kick(destination);
      }, wait);
      return;
    }
    lane.failures = 0;
    if (lane.again) this.kick(destination);
  }
}
