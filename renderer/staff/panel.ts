import type { KioskStatus, StaffView } from '../../src/ipc/contract.js';
import { button, h, setText } from '../dom.js';
import { language } from '../i18n/index.js';
import { icon } from '../icons.js';
import type { Screen, ScreenContext } from '../screen.js';
import { LanguageSwitch } from '../screens/chrome.js';
import { adminSection, forceWipeSection } from './actions.js';
import { ChangePasswordForm } from './change-password.js';
import { SignInForm } from './sign-in.js';
import { CompliancePanel } from './compliance-panel.js';
import { BlockedToday } from './blocked-today.js';
import { WipeRecords } from './wipe-records.js';

interface View {
  readonly el: HTMLElement;
  focusTarget(): HTMLElement | null;
  dispose?(): void;
}

/** Force wipe across the top (the action staff come for), then compliance and the records and, for admins, admin actions. */
function dashboard(ctx: ScreenContext, staff: StaffView, records: WipeRecords, compliance: CompliancePanel, blocked: BlockedToday): View {
  const reports = h('div', { class: 'staff-reports with-blocked' }, [compliance.el, blocked.el, records.el]);
  const lower = h('div', { class: `staff-lower${staff.role === 'admin' ? ' with-admin' : ''}` }, [reports, staff.role === 'admin' ? adminSection(ctx) : null]);
  const el = h('div', { class: 'staff-dashboard' }, [forceWipeSection(ctx), lower]);
  void records.load();
  void compliance.load();
  void blocked.load();
  return { el, focusTarget: () => el.querySelector('h2') };
}

/**
 * The staff area: sign-in, then (after any forced password change) force wipe, recent wipe records
 * and, for admins, the OTP-guarded actions. Main is told it is open so it hides the site view;
 * Escape or Close leaves and signs out.
 */
export class StaffPanel implements Screen {
  readonly root: HTMLElement;
  private readonly who = h('p', { class: 'staff-who' });
  private readonly role = h('span', { class: 'staff-role' });
  private readonly close: HTMLButtonElement;
  private readonly lang: LanguageSwitch;
  private readonly body = h('main', { class: 'staff-body' });
  /** A rejected machine policy change: staff tell IT; the problems themselves are for `policy check`. */
  private readonly policyAlert = h('p', { class: 'staff-policy-alert', attrs: { role: 'status' } });
  private readonly records: WipeRecords;
  private readonly compliance: CompliancePanel;
  private readonly blocked: BlockedToday;
  private view: View | null = null;
  private mode = '';
  private wipeSeen = false;
  private renderedLanguage = language();

  constructor(private readonly ctx: ScreenContext) {
    this.records = new WipeRecords(ctx);
    this.compliance = new CompliancePanel(ctx);
    this.blocked = new BlockedToday(ctx);
    this.lang = new LanguageSwitch(ctx);
    this.close = button({ kind: 'on-dark', class: 'btn-staff-close', icon: icon('close'), text: 'staff.close', onClick: () => ctx.closeStaff() });
    const bar = h('header', { class: 'staff-bar' }, [
      h('div', { class: 'staff-bar-title' }, [icon('person'), h('span', { text: 'staff.title' })]),
      h('div', { class: 'staff-bar-who' }, [this.who, this.role]),
      h('div', { class: 'staff-bar-actions' }, [this.lang.el, this.close]),
    ]);
    this.root = h('div', { class: 'screen staff-panel', attrs: { role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'staff-panel-title' } }, [bar, this.policyAlert, this.body]);
    bar.querySelector('span')?.setAttribute('id', 'staff-panel-title');
    this.root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') ctx.closeStaff();
    });
  }

  update(status: KioskStatus): void {
    this.lang.update(status);
    const staff = status.staff;
    this.role.hidden = !staff;
    this.who.hidden = !staff;
    setText(this.close.querySelector<HTMLElement>('.btn-label') ?? this.close, staff ? 'staff.closeSignOut' : 'staff.close');
    if (staff) {
      setText(this.who, ['staff.signedInAs', { name: staff.displayName, id: staff.staffId }]);
      setText(this.role, `staff.role.${staff.role}`);
    }
    this.policyAlert.hidden = !status.policyRejected;
    if (status.policyRejected) setText(this.policyAlert, ['staff.policyRejected', { time: new Date(status.policyRejected.at).toLocaleString(language()) }]);
    const mode = !staff ? 'sign-in' : staff.mustChangePassword ? 'password' : `dashboard:${staff.role}`;
    if (mode !== this.mode) this.show(mode, staff);
    // Refresh the records once a wipe started from here has finished.
    if (status.wipe) this.wipeSeen = true;
    else if (this.wipeSeen && staff) {
      this.wipeSeen = false;
      void this.records.load();
    }
    if (this.renderedLanguage !== language()) {
      this.renderedLanguage = language();
      this.records.render();
      this.compliance.render();
      this.blocked.render();
    }
  }

  focusTarget(): HTMLElement | null {
    return this.view?.focusTarget() ?? null;
  }

  dispose(): void {
    this.view?.dispose?.();
  }

  private show(mode: string, staff: StaffView | undefined): void {
    this.view?.dispose?.();
    this.mode = mode;
    if (!staff) this.view = new SignInForm(this.ctx);
    else if (staff.mustChangePassword) this.view = new ChangePasswordForm(this.ctx);
    else this.view = dashboard(this.ctx, staff, this.records, this.compliance, this.blocked);
    this.body.replaceChildren(this.view.el);
    this.body.dataset['mode'] = mode.split(':')[0] ?? mode;
    if (this.root.isConnected) this.view.focusTarget()?.focus();
  }
}
