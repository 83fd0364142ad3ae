import type { KioskStatus } from '../../src/ipc/contract.js';
import { h } from '../dom.js';
import { icon } from '../icons.js';
import { language, t } from '../i18n/index.js';

type Notice = NonNullable<KioskStatus['notice']>;

/** A persistent live region: it must exist before its text changes for screen readers to hear it. */
export function noticeRegion(className: string): HTMLElement {
  return h('div', { class: `notice ${className}`, attrs: { role: 'status', 'aria-live': 'polite' } });
}

/**
 * Shows main's short notice (a refused download, a blocked site). The detail is an extension such
 * as ".exe", never a file name. Unchanged notices are left alone so they are not read out again on
 * every countdown tick.
 */
export function showNotice(region: HTMLElement, notice: Notice | undefined): void {
  const key = notice ? JSON.stringify([language(), notice]) : '';
  if (region.dataset['shown'] === key) return;
  region.dataset['shown'] = key;
  if (!notice) {
    region.replaceChildren();
    region.hidden = true;
    return;
  }
  const good = notice.kind === 'download-saved' || notice.kind === 'print-sent';
  region.hidden = false;
  region.dataset['tone'] = good ? 'good' : 'bad';
  // Rebuilt on a language change (the key above includes it), so a literal is enough here.
  const text = t(`notice.${notice.kind}`);
  region.replaceChildren(icon(good ? 'check' : 'alert', 'notice-icon'), h('span', { literal: notice.detail ? `${text} (${notice.detail})` : text }));
}
