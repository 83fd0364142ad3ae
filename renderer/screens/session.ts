import type { KioskStatus } from '../../src/ipc/contract.js';
import { button, h } from '../dom.js';
import { icon } from '../icons.js';
import type { Screen, ScreenContext } from '../screen.js';
import { RehearsalBanner } from './rehearsal-banner.js';
import { ShiftBanner } from './shift-banner.js';
import { NavButtons, SiteInfo } from './site-bar.js';
import { ZoomControls } from './zoom-controls.js';

/**
 * In session the window shows only this toolbar strip; main places the site's own view below it.
 * Ending is one quick step inside the strip (no modal, no hidden site): the question replaces the
 * site name and the two answers appear where End session was, Cancel at the far right so a double
 * tap on End session lands on Cancel, not on Yes. While the shift is ending (but not yet in its last
 * minute) a banner takes the site name's place, so the citizen sees the time left and can finish.
 */
export class SessionScreen implements Screen {
  readonly root: HTMLElement;
  private readonly nav: NavButtons;
  private readonly site = new SiteInfo();
  private readonly shiftBanner = new ShiftBanner();
  private readonly zoomControls: ZoomControls;
  private readonly rehearsal = new RehearsalBanner('toolbar');
  private readonly endButton: HTMLButtonElement;
  private readonly confirm: HTMLElement;
  private readonly yes: HTMLButtonElement;
  private readonly no: HTMLButtonElement;

  constructor(private readonly ctx: ScreenContext) {
    this.nav = new NavButtons(ctx);
    this.zoomControls = new ZoomControls(ctx);
    this.endButton = button({ kind: 'danger', class: 'btn-end', icon: icon('exit'), text: 'toolbar.end', onClick: () => this.ask() });
    this.yes = button({ kind: 'danger', class: 'btn-end-yes', text: 'end.confirm', onClick: () => this.end() });
    this.no = button({ kind: 'on-dark', class: 'btn-end-no', text: 'end.cancel', onClick: () => this.cancel(true) });
    const question = h('p', { class: 'end-question', id: 'end-question', text: 'end.question' });
    this.confirm = h('div', { class: 'end-confirm', attrs: { role: 'alertdialog', 'aria-labelledby': 'end-question' } }, [question, this.yes, this.no]);
    this.confirm.hidden = true;
    const toolbar = h('header', { class: 'toolbar', i18nAttrs: { 'aria-label': 'toolbar.label' } }, [this.nav.el, this.site.el, this.shiftBanner.el, this.zoomControls.el, this.rehearsal.el, this.endButton, this.confirm]);
    // The window shows only a toolbar above the site's own view; a screen reader still gets a page title.
    const heading = h('h1', { class: 'sr-only', text: 'session.heading' });
    const body = h('main', { class: 'session-body' }, [heading, h('div', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }), h('p', { text: 'session.placeholder' })]);
    this.root = h('div', { class: 'screen session' }, [toolbar, body]);
    this.root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !this.confirm.hidden) this.cancel(true);
      else this.zoomControls.handleKey(event);
    });
  }

  update(status: KioskStatus): void {
    this.nav.update(status);
    this.site.update(status);
    this.shiftBanner.update(status);
    this.zoomControls.update(status);
    this.rehearsal.update(status);
    // The rehearsal badge takes toolbar room: the site's name then wraps instead of being cut off.
    this.root.classList.toggle('rehearsing', status.rehearsal === true);
    this.showInfo();
  }

  focusTarget(): null {
    return null;
  }

  private ask(): void {
    this.setConfirming(true);
    this.yes.focus();
  }

  private cancel(refocus: boolean): void {
    this.setConfirming(false);
    if (refocus) this.endButton.focus();
  }

  private end(): void {
    this.yes.disabled = true;
    this.no.disabled = true;
    void this.ctx.api
      .endSession()
      .catch(() => ({ ok: false }))
      .then((result) => {
        // Success: main moves to `ending` and this screen goes away. Failure: let them try again.
        if (!result.ok) {
          this.yes.disabled = false;
          this.no.disabled = false;
        }
      });
  }

  private setConfirming(confirming: boolean): void {
    this.confirm.hidden = !confirming;
    this.endButton.hidden = confirming;
    this.root.dataset['confirming'] = String(confirming);
    this.showInfo();
  }

  /** The strip's middle: the question while confirming, else the shift banner if any, else the site. */
  private showInfo(): void {
    const confirming = !this.confirm.hidden;
    this.site.el.hidden = confirming || this.shiftBanner.shown;
    this.shiftBanner.el.classList.toggle('covered', confirming);
  }
}
