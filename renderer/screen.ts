import type { KioskApi, KioskStatus } from '../src/ipc/contract.js';

/** One full-window screen. Built once per appearance, then updated in place on every status push. */
export interface Screen {
  readonly root: HTMLElement;
  update(status: KioskStatus): void;
  /** Where keyboard focus goes when the screen appears (null: leave it). */
  focusTarget(): HTMLElement | null;
  dispose?(): void;
}

/** What screens may do besides calling the API: open and close the staff panel. */
export interface ScreenContext {
  readonly api: KioskApi;
  openStaff(): void;
  closeStaff(): void;
  /** Asks main for the status now (after sign-in, a password change) instead of waiting for a push. */
  refresh(): void;
}

export type ScreenKey =
  | 'starting'
  | 'welcome'
  | 'session'
  | 'idle-warning'
  | 'shift-warning'
  | 'wipe'
  | 'out-of-service'
  | 'staff';

/**
 * Which screen the window shows. Order matters: a running wipe covers everything (even the staff
 * panel, which reappears after it); a wipe result covers everything but the staff panel (staff must
 * reach Force wipe after a failure); out of service beats any citizen screen; warnings beat the
 * session. `ending` and `wiping-shift` without wipe details still show wipe progress.
 */
export function chooseScreen(status: KioskStatus, staffOpen: boolean): ScreenKey {
  if (status.wipe?.phase === 'running' || status.state === 'ending' || status.state === 'wiping-shift') return 'wipe';
  if (staffOpen) return 'staff';
  if (status.wipe) return 'wipe';
  if (status.state === 'out-of-service') return 'out-of-service';
  // Until its last minute main keeps the site and the session toolbar carries the warning as a banner.
  if (status.shiftWarning && (status.shiftWarning.fullscreen || status.state !== 'in-session')) return 'shift-warning';
  if (status.state === 'in-session') return status.idleWarning ? 'idle-warning' : 'session';
  return status.state === 'welcome' ? 'welcome' : 'starting';
}
