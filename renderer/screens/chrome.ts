import type { KioskStatus, Language } from '../../src/ipc/contract.js';
import { button, h } from '../dom.js';
import { languageName } from '../i18n/index.js';
import { icon } from '../icons.js';
import { STAFF_SHORTCUT } from '../layout.js';
import type { ScreenContext } from '../screen.js';

/** The button that switches to the other language, labelled in that language ("English"). */
export class LanguageSwitch {
  readonly el: HTMLButtonElement;
  private readonly name = h('span', { class: 'lang-name' });
  private target: Language = 'en';

  constructor(ctx: ScreenContext) {
    this.el = button({ kind: 'quiet', class: 'lang-switch', icon: icon('globe') });
    this.el.append(h('span', { class: 'sr-only', text: 'lang.switchLabel' }), this.name);
    this.el.addEventListener('click', () => void ctx.api.setLanguage(this.target).catch(() => undefined));
  }

  update(status: KioskStatus): void {
    const other = status.languages.find((lang) => lang !== status.language);
    this.el.hidden = other === undefined;
    if (other === undefined) return;
    this.target = other;
    this.name.lang = other;
    this.name.textContent = languageName(other);
  }
}

/** The discreet way into the staff area (also Ctrl+Alt+S). Small, but still a 48 px target. */
export function staffButton(ctx: ScreenContext, kind: 'quiet' | 'secondary' = 'quiet', text: 'staff.open' | 'oos.staffSignIn' = 'staff.open'): HTMLButtonElement {
  return button({
    kind,
    class: 'staff-open',
    icon: icon('person'),
    text,
    attrs: { 'aria-keyshortcuts': STAFF_SHORTCUT.aria },
    onClick: () => ctx.openStaff(),
  });
}

/** The header every citizen screen shares: who runs this kiosk, and the language switch. */
export function unitHeader(ctx: ScreenContext, extra?: HTMLElement): { el: HTMLElement; update(status: KioskStatus): void } {
  const unit = h('p', { class: 'unit-name' });
  const title = h('p', { class: 'app-title', text: 'app.title' });
  const lang = new LanguageSwitch(ctx);
  const el = h('header', { class: 'unit-header' }, [
    h('div', { class: 'unit' }, [icon('shield', 'unit-mark'), h('div', {}, [unit, title])]),
    h('div', { class: 'unit-header-actions' }, [extra, lang.el]),
  ]);
  return {
    el,
    update(status) {
      unit.textContent = status.unitName?.[status.language] ?? '';
      unit.hidden = !status.unitName;
      lang.update(status);
    },
  };
}
