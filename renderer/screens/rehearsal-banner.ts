import type { KioskStatus } from '../../src/ipc/contract.js';
import { h } from '../dom.js';
import { icon } from '../icons.js';

/**
 * An admin's rehearsal (audit mode) is open: said on every screen, so nobody mistakes it for a
 * citizen's session. In the session toolbar a compact badge (the site view fills the rest of the
 * window); over every other screen a strip along the bottom edge. Announced once when it appears.
 */
export class RehearsalBanner {
  readonly el: HTMLElement;

  constructor(placement: 'toolbar' | 'screen') {
    const text = placement === 'toolbar' ? 'rehearsal.badge' : 'rehearsal.banner';
    this.el = h('div', { class: `rehearsal-banner rehearsal-${placement}`, attrs: { role: 'status' } }, [icon('alert', 'rehearsal-icon'), h('span', { class: 'rehearsal-text', text })]);
    this.el.hidden = true;
  }

  update(status: Pick<KioskStatus, 'rehearsal'>): void {
    this.el.hidden = status.rehearsal !== true;
  }
}
