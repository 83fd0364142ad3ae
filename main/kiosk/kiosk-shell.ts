import type { ActionResult, KioskStatus, Language, StaffView } from '../../src/ipc/contract';
import type { Policy } from '../../src/policy/schema';
import type { Cancelable } from '../../src/schedule/clock';
import type { SessionController } from '../../src/session/controller';
import type { CitizenSession, SessionStatus } from '../../src/session/types';
import { composeStatus, policyInvalidSession } from '../../src/shell/kiosk-status';
import { checkSilentTarget, decidePrint, PrintLimiter } from '../../src/shell/printing';
import { DEFAULT_STAFF_IDLE_SIGN_OUT_SECONDS, StaffIdleWatch } from '../../src/shell/staff-idle';
import { siteViewVisible } from '../../src/shell/view-layout';
import type { KioskWindowPort } from './ports';
import type { SiteViewManager } from './site-view-manager';

/**
 * The kiosk as the UI sees it: composes the status, opens the site view when the controller starts a
 * session, hides it under any overlay, and routes citizen actions to the controller. With no policy
 * (or no controller) it is the out-of-service screen and nothing else: no site view is ever made.
 */

export type ControllerPort = Pick<
  SessionController,
  'startSession' | 'startRehearsal' | 'endSession' | 'stillHere' | 'userActivity' | 'browserCrashed' | 'status' | 'session' | 'onStatus' | 'reportFault'
>;

export interface KioskShellDeps {
  policy(): Policy | null;
  controller: ControllerPort | null;
  views: Pick<SiteViewManager, 'open' | 'close' | 'setVisible' | 'navigate' | 'zoom' | 'siteInfo' | 'openSessionId' | 'print' | 'printers'> | null;
  window: Pick<KioskWindowPort, 'sendStatus' | 'focusUi'>;
  /** Before the first page loads: canaries remembered and planted. A failure takes the kiosk out of service. */
  prepareSession(session: CitizenSession, view: ReturnType<SiteViewManager['open']>): Promise<void>;
  /** Clears a partition whose session the controller dropped without a wipe (a fault mid-session). */
  discardOrphan(session: ReturnType<SiteViewManager['close']>): void;
  setTimer(delayMs: number, callback: () => void): Cancelable;
  now(): Date;
  log(message: string): void;
}

const NOTICE_MS = 8_000;
const ACTIVITY_EVERY_MS = 1_000;
const WIPE_RESULT_MS = 6_000;

export class KioskShell {
  private language: Language;
  private staff: StaffView | undefined;
  private staffPanelOpen = false;
  private notice: KioskStatus['notice'];
  private policyRejected: KioskStatus['policyRejected'];
  private noticeTimer: Cancelable | null = null;
  private lastActivity = 0;
  private readonly invalidSince: Date;
  private wipeResult: { generation: number; hidden: boolean } | null = null;
  private wipeGeneration = 0;
  private printLimiter = new PrintLimiter();
  private jobWithChromium = false;
  private staffPanelCommand: KioskStatus['staffPanelCommand'];
  private readonly staffIdle: StaffIdleWatch;

  constructor(private readonly deps: KioskShellDeps) {
    this.language = deps.policy()?.ui.language ?? 'vi';
    this.invalidSince = deps.now();
    this.staffIdle = new StaffIdleWatch({
      seconds: () => deps.policy()?.staff.idleSignOutSeconds ?? DEFAULT_STAFF_IDLE_SIGN_OUT_SECONDS,
      setTimer: deps.setTimer,
      expire: () => {
        deps.log('staff panel idle: signing staff out and closing it');
        this.commandStaffPanel('close');
      },
    });
    deps.controller?.onStatus(() => this.refresh());
  }

  status(): KioskStatus {
    const raw: SessionStatus = this.deps.controller && this.deps.policy() ? this.deps.controller.status() : policyInvalidSession(this.invalidSince);
    const session = this.withoutOldWipeResult(raw);
    const parts = { session, policy: this.deps.policy(), language: this.language, site: this.deps.views?.siteInfo(), notice: this.notice, staff: this.staff, policyRejected: this.policyRejected };
    const status = composeStatus(parts);
    if (this.staffPanelCommand) status.staffPanelCommand = this.staffPanelCommand;
    if (this.deps.controller?.session()?.rehearsal === true) status.rehearsal = true;
    return status;
  }

  /** Re-sends the status and re-decides what the site view shows; called on every change. */
  refresh(): void {
    const status = this.status();
    this.closeOrphanView();
    this.deps.views?.setVisible(siteViewVisible(status, this.staffPanelOpen));
    this.deps.window.sendStatus(status);
  }

