import type { KioskClock } from '../../src/schedule/clock';

export interface MetricsWriterDeps {
  /** Collects and rewrites public_kiosk.prom (src/metrics/render.ts). */
  refresh(): Promise<unknown>;
  clock: Pick<KioskClock, 'setTimer'>;
  /** Every minute while the kiosk runs: the alert rules call a file older than 15 minutes stale. */
  intervalMs?: number;
  log(message: string): void;
}

/**
 * Rewrites the metrics file on every state change the kiosk sees and every minute. Writes never
 * overlap: a change during a write asks for one more write after it, however many changes came.
 */
export function startMetricsWriter(deps: MetricsWriterDeps) {
  let writing = false;
  let again = false;
  let lastError = '';
  const write = async (): Promise<void> => {
    if (writing) {
      again = true;
      return;
    }
    writing = true;
    try {
      do {
        again = false;
        try {
          await deps.refresh();
          lastError = '';
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          // Logged once per distinct problem, not every minute.
          if (message !== lastError) deps.log(`metrics file not written: ${message}`);
          lastError = message;
        }
      } while (again);
    } finally {
      writing = false;
    }
  };
  const tick = () => {
    void write();
    deps.clock.setTimer(deps.intervalMs ?? 60_000, tick);
  };
  tick();
  return { changed: () => void write() };
}
