import type { KioskApi, KioskStatus } from '../src/ipc/contract.js';
import { relabel } from './dom.js';
import { language, useLanguage } from './i18n/index.js';
import { chooseScreen, type Screen, type ScreenContext } from './screen.js';
import { buildScreen } from './screens/index.js';
import { RehearsalBanner } from './screens/rehearsal-banner.js';
import { StaffPanel } from './staff/panel.js';

/**
 * Holds the latest status and the one piece of state main does not know (is the staff panel open)
 * and keeps exactly one screen in the window. A status push for the same screen updates it in place,
 * so focus, typed input and a pending confirmation survive countdown ticks.
 */
export class Controller implements ScreenContext {
  private status: KioskStatus | null = null;
  private staffOpen = false;
  private current: { key: string; screen: Screen } | null = null;
  /** Kept while open, even when a running wipe covers it, so typed input and results survive. */
  private staffPanel: StaffPanel | null = null;
  private parked: { key: string; screen: Screen } | null = null;
  private returnFocus: Element | null = null;
  /** The last staff panel command from main that was carried out (the staff shortcut from the site, idle sign-out). */
  private staffCommandSeq = 0;
  /** Over every screen but the session toolbar (which carries its own badge) while a rehearsal is open. */
  private readonly rehearsal = new RehearsalBanner('screen');

  constructor(
    readonly api: KioskApi,
    private readonly host: HTMLElement,
  ) {}

  apply(status: KioskStatus): void {
    this.status = status;
    const command = status.staffPanelCommand;
    if (command && command.seq > this.staffCommandSeq) {
      this.staffCommandSeq = command.seq;
      if (command.action === 'open') this.openStaff();
      else this.closeStaff();
    }
    if (status.language !== language()) {
      useLanguage(status.language);
      relabel(document.body);
      if (this.staffPanel) relabel(this.staffPanel.root);
    }
    this.render();
  }

  openStaff(): void {
    if (this.staffOpen) return;
    this.returnFocus = document.activeElement;
    this.staffOpen = true;
    void this.api.setStaffPanelOpen(true).catch(() => undefined);
    this.render();
  }

  refresh(): void {
    this.api.getStatus().then(
      (status) => this.apply(status),
      () => undefined,
    );
  }

  /** Closing the panel always signs staff out: no staff session lingers on a citizen kiosk. */
  closeStaff(): void {
    if (!this.staffOpen) return;
    this.staffOpen = false;
    if (this.status?.staff) void this.api.staffSignOut().catch(() => undefined);
    void this.api.setStaffPanelOpen(false).catch(() => undefined);
    this.staffPanel?.dispose();
    this.staffPanel = null;
    this.render();
    if (this.returnFocus instanceof HTMLElement && this.returnFocus.isConnected) this.returnFocus.focus();
    this.returnFocus = null;
  }

  private render(): void {
    const status = this.status;
    if (!status) return;
    const kind = chooseScreen(status, this.staffOpen);
    // A covered staff panel still follows the status (a wipe it started, a sign-out by main).
    if (this.staffPanel && kind !== 'staff') this.staffPanel.update(status);
    // A new wipe phase is a new screen, so its heading takes focus and is announced.
    const key = kind === 'wipe' ? `wipe:${status.wipe?.phase ?? 'running'}` : kind;
    this.rehearsal.update(kind === 'session' ? {} : status);
    if (this.current?.key === key) {
      this.current.screen.update(status);
      return;
    }
    const previous = this.current;
    let screen: Screen;
    if (kind === 'staff') screen = this.staffPanel ??= new StaffPanel(this);
    else if (this.parked?.key === key) screen = this.parked.screen;
    else screen = buildScreen(kind, this);
    // The screen the staff panel covers is parked, not rebuilt, so closing the panel returns to the
    // very element that had focus. Anything else left behind is disposed.
    if (this.parked && this.parked.screen !== screen && kind !== 'staff') this.parked.screen.dispose?.();
    if (kind !== 'staff') this.parked = null;
    if (previous && previous.screen !== this.staffPanel && previous.screen !== screen) {
      if (kind === 'staff') this.parked = previous;
      else previous.screen.dispose?.();
    }
    screen.update(status);
    this.host.replaceChildren(screen.root, this.rehearsal.el);
    this.host.dataset['screen'] = kind;
    this.current = { key, screen };
    screen.focusTarget()?.focus();
  }
}