  async startSession(serviceIndex: number | null): Promise<ActionResult> {
    const { controller, views } = this.deps;
    const policy = this.deps.policy();
    if (!controller || !views || !policy) return { ok: false, reason: 'failed', message: 'out-of-service' };
    const service = policy.services[serviceIndex ?? 0];
    if (!service) return { ok: false, reason: 'invalid' };
    const started = controller.startSession(serviceIndex);
    return this.openSite(started, service.url, 'citizen');
  }

  /**
   * An admin's rehearsal (audit mode), on the first service. Called by the staff desk only, after the
   * admin's password and OTP; the staff panel closes (and signs out) so the journey runs in the site view.
   */
  async startRehearsal(): Promise<ActionResult> {
    const { controller, views } = this.deps;
    const policy = this.deps.policy();
    const service = policy?.services[0];
    if (!controller || !views || !service) return { ok: false, reason: 'failed', message: 'out-of-service' };
    const started = controller.startRehearsal(0);
    const result = await this.openSite(started, service.url, 'rehearsal');
    if (result.ok) this.commandStaffPanel('close');
    return result;
  }

  private async openSite(started: ReturnType<ControllerPort['startSession']>, url: string, mode: 'citizen' | 'rehearsal'): Promise<ActionResult> {
    const { controller, views } = this.deps;
    if (!controller || !views) return { ok: false, reason: 'failed', message: 'out-of-service' };
    if (!started.ok) return { ok: false, reason: 'failed', message: started.reason };
    this.staff = undefined;
    // Each citizen gets the full print allowance; nothing carries over from the last session.
    this.printLimiter = new PrintLimiter();
    try {
      const view = views.open(started.session.partition, mode);
      await this.deps.prepareSession(started.session, view);
      if (views.openSessionId !== started.session.partition) return { ok: false, reason: 'failed', message: 'session-ended' };
      view.contents.loadURL(url).catch(() => undefined);
    } catch (error) {
      this.deps.log(`could not open the site view: ${error instanceof Error ? error.message : String(error)}`);
      controller.reportFault('internal-error');
      return { ok: false, reason: 'failed', message: 'internal-error' };
    } finally {
      this.refresh();
    }
    return { ok: true };
  }

  endSession(): ActionResult {
    return this.deps.controller?.endSession() ? { ok: true } : { ok: false, reason: 'failed', message: 'no-session' };
  }

  stillHere(): ActionResult {
    return this.deps.controller?.stillHere() ? { ok: true } : { ok: false, reason: 'failed', message: 'no-warning' };
  }

  navigate(action: 'back' | 'forward' | 'home' | 'reload'): ActionResult {
    const session = this.deps.controller?.session();
    const home = session ? this.deps.policy()?.services[session.serviceIndex ?? 0]?.url : undefined;
    if (!home || !this.deps.views?.navigate(action, home)) return { ok: false, reason: 'failed', message: 'no-session' };
    this.activity();
    return { ok: true };
  }

  /** A− / 100% / A+ in the toolbar: only the site view zooms; the status push announces the new size. */
  zoom(action: 'in' | 'out' | 'reset'): ActionResult {
    if (!this.deps.controller?.session() || !this.deps.views?.zoom(action)) return { ok: false, reason: 'failed', message: 'no-session' };
    this.activity();
    this.refresh();
    return { ok: true };
  }

  setLanguage(language: Language): ActionResult {
    const allowed = this.deps.policy()?.ui.languages ?? ['vi', 'en'];
    if (!allowed.includes(language)) return { ok: false, reason: 'invalid' };
    this.language = language;
    this.refresh();
    return { ok: true };
  }

  setStaffPanelOpen(open: boolean): ActionResult {
    this.staffPanelOpen = open;
    // Closing the panel signs the staff member out: the next person at the screen is a citizen.
    if (!open) this.staff = undefined;
    this.staffIdle.engaged(open || this.staff !== undefined);
    this.refresh();
    return { ok: true };
  }

  /** A rejected machine policy change for the staff dashboard; null once a valid one is applied. */
  setPolicyRejected(report: KioskStatus['policyRejected'] | null): void {
    this.policyRejected = report ?? undefined;
    this.refresh();
  }

  setStaff(staff: StaffView | undefined): void {
    this.staff = staff;
    this.staffIdle.engaged(this.staffPanelOpen || staff !== undefined);
    this.refresh();
  }

  /** The staff shortcut pressed in the site view (caught there by main): the panel opens over it. */
  staffShortcutFromSite(): void {
    this.deps.log('staff shortcut in the site view: opening the staff panel');
    this.commandStaffPanel('open');
    this.deps.window.focusUi();
  }

  /** Any input in the kiosk UI: restarts the staff idle period while the panel is open. */
  uiInput(): void {
    this.staffIdle.input();
    this.activity();
  }

