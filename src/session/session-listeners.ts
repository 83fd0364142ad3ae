import type { EventRecord, SessionStatus } from './types';

export type StatusListener = (status: SessionStatus) => void;
export type EventListener = (record: EventRecord) => void;

/**
 * Listener plumbing for the controller. A throwing listener is reported and skipped: the UI or a log
 * must never be able to stop the state machine in the middle of a transition.
 */
export class SessionListeners {
  private readonly statusListeners = new Set<StatusListener>();
  private readonly eventListeners = new Set<EventListener>();
  private lastStatusJson = '';

  /** Called on every change of the status (state, countdown seconds, wipe phase). Returns unsubscribe. */
  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Called for every event, handled or ignored (for the log and tests). Returns unsubscribe. */
  onEvent(listener: EventListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  protected emitStatus(status: SessionStatus): void {
    const json = JSON.stringify(status);
    if (json === this.lastStatusJson) return;
    this.lastStatusJson = json;
    for (const listener of this.statusListeners) callSafely(() => listener(status));
  }

  protected publishEvent(record: EventRecord): void {
    for (const listener of this.eventListeners) callSafely(() => listener(record));
  }
}

function callSafely(call: () => void): void {
  try {
    call();
  } catch (error) {
    console.error('public-kiosk: a session listener failed:', error instanceof Error ? error.message : error);
  }
}
