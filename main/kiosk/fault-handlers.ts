import type { OutOfServiceReason } from '../../src/ipc/contract';

/**
 * uncaughtException / unhandledRejection in the main process: logged and the kiosk put out of
 * service (`internal-error`), never Electron's native error dialog (which a listener suppresses) and
 * never "carry on as if nothing happened" with a citizen's data on screen. A fault before the kiosk
 * exists is remembered and applied at its start.
 */
export interface FaultProcess {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export interface FaultGate {
  /** The kiosk is running: later faults go to it; returns the fault seen before, if any. */
  attach(reportFault: (reason: OutOfServiceReason) => void): OutOfServiceReason | null;
  /**
   * While set (a headless CLI run: the OS scheduler's wipe), a fault exits instead of waiting for a
   * kiosk that will never come; null again once the kiosk is starting.
   */
  exitOnFault(exit: (() => void) | null): void;
}

export function installFaultHandlers(proc: FaultProcess, log: (message: string) => void): FaultGate {
  let report: ((reason: OutOfServiceReason) => void) | null = null;
  let exit: (() => void) | null = null;
  let early: OutOfServiceReason | null = null;
  const fault = (what: string, detail: unknown): void => {
    const text = detail instanceof Error ? (detail.stack ?? detail.message) : String(detail);
    log(`${what} in the main process: out of service (internal-error): ${text}`);
    if (report) report('internal-error');
    else if (exit) exit();
    else early = 'internal-error';
  };
  proc.on('uncaughtException', (error) => fault('uncaught exception', error));
  proc.on('unhandledRejection', (reason) => fault('unhandled rejection', reason));
  return {
    attach(reportFault) {
      report = reportFault;
      return early;
    },
    exitOnFault(next) {
      exit = next;
    },
  };
}
