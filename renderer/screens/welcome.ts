import type { KioskStatus } from '../../src/ipc/contract.js';
import { button, h, setText } from '../dom.js';
import { icon } from '../icons.js';
import type { Screen, ScreenContext } from '../screen.js';
import { staffButton, unitHeader } from './chrome.js';
import { noticeRegion, showNotice } from './notice.js';

/** The host a tile leads to, shown small so people can recognise the official site. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

export class WelcomeScreen implements Screen {
  readonly root: HTMLElement;
  private readonly header;
  private readonly heading = h('h1', { attrs: { tabindex: '-1' } }, [h('span', { text: 'welcome.heading' })]);
  private readonly tiles = h('ul', { class: 'tiles', i18nAttrs: { 'aria-label': 'welcome.servicesLabel' }, attrs: { 'data-may-scroll': '' } });
  private readonly error = h('p', { class: 'inline-error', attrs: { role: 'alert' } });
  private readonly notice = noticeRegion('welcome-notice');
  private readonly privacyScans = h('p', { class: 'privacy-main', text: 'welcome.privacyScans' });
  private tilesKey = '';
  private busy = false;

  constructor(private readonly ctx: ScreenContext) {
    this.header = unitHeader(ctx, staffButton(ctx));
    const start = button({ kind: 'primary', class: 'btn-start', text: 'welcome.start', onClick: () => this.start(null) });
    start.append(icon('forward'));
    const privacy = h('div', { class: 'privacy', attrs: { role: 'note' } }, [
      icon('shield', 'privacy-icon'),
      h('div', {}, [
        h('p', { class: 'privacy-main', text: 'welcome.privacy' }),
        this.privacyScans,
        h('p', { class: 'privacy-detail', text: 'welcome.privacyDetail' }),
      ]),
    ]);
    this.heading.prepend(h('span', { class: 'greeting', text: 'welcome.greeting' }), ' ');
    const intro = h('div', { class: 'welcome-intro' }, [this.heading, h('p', { class: 'hint', text: 'welcome.hint' })]);
    // Many services scroll inside the list; Start and the privacy promise always stay in view.
    const main = h('main', { class: 'welcome-main' }, [intro, this.notice, this.tiles, h('div', { class: 'welcome-actions' }, [start, privacy]), this.error]);
    this.root = h('div', { class: 'screen welcome' }, [this.header.el, main]);
    this.error.hidden = true;
  }

  update(status: KioskStatus): void {
    this.header.update(status);
    showNotice(this.notice, status.notice);
    // Only where the policy names scanner folders: a promise the wipe would not keep is worse than none.
    this.privacyScans.hidden = status.scansWiped !== true;
    const key = JSON.stringify([status.language, status.services]);
    if (key === this.tilesKey) return;
    this.tilesKey = key;
    const tiles = status.services.map((service, index) =>
      h('li', {}, [
        h('button', { class: 'tile', attrs: { type: 'button' }, onClick: () => this.start(index) }, [
          icon('globe', 'tile-icon'),
          h('span', { class: 'tile-text' }, [
            h('span', { class: 'tile-name', literal: service.name[status.language] }),
            service.description ? h('span', { class: 'tile-description', literal: service.description[status.language] }) : null,
            h('span', { class: 'tile-host', literal: hostOf(service.url) }),
          ]),
          icon('forward', 'tile-go'),
        ]),
      ]),
    );
    this.tiles.replaceChildren(...(tiles.length > 0 ? tiles : [h('li', { class: 'tiles-empty', text: 'welcome.noServices' })]));
  }

  focusTarget(): HTMLElement {
    return this.heading;
  }

  /**
   * One request at a time: a double tap must not start two sessions. After a success the screen
   * ignores taps until main switches to the session; after a failure it says so and may be retried.
   */
  private start(serviceIndex: number | null): void {
    if (this.busy) return;
    this.busy = true;
    this.error.hidden = true;
    this.ctx.api
      .startSession(serviceIndex)
      .then((result) => result.ok, () => false)
      .then((ok) => {
        if (ok) return;
        this.busy = false;
        setText(this.error, 'welcome.startFailed');
        this.error.hidden = false;
      });
  }
}
