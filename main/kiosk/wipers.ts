import type { CitizenSession, SessionEndTrigger, ShiftWipeTrigger, WipeOutcome } from '../../src/session/types';
import { sessionWipeTriggers } from '../../src/shell/wipe-triggers';
import type { ClipboardWipe } from '../../src/wipe/clipboard';
import type { WipeRequest } from '../../src/wipe/types';
import { clearSiteSession } from '../site/clear-session';
import type { SiteViewManager } from './site-view-manager';

/**
 * The two wipes the session controller asks for, as main/ carries them out.
 *
 * Session end: close the site view (cancelling its downloads), run Electron's clears on the
 * partition, then the session wipe on disk (the partition's folder and the session's downloads).
 * A failed clear fails the wipe just as a failed disk wipe does: out of service, never "probably".
 *
 * Shift end: the full wipe must run when no browser process holds the files, so the running kiosk
 * never does it itself. It relaunches, and the next start runs the wipe before Chromium starts
 * (main/startup-wipe.ts); that start's result answers the controller's first request. A start that
 * was itself a relaunch for a wipe never relaunches again for the same request (no loop): it reports
 * the failure, and the controller's recovery timer tries again later.
 */

export interface SessionWiperDeps {
  views: Pick<SiteViewManager, 'close'>;
  runWipe(request: WipeRequest): Promise<{ ok: boolean }>;
  /** Persists out-of-service for a failure the disk wipe cannot see (failed clears). */
  markOutOfService(reason: string): Promise<void>;
  log(message: string): void;
}

export function createSessionWiper(deps: SessionWiperDeps) {
  return async (session: CitizenSession, trigger: SessionEndTrigger): Promise<WipeOutcome> => {
    const electronSession = deps.views.close(session.partition);
    const cleared = electronSession ? await clearSiteSession(electronSession) : ({ ok: true } as const);
    const outcome = await deps.runWipe({ scope: 'session', trigger: sessionWipeTriggers[trigger], sessionId: session.partition });
    if (!cleared.ok) {
      const steps = cleared.failed.map((f) => f.step).join(', ');
      deps.log(`session partition clears failed: ${steps}`);
      await deps.markOutOfService('session-clear-failed').catch(() => undefined);
      return { ok: false, detail: `partition clears failed: ${steps}` };
    }
    return outcome.ok ? { ok: true } : { ok: false, detail: 'the session wipe did not complete or did not verify' };
  };
}

/** What the start-up wipe (before Chromium) did in this process. */
export type StartupWipeResult = { ran: false } | { ran: true; ok: boolean; detail: string };

export interface ShiftWiperDeps {
  /** The start-up wipe's result; answers the wipe the controller finds owed at boot ('start-up'). */
  startup: StartupWipeResult;
  /** This process was started by a relaunch for a shift wipe. */
  relaunchedForWipe: boolean;
  /** app.relaunch with the trigger (main/kiosk/startup-wipe.ts reads it), then app.exit. */
  relaunchForWipe(trigger: ShiftWipeTrigger): void;
  /**
   * Clears the OS clipboard (src/wipe/clipboard.ts). The full wipe runs in the CLI at the next start,
   * which cannot reach the clipboard (its record says null), so the clipboard is cleared here, before
   * the relaunch; a failure fails the shift wipe (out of service) instead of relaunching.
   */
  clearClipboard(): Promise<ClipboardWipe>;
  log(message: string): void;
}

export function createShiftWiper(deps: ShiftWiperDeps) {
  let startup: StartupWipeResult | null = deps.startup;
  return async (trigger: ShiftWipeTrigger, _coveredShiftEnd: Date | null): Promise<WipeOutcome> => {
    const first = startup;
    startup = null;
    // The wipe owed at boot is the one the start-up wipe just ran (or could not run).
    if (trigger === 'start-up' && first) {
      if (first.ran) return first.ok ? { ok: true } : { ok: false, detail: first.detail };
      if (deps.relaunchedForWipe) return { ok: false, detail: 'relaunched for a shift wipe, but the start-up wipe did not run' };
    }
    const clipboard = await deps.clearClipboard();
    if (clipboard.cleared === false) {
      deps.log(`shift wipe (${trigger}): the clipboard could not be cleared (${clipboard.errors.join('; ')})`);
      return { ok: false, detail: 'the clipboard could not be cleared' };
    }
    deps.log(`shift wipe (${trigger}): relaunching so it runs before the browser starts`);
    deps.relaunchForWipe(trigger);
    // The process is exiting; the controller stays in wiping-shift until then.
    return new Promise<WipeOutcome>(() => undefined);
  };
}
