import type { ComplianceView } from '../../src/ipc/contract.js';
import { button, h } from '../dom.js';
import { dateTime, language, type MessageKey } from '../i18n/index.js';
import { icon } from '../icons.js';
import type { ScreenContext } from '../screen.js';
import { formMessage, showMessage } from './form.js';

type Check = ComplianceView['checks'][number];

/**
 * The last compliance doctor run: every check with its status and, for anything not passing, how
 * to fix it. Titles and remediation come in both languages from the core; evidence stays out of the
 * panel (it is in `public-kiosk doctor` for the IT officer).
 */
export class CompliancePanel {
  readonly el: HTMLElement;
  private readonly list = h('ul', { class: 'compliance-list' });
  private readonly meta = h('p', { class: 'compliance-meta' });
  private readonly message = formMessage();
  private readonly refreshButton: HTMLButtonElement;
  private readonly scroller: HTMLElement;
  private view: ComplianceView | null = null;

  constructor(private readonly ctx: ScreenContext) {
    this.scroller = h('div', { class: 'compliance-scroll', attrs: { tabindex: '0', role: 'region', 'aria-labelledby': 'compliance-heading', 'data-may-scroll': '' } }, [this.list]);
    this.refreshButton = button({ kind: 'secondary', class: 'btn-small', icon: icon('reload'), text: 'staff.compliance.reload', onClick: () => void this.load() });
    // Not a landmark itself: the scrolling list below is the one region named by the heading (axe landmark-unique).
    this.el = h('section', { class: 'staff-section compliance-section' }, [
      h('div', { class: 'section-head' }, [h('h2', { id: 'compliance-heading', text: 'staff.compliance.heading' }), this.refreshButton]),
      this.message,
      this.meta,
      this.scroller,
    ]);
  }

  async load(): Promise<void> {
    this.refreshButton.disabled = true;
    try {
      this.view = await this.ctx.api.compliance();
      showMessage(this.message, this.view ? null : 'staff.compliance.none', 'info');
    } catch {
      this.view = null;
      showMessage(this.message, 'staff.compliance.error');
    } finally {
      this.refreshButton.disabled = false;
    }
    this.render();
  }

  /** Texts come from the report per language, so a language switch re-renders. */
  render(): void {
    const view = this.view;
    this.meta.hidden = !view;
    this.meta.replaceChildren();
    if (view) {
      this.meta.append(h('span', { text: ['staff.compliance.checkedAt', { time: dateTime(view.checkedAt) }] }));
      if (view.outOfService.length > 0) this.meta.append(h('strong', { class: 'compliance-oos', text: ['staff.compliance.outOfService', { ids: view.outOfService.join(', ') }] }));
    }
    // What needs doing first: fail, error, warn, then the rest, each in catalogue order.
    const rank = { fail: 0, error: 1, warn: 2, pass: 3, 'not-applicable': 4 } as const;
    const ordered = [...(view?.checks ?? [])].sort((a, b) => rank[a.status] - rank[b.status]);
    this.list.replaceChildren(...ordered.map((check) => this.item(check)));
    this.scroller.hidden = !view || view.checks.length === 0;
  }

  private item(check: Check): HTMLLIElement {
    const lang = language();
    const good = check.status === 'pass' || check.status === 'not-applicable';
    const status = h('span', { class: `compliance-status status-${check.status}` }, [icon(good ? 'check' : 'alert'), h('span', { text: `staff.compliance.status.${check.status}` as MessageKey })]);
    const head = h('div', { class: 'compliance-head' }, [status, h('span', { class: 'compliance-title', literal: check.title[lang] }), h('code', { class: 'compliance-id', literal: check.id })]);
    const fix = good ? null : h('p', { class: 'compliance-fix' }, [h('span', { class: 'compliance-fix-label', text: 'staff.compliance.fix' }), h('span', { literal: ` ${check.remediation[lang]}` })]);
    return h('li', { class: `compliance-item item-${check.status}` }, [head, fix]);
  }
}
