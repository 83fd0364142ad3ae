import type { KioskStatus } from '../../src/ipc/contract.js';
import { button, h, setAttrText, setText } from '../dom.js';
import { icon, type IconName } from '../icons.js';
import type { ScreenContext } from '../screen.js';
import { noticeRegion, showNotice } from './notice.js';

type NavAction = 'back' | 'forward' | 'home' | 'reload';

/** Back, Forward, Home, Reload: each an icon with a word under it. */
export class NavButtons {
  readonly el: HTMLElement;
  private readonly buttons = new Map<NavAction, HTMLButtonElement>();

  constructor(ctx: ScreenContext) {
    const icons: Record<NavAction, IconName> = { back: 'back', forward: 'forward', home: 'home', reload: 'reload' };
    for (const action of ['back', 'forward', 'home', 'reload'] as const) {
      const el = button({
        kind: 'tool',
        icon: icon(icons[action]),
        text: `toolbar.${action}`,
        attrs: { 'data-action': action },
        onClick: () => void ctx.api.navigate(action).catch(() => undefined),
      });
      this.buttons.set(action, el);
    }
    this.el = h('div', { class: 'nav-buttons' }, [...this.buttons.values()]);
  }

  update(status: KioskStatus): void {
    const site = status.site;
    const back = this.buttons.get('back');
    const forward = this.buttons.get('forward');
    if (back) back.disabled = !site?.canGoBack;
    if (forward) forward.disabled = !site?.canGoForward;
  }
}

/** The current site's name and host (never its full URL), or main's notice when there is one. */
export class SiteInfo {
  readonly el: HTMLElement;
  private readonly title = h('span', { class: 'site-title' });
  private readonly host = h('span', { class: 'site-host' });
  private readonly summary = h('div', { class: 'site-summary' }, [this.title, this.host]);
  private readonly notice = noticeRegion('toolbar-notice');
  private readonly progress = h('div', { class: 'site-progress', attrs: { 'aria-hidden': 'true' } });

  constructor() {
    this.el = h('div', { class: 'site-info' }, [this.summary, this.notice, this.progress]);
  }

  update(status: KioskStatus): void {
    const site = status.site;
    showNotice(this.notice, status.notice);
    this.summary.hidden = Boolean(status.notice);
    this.progress.hidden = !site?.loading;
    if (!site) {
      setText(this.title, 'session.placeholder');
      this.host.textContent = '';
      this.summary.removeAttribute('aria-label');
      return;
    }
    const title = site.loading && !site.title ? '' : site.title;
    if (title) {
      delete this.title.dataset['i18n'];
      this.title.textContent = title;
    } else setText(this.title, 'toolbar.loading');
    this.host.textContent = site.host;
    setAttrText(this.summary, 'aria-label', ['toolbar.site', { title: title || site.host, host: site.host }]);
    this.summary.setAttribute('role', 'group');
  }
}
