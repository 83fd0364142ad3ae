import type { WipeRecordView } from '../../src/ipc/contract.js';
import { button, h } from '../dom.js';
import { dateTime, decimal, hasMessage, quantity } from '../i18n/index.js';
import { icon } from '../icons.js';
import type { ScreenContext } from '../screen.js';
import { formMessage, showMessage } from './form.js';

const columns = ['time', 'scope', 'trigger', 'duration', 'files', 'result'] as const;

/** The audit log's wipe records as a table: what staff check each morning. No personal data exists in them. */
export class WipeRecords {
  readonly el: HTMLElement;
  private readonly body = h('tbody');
  private readonly message = formMessage();
  private readonly refreshButton: HTMLButtonElement;
  private readonly scroller: HTMLElement;
  private records: WipeRecordView[] = [];

  constructor(private readonly ctx: ScreenContext) {
    this.refreshButton = button({ kind: 'secondary', class: 'btn-small', icon: icon('reload'), text: 'staff.records.refresh', onClick: () => void this.load() });
    const head = h('tr', {}, columns.map((c) => h('th', { text: `staff.col.${c}`, attrs: { scope: 'col' } })));
    const table = h('table', { class: 'records', attrs: { 'aria-labelledby': 'records-heading' } }, [h('thead', {}, [head]), this.body]);
    // Focusable so keyboard users can scroll a long log.
    this.scroller = h('div', { class: 'records-scroll', attrs: { tabindex: '0', role: 'region', 'aria-labelledby': 'records-heading', 'data-may-scroll': '' } }, [table]);
    // Not a landmark itself: the scrolling table below is the one region named by the heading.
    this.el = h('section', { class: 'staff-section records-section' }, [
      h('div', { class: 'section-head' }, [h('h2', { id: 'records-heading', text: 'staff.records.heading' }), this.refreshButton]),
      this.message,
      this.scroller,
    ]);
  }

  async load(): Promise<void> {
    this.refreshButton.disabled = true;
    showMessage(this.message, 'staff.records.loading', 'info');
    try {
      this.records = [...(await this.ctx.api.recentWipes())].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
      showMessage(this.message, this.records.length === 0 ? 'staff.records.empty' : null, 'info');
    } catch {
      this.records = [];
      showMessage(this.message, 'staff.records.error');
    } finally {
      this.refreshButton.disabled = false;
    }
    this.render();
  }

  /** Cells hold formatted dates and numbers, so a language switch re-renders them. */
  render(): void {
    this.body.replaceChildren(...this.records.map((record) => this.row(record)));
    this.scroller.hidden = this.records.length === 0;
  }

  private row(record: WipeRecordView): HTMLTableRowElement {
    const trigger = `staff.trigger.${record.trigger}`;
    const ok = record.result === 'succeeded';
    const cells = [
      h('td', { class: 'nowrap', literal: dateTime(record.startedAt) }),
      h('td', { text: `staff.scope.${record.scope}` }),
      h('td', hasMessage(trigger) ? { text: trigger } : { literal: record.trigger }),
      h('td', { class: 'num', literal: quantity(Math.round(record.durationMs / 100) / 10, 'second', 1) }),
      h('td', { class: 'num', literal: decimal(record.filesRemoved, 0) }),
      h('td', {}, [h('span', { class: `result result-${record.result}` }, [icon(ok ? 'check' : 'alert'), h('span', { text: `staff.result.${record.result}` })])]),
    ];
    return h('tr', {}, cells);
  }
}
