import { t, type MessageKey, type Vars } from './i18n/index.js';

/**
 * Tiny DOM builder. Text goes in through textContent only (never innerHTML), so nothing a status
 * carries (a site title, a unit name) can become markup. Translated text remembers its key so
 * relabel() can switch language in place without rebuilding, keeping focus and typed input.
 */
export type Msg = MessageKey | readonly [MessageKey, Vars];

export interface Props {
  class?: string;
  id?: string;
  text?: Msg;
  /** Literal text (data from the status, e.g. a service name): never translated. */
  literal?: string;
  /** Translated attributes, e.g. { 'aria-label': 'toolbar.back' }. */
  i18nAttrs?: Readonly<Record<string, Msg>>;
  attrs?: Readonly<Record<string, string>>;
  onClick?: (event: Event) => void;
}

type Child = Node | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, children: readonly Child[] = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.id) el.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) el.setAttribute(name, value);
  for (const [name, msg] of Object.entries(props.i18nAttrs ?? {})) setAttrText(el, name, msg);
  if (props.text) setText(el, props.text);
  else if (props.literal !== undefined) el.textContent = props.literal;
  if (props.onClick) el.addEventListener('click', props.onClick);
  for (const child of children) if (child) el.append(child);
  return el;
}

function resolve(msg: Msg): string {
  return typeof msg === 'string' ? t(msg as MessageKey) : t(msg[0], msg[1]);
}

export function setText(el: HTMLElement, msg: Msg): void {
  el.dataset['i18n'] = JSON.stringify(msg);
  el.textContent = resolve(msg);
}

export function setAttrText(el: HTMLElement, attr: string, msg: Msg): void {
  const map = JSON.parse(el.dataset['i18nAttrs'] ?? '{}') as Record<string, Msg>;
  map[attr] = msg;
  el.dataset['i18nAttrs'] = JSON.stringify(map);
  el.setAttribute(attr, resolve(msg));
}

/** Re-renders every translated text and attribute below root in the current language. */
export function relabel(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = resolve(JSON.parse(el.dataset['i18n'] ?? '""') as Msg);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-attrs]')) {
    const map = JSON.parse(el.dataset['i18nAttrs'] ?? '{}') as Record<string, Msg>;
    for (const [attr, msg] of Object.entries(map)) el.setAttribute(attr, resolve(msg));
  }
}

/** A button with an icon and a visible word: first-time users read words, not symbols. */
export function button(props: Props & { kind?: string; icon?: SVGElement }): HTMLButtonElement {
  const { kind = 'secondary', icon, text, literal, ...rest } = props;
  const label = text || literal !== undefined ? h('span', { class: 'btn-label', ...(text ? { text } : { literal: literal ?? '' }) }) : null;
  const className = `btn btn-${kind}${rest.class ? ` ${rest.class}` : ''}`;
  return h('button', { ...rest, class: className, attrs: { type: 'button', ...rest.attrs } }, [icon, label]);
}
