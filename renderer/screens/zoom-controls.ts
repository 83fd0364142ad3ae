import type { KioskStatus } from '../../src/ipc/contract.js';
import { button, h, setAttrText, setText } from '../dom.js';
import type { ScreenContext } from '../screen.js';

type ZoomAction = 'in' | 'out' | 'reset';

const MIN_PERCENT = 50;
const MAX_PERCENT = 200;

/**
 * A− / 100% / A+ for people who read with difficulty: main zooms the site view only (50–200 %), never
 * this toolbar. The middle button shows the current size and resets it. The new size is announced in
 * a polite live region that exists from the start, and only when it changes (not on every status push).
 */
export class ZoomControls {
  readonly el: HTMLElement;
  private readonly out: HTMLButtonElement;
  private readonly reset: HTMLButtonElement;
  private readonly in: HTMLButtonElement;
  private readonly announcer = h('span', { class: 'sr-only zoom-announcer', attrs: { role: 'status', 'aria-live': 'polite' } });
  private shown: number | null = null;

  constructor(private readonly ctx: ScreenContext) {
    const zoomButton = (action: ZoomAction, text: 'zoom.out' | 'zoom.in' | 'zoom.reset', label: 'zoom.outLabel' | 'zoom.inLabel' | 'zoom.resetLabel') =>
      button({ kind: 'tool', class: `btn-zoom btn-zoom-${action}`, text, i18nAttrs: { 'aria-label': label }, attrs: { 'data-zoom': action }, onClick: () => this.zoom(action) });
    this.out = zoomButton('out', 'zoom.out', 'zoom.outLabel');
    this.reset = zoomButton('reset', 'zoom.reset', 'zoom.resetLabel');
    this.in = zoomButton('in', 'zoom.in', 'zoom.inLabel');
    this.el = h('div', { class: 'zoom-controls', i18nAttrs: { 'aria-label': 'zoom.group' }, attrs: { role: 'group' } }, [this.out, this.reset, this.in, this.announcer]);
  }

  update(status: KioskStatus): void {
    // A new session starts at 100 % silently: only a change the citizen asked for is announced.
    if (!status.site) this.shown = null;
    const percent = status.site?.zoomPercent ?? 100;
    const label = this.reset.querySelector('.btn-label');
    if (label instanceof HTMLElement) setText(label, ['zoom.reset', { percent: String(percent) }]);
    setAttrText(this.reset, 'aria-label', ['zoom.resetLabel', { percent: String(percent) }]);
    this.out.disabled = !status.site || percent <= MIN_PERCENT;
    this.in.disabled = !status.site || percent >= MAX_PERCENT;
    this.reset.disabled = !status.site;
    if (this.shown !== null && this.shown !== percent) setText(this.announcer, ['zoom.announce', { percent: String(percent) }]);
    this.shown = percent;
  }

  /** Ctrl+= / Ctrl+- / Ctrl+0 while the toolbar has focus (in the site view main catches them). */
  handleKey(event: KeyboardEvent): boolean {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return false;
    const action: ZoomAction | undefined =
      event.key === '=' || event.key === '+' || event.code === 'NumpadAdd' ? 'in'
        : event.key === '-' || event.code === 'NumpadSubtract' ? 'out'
          : event.key === '0' || event.code === 'Numpad0' ? 'reset' : undefined;
    if (!action) return false;
    event.preventDefault();
    this.zoom(action);
    return true;
  }

  private zoom(action: ZoomAction): void {
    void this.ctx.api.zoom(action).catch(() => undefined);
  }
}
