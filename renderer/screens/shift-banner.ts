import type { KioskStatus } from '../../src/ipc/contract.js';
import { h } from '../dom.js';
import { clock, t } from '../i18n/index.js';
import { icon } from '../icons.js';
import { SpokenCountdown } from './countdown.js';

/**
 * The shift-end countdown while the citizen still has the site (main decides: `fullscreen` false):
 * a yellow banner in the toolbar strip, in place of the site name, beside End session. The clock
 * ticks every second for the eye only; a polite live region says the time in words when the
 * banner appears and once a minute, so a screen reader is not interrupted while the citizen types.
 */
export class ShiftBanner {
  readonly el: HTMLElement;
  private readonly lead = document.createTextNode('');
  private readonly time = h('strong', { class: 'shift-banner-clock' });
  private readonly tail = document.createTextNode('');
  private readonly spoken = h('p', { class: 'sr-only shift-banner-spoken', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' } });
  // Spoken at the start, each whole minute, and after a language switch.
  private readonly spokenTime = new SpokenCountdown(this.spoken, 'shift.bannerAnnounce', 60);

  constructor() {
    const text = h('p', { class: 'shift-banner-text', attrs: { 'aria-hidden': 'true' } }, [this.lead, this.time, this.tail]);
    this.el = h('div', { class: 'shift-banner' }, [icon('clock', 'shift-banner-icon'), text, this.spoken]);
    this.el.hidden = true;
  }

  /** True while the banner shows (the site name then gives way to it). */
  get shown(): boolean {
    return !this.el.hidden;
  }

  update(status: KioskStatus): void {
    const warning = status.shiftWarning;
    this.el.hidden = !warning || warning.fullscreen;
    if (!warning || warning.fullscreen) {
      this.spokenTime.reset();
      return;
    }
    const seconds = Math.max(0, Math.ceil(warning.secondsLeft));
    const [lead = '', tail = ''] = t('shift.banner').split('{time}');
    this.lead.data = lead;
    this.time.textContent = clock(seconds);
    this.tail.data = tail;
    this.spokenTime.update(seconds, status.language);
  }
}
