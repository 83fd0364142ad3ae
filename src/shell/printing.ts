import { isPrintToFilePrinter } from '../policy/printing';
import type { Policy } from '../policy/schema';

/**
 * What a site's print request (window.print() in any frame, through the site preload, or Ctrl+P)
 * becomes, by policy.printing.mode. No mode ever lets the page open a file dialog by itself: `silent`
 * prints without one, `off` only shows a notice, and `dialog` is the IT officer's explicit choice.
 */
export type PrintAction =
  | { action: 'print'; options: { silent: true; deviceName?: string } }
  | { action: 'dialog'; options: { silent: false } }
  | { action: 'notice'; notice: 'print-off' }
  | { action: 'ignore'; why: 'rate-limited' | 'printing' | 'no-user-activation' };

/** One request per this many ms: a page calling print() in a loop gets one page printed, not a ream. */
export const PRINT_MIN_INTERVAL_MS = 5_000;
/** Prints per citizen session, beyond which requests are ignored (a notice says so once). */
export const PRINTS_PER_SESSION = 30;

export class PrintLimiter {
  private last = Number.NEGATIVE_INFINITY;
  private count = 0;
  private busy = false;

  /** Whether a request at `now` may go ahead; counts it when it does. */
  take(now: number): 'ok' | 'rate-limited' | 'printing' {
    if (this.busy) return 'printing';
    if (now - this.last < PRINT_MIN_INTERVAL_MS || this.count >= PRINTS_PER_SESSION) return 'rate-limited';
    this.last = now;
    this.count += 1;
    return 'ok';
  }

  /** A print job is with Chromium until its callback; nothing else starts meanwhile. */
  started(): void {
    this.busy = true;
  }

  finished(): void {
    this.busy = false;
  }
}

/**
 * `activated`: the requesting frame had transient user activation (a click or key press just before).
 * A silent job needs it — without it a page could print a ream from script, no citizen asking — and
 * is checked before the limiter, so script-made requests cannot use up the citizen's allowance.
 */
export function decidePrint(printing: Policy['printing'], limiter: PrintLimiter, now: number, activated = true): PrintAction {
  if (printing.mode === 'silent' && !activated) return { action: 'ignore', why: 'no-user-activation' };
  // Off answers every request with the notice (throttled all the same, so it cannot flood the UI).
  const taken = limiter.take(now);
  if (taken !== 'ok') return { action: 'ignore', why: taken };
  if (printing.mode === 'off') return { action: 'notice', notice: 'print-off' };
  if (printing.mode === 'dialog') return { action: 'dialog', options: { silent: false } };
  return { action: 'print', options: printing.printer === '' ? { silent: true } : { silent: true, deviceName: printing.printer } };
}


export type SilentTarget = { ok: true } | { ok: false; why: string };

/**
 * Whether a silent job may go to the printer the policy names, given the OS's printers. A named
 * printer must exist and not be print-to-file. With no name the job goes to the OS default, which
 * Electron cannot tell us: it is allowed only when no print-to-file printer is installed at all.
 */
export function checkSilentTarget(printer: string, installed: readonly string[]): SilentTarget {
  if (printer !== '') {
    if (isPrintToFilePrinter(printer)) return { ok: false, why: `"${printer}" prints to a file (a save dialog)` };
    return installed.includes(printer) ? { ok: true } : { ok: false, why: `no printer named "${printer}" on this machine` };
  }
  const toFile = installed.filter(isPrintToFilePrinter);
  if (toFile.length > 0) {
    return { ok: false, why: `the OS default printer could be a print-to-file printer (${toFile.join(', ')}): name a printer in printing.printer or remove them` };
  }
  return installed.length > 0 ? { ok: true } : { ok: false, why: 'no printer is installed' };
}
