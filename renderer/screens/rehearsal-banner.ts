import type { KioskStatus } from '../../src/ipc/contract.js';
import { h, setText } from '../dom.js';
import type { MessageKey } from '../i18n/index.js';
import { icon } from '../icons.js';

/**
 * An admin's rehearsal (audit mode) is open: said on every screen, so nobody mistakes it for a
 * citizen's session. In the session toolbar a compact badge (the site view fills the rest of the
 * window); over every other screen a strip along the bottom edge. Announced once when it appears.
 */
export class RehearsalBanner {
  readonly el: HTMLElement;
  private readonly text: HTMLElement;
  private readonly key: MessageKey;

  constructor(placement: 'toolbar' | 'screen') {
    this.key = placement === 'toolbar' ? 'rehearsal.badge' : 'rehearsal.banner';
    this.text = h('span', { class: 'rehearsal-text', text: this.key });
    this.el = h('div', { class: `rehearsal-banner rehearsal-${placement}`, attrs: { role: 'status' } }, [icon('alert', 'rehearsal-icon'), this.text]);
    this.el.hidden = true;
  }

  update(status: Pick<KioskStatus, 'rehearsal'>): void {
    this.el.hidden = status.rehearsal !== true;
    // Outside any screen, a language switch's relabel may run before this element is in the page.
    if (!this.el.hidden) setText(this.text, this.key);
  }
}
