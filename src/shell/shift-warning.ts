import type { KioskState, KioskStatus } from '../ipc/contract';

/**
 * How the shift-end warning is shown. A citizen in session keeps the site (a half-filled form)
 * while more than this many seconds remain, with the countdown as a banner in the UI's toolbar
 * strip; for the last minute, or when nobody is in session, the UI shows the full-window warning
 * and the site view is hidden. A policy may warn up to 30 minutes ahead: locking the form away for
 * all of that would cost citizens their work, not protect it.
 */
export const SHIFT_WARNING_FULLSCREEN_SECONDS = 60;

/** True when the warning must cover the whole window. Fails closed: a non-number covers it. */
export function shiftWarningFullscreen(state: KioskState, secondsLeft: number): boolean {
  return state !== 'in-session' || !(secondsLeft > SHIFT_WARNING_FULLSCREEN_SECONDS);
}

/** The warning covers the window by its flag or by the rule itself, so a stale flag never shows the site. */
export function shiftWarningCoversWindow(status: Pick<KioskStatus, 'state' | 'shiftWarning'>): boolean {
  const warning = status.shiftWarning;
  return warning !== undefined && (warning.fullscreen || shiftWarningFullscreen(status.state, warning.secondsLeft));
}
