import type { BlockedTodayView } from '../../src/ipc/contract.js';
import { button, h, type Props } from '../dom.js';
import { decimal, hasMessage } from '../i18n/index.js';
import { icon } from '../icons.js';
import type { ScreenContext } from '../screen.js';
import { formMessage, showMessage } from './form.js';

const columns = ['host', 'rule', 'sessions', 'count'] as const;

/**
 * "Blocked today": the hosts this kiosk refused since midnight, most sessions first, with the rule
 * that refused them. Hosts only (the audit record holds nothing more): staff see what citizens could
 * not reach and tell IT, who turn it into allow rules with `public-kiosk blocked --yaml`.
 */
export class BlockedToday {
  readonly el: HTMLElement;
  private readonly body = h('tbody');
  private readonly message = formMessage();
  private readonly summary = h('p', { class: 'section-lead blocked-summary' });
  private readonly more = h('p', { class: 'blocked-more' });
  private readonly refreshButton: HTMLButtonElement;
  private readonly scroller: HTMLElement;
  private view: BlockedTodayView | null = null;

  constructor(private readonly ctx: ScreenContext) {
    this.refreshButton = button({ kind: 'secondary', class: 'btn-small', icon: icon('reload'), text: 'staff.blocked.reload', onClick: () => void this.load() });
    const head = h('tr', {}, columns.map((c) => h('th', { text: `staff.blocked.col.${c}`, attrs: { scope: 'col' } })));
    const table = h('table', { class: 'records blocked-table', attrs: { 'aria-labelledby': 'blocked-heading' } }, [h('thead', {}, [head]), this.body]);
    this.scroller = h('div', { class: 'records-scroll', attrs: { tabindex: '0', role: 'region', 'aria-labelledby': 'blocked-heading', 'data-may-scroll': '' } }, [table]);
    this.el = h('section', { class: 'staff-section blocked-section' }, [
      h('div', { class: 'section-head' }, [h('h2', { id: 'blocked-heading', text: 'staff.blocked.heading' }), this.refreshButton]),
      this.message,
      this.summary,
      this.scroller,
      this.more,
    ]);
  }

  async load(): Promise<void> {
    this.refreshButton.disabled = true;
    showMessage(this.message, 'staff.blocked.loading', 'info');
    try {
      this.view = await this.ctx.api.blockedToday();
      showMessage(this.message, this.view && this.view.hosts.length > 0 ? null : 'staff.blocked.none', 'info');
    } catch {
      this.view = null;
      showMessage(this.message, 'staff.blocked.error');
    } finally {
      this.refreshButton.disabled = false;
    }
    this.render();
  }

  /** Numbers are formatted per language, so a language switch re-renders. */
  render(): void {
    const view = this.view;
    const rows = view?.hosts ?? [];
    this.body.replaceChildren(...rows.map((row) => this.row(row)));
    this.scroller.hidden = rows.length === 0;
    this.summary.hidden = rows.length === 0;
    this.summary.replaceChildren(h('span', { text: ['staff.blocked.summary', { records: decimal(view?.records ?? 0, 0) }] }));
    this.more.hidden = !view || view.otherCount === 0;
    this.more.replaceChildren(h('span', { text: ['staff.blocked.more', { count: decimal(view?.otherCount ?? 0, 0) }] }));
  }

  private row(row: BlockedTodayView['hosts'][number]): HTMLTableRowElement {
    return h('tr', {}, [
      h('td', { class: 'blocked-host', literal: row.host }),
      h('td', ruleCell(row.rule)),
      h('td', { class: 'num', literal: decimal(row.sessions, 0) }),
      h('td', { class: 'num', literal: decimal(row.count, 0) }),
    ]);
  }
}

function ruleCell(rule: string): Props {
  if (rule.startsWith('category:')) return { text: ['staff.blocked.rule.category', { name: rule.slice('category:'.length) }] };
  const key = `staff.blocked.rule.${rule}`;
  return hasMessage(key) ? { text: key } : { literal: rule };
}
