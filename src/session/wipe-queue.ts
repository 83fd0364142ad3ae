import type { WipeOutcome } from './types';

/**
 * Runs wipes one after another. A wipe started while an abandoned one (a fault came in the middle)
 * still runs waits for it: two wipes must never work on the same folders at once. The promise never
 * rejects; a throw becomes a failed outcome, because a wipe that threw did not prove anything.
 */
export class WipeQueue {
  private inFlight: Promise<void> | null = null;

  run(start: () => Promise<WipeOutcome>): Promise<WipeOutcome> {
    const guarded = (): Promise<WipeOutcome> => {
      try {
        return Promise.resolve(start()).catch(asFailure);
      } catch (error) {
        return Promise.resolve(asFailure(error));
      }
    };
    const pending = this.inFlight ? this.inFlight.then(guarded) : guarded();
    const settled = pending.then(() => undefined);
    this.inFlight = settled;
    void settled.then(() => {
      if (this.inFlight === settled) this.inFlight = null;
    });
    return pending;
  }
}

function asFailure(error: unknown): WipeOutcome {
  return { ok: false, detail: error instanceof Error ? error.message : String(error) };
}