  /**
   * Whether a print main started (webContents.print) is with Chromium now: the one time a
   * `beforeprint` in the site view is expected (main/ipc/site-print-gate.ts stops any other).
   */
  mainPrinting(): boolean {
    return this.jobWithChromium;
  }

  /**
   * window.print() / execCommand('print') in any frame of the site (site preload), with whether that
   * frame had transient user activation, or Ctrl+P there (a key press: activated); decided by policy.printing.
   */
  printRequested(activated = true): void {
    const policy = this.deps.policy();
    const views = this.deps.views;
    if (!policy || !views || !this.deps.controller?.session()) return;
    const decision = decidePrint(policy.printing, this.printLimiter, this.deps.now().getTime(), activated);
    if (decision.action === 'ignore') return;
    if (decision.action === 'notice') {
      this.showNotice({ kind: decision.notice });
      return;
    }
    const limiter = this.printLimiter;
    limiter.started();
    const send = (): void => {
      this.jobWithChromium = true;
      const started = views.print(decision.options, (success) => {
        this.jobWithChromium = false;
        limiter.finished();
        // The dialog's own cancel is not a failure worth a notice; a silent job that failed is.
        if (decision.action === 'print') this.showNotice({ kind: success ? 'print-sent' : 'print-failed' });
      });
      if (!started) {
        this.jobWithChromium = false;
        limiter.finished();
      }
    };
    if (decision.action === 'dialog') {
      send();
      return;
    }
    // A silent job never goes to a print-to-file printer: it would ask where to save (a file dialog).
    views.printers().then(
      (installed) => {
        const target = checkSilentTarget(policy.printing.printer, installed);
        if (target.ok) return send();
        limiter.finished();
        this.deps.log(`silent printing refused: ${target.why}`);
        this.showNotice({ kind: 'print-failed' });
      },
      (error: unknown) => {
        limiter.finished();
        this.deps.log(`silent printing refused: the printers could not be listed (${error instanceof Error ? error.message : String(error)})`);
        this.showNotice({ kind: 'print-failed' });
      },
    );
  }

  /** The site view stayed unresponsive: end that citizen's session (with its wipe), as for a crash. */
  siteHung(sessionId: string): void {
    this.deps.log('site view unresponsive for too long: ending the session');
    if (this.deps.controller?.session()?.partition === sessionId) this.deps.controller.browserCrashed();
  }

  signedInStaffId(): string | null {
    return this.staff?.staffId ?? null;
  }

  /** Input in either view; throttled, and only while a citizen is in session. */
  activity(): void {
    const now = this.deps.now().getTime();
    if (now - this.lastActivity < ACTIVITY_EVERY_MS) return;
    this.lastActivity = now;
    if (this.deps.controller?.session()) this.deps.controller.userActivity();
  }

  siteCrashed(sessionId: string, reason: string): void {
    this.deps.log(`site view renderer gone (${reason}): ending the session`);
    if (this.deps.controller?.session()?.partition === sessionId) this.deps.controller.browserCrashed();
  }

  showNotice(notice: NonNullable<KioskStatus['notice']>): void {
    this.notice = notice;
    this.noticeTimer?.cancel();
    this.noticeTimer = this.deps.setTimer(NOTICE_MS, () => {
      this.notice = undefined;
      this.refresh();
    });
    this.refresh();
  }

  /**
   * A succeeded wipe's result screen shows for WIPE_RESULT_MS, then goes (the UI has no dismiss
   * button on purpose); a failed one stays, as the kiosk is then out of service.
   */
  private withoutOldWipeResult(session: SessionStatus): SessionStatus {
    if (session.wipe?.phase !== 'succeeded') {
      this.wipeResult = null;
      return session;
    }
    if (this.wipeResult === null) {
      const shown = { generation: ++this.wipeGeneration, hidden: false };
      this.wipeResult = shown;
      this.deps.setTimer(WIPE_RESULT_MS, () => {
        if (this.wipeResult?.generation !== shown.generation) return;
        shown.hidden = true;
        this.refresh();
      });
    }
    if (!this.wipeResult.hidden) return session;
    const { wipe: _done, ...rest } = session;
    return rest;
  }

  private commandStaffPanel(action: 'open' | 'close'): void {
    this.staffPanelCommand = { seq: (this.staffPanelCommand?.seq ?? 0) + 1, action };
    this.staffPanelOpen = action === 'open';
    if (action === 'close') this.staff = undefined;
    this.staffIdle.engaged(action === 'open');
    this.refresh();
  }

  private closeOrphanView(): void {
    const open = this.deps.views?.openSessionId ?? null;
    if (open === null) return;
    const session = this.deps.controller?.session();
    if (session && session.partition === open) return;
    this.deps.discardOrphan(this.deps.views?.close(open) ?? null);
  }
}
