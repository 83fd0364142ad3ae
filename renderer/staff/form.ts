import type { ActionResult } from '../../src/ipc/contract.js';
import { h, setText, type Msg } from '../dom.js';
import type { MessageKey } from '../i18n/index.js';

export interface FieldOptions {
  id: string;
  label: MessageKey;
  type?: 'text' | 'password';
  hint?: MessageKey;
  /** Digits only (OTP): numeric keypad on touch screens. */
  digits?: number;
}

/**
 * A labelled input. Nothing is remembered: autocomplete off, no spellcheck (which would send typed
 * text to a dictionary), and callers clear secrets from the DOM as soon as they are sent.
 */
export function field(options: FieldOptions): { wrap: HTMLElement; input: HTMLInputElement } {
  const input = h('input', {
    id: options.id,
    class: 'input',
    attrs: { type: options.type ?? 'text', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' },
  });
  const parts: (HTMLElement | null)[] = [h('label', { class: 'field-label', text: options.label, attrs: { for: options.id } }), input];
  if (options.hint) {
    const hint = h('p', { class: 'field-hint', id: `${options.id}-hint`, text: options.hint });
    input.setAttribute('aria-describedby', hint.id);
    parts.push(hint);
  }
  if (options.digits) {
    input.inputMode = 'numeric';
    input.maxLength = options.digits;
    input.pattern = `\\d{${options.digits}}`;
    input.classList.add('input-digits');
  }
  return { wrap: h('div', { class: 'field' }, parts), input };
}

/** A staff form card; submitting (Enter or the button) runs `onSubmit`, never a page navigation. */
export function staffForm(className: string, children: readonly (HTMLElement | null)[], onSubmit: () => Promise<void>): HTMLFormElement {
  const form = h('form', { class: `staff-card ${className}`, attrs: { novalidate: '' } }, children);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void onSubmit();
  });
  return form;
}

/** The message line under a form: announced when it changes. */
export function formMessage(): HTMLElement {
  const el = h('p', { class: 'form-message', attrs: { role: 'alert' } });
  el.hidden = true;
  return el;
}

export function showMessage(el: HTMLElement, msg: Msg | null, tone: 'error' | 'info' | 'good' = 'error', extra?: string): void {
  el.hidden = msg === null;
  el.dataset['tone'] = tone;
  if (msg === null) {
    el.textContent = '';
    delete el.dataset['i18n'];
    return;
  }
  setText(el, msg);
  // Server detail (e.g. which password rule failed) follows the translated sentence.
  if (extra) el.append(h('span', { class: 'form-message-extra', literal: ` ${extra}` }));
}

/** The translated sentence for a failed action, plus main's detail when it sent one. */
export function showActionError(el: HTMLElement, result: ActionResult): void {
  if (result.ok) return;
  showMessage(el, `staff.action.${result.reason}`, 'error', result.message);
}

/** Runs one request at a time for a form: the button shows it is working and cannot be hit twice. */
export async function busy<T>(buttons: readonly HTMLButtonElement[], work: () => Promise<T>): Promise<T> {
  for (const b of buttons) {
    b.disabled = true;
    b.setAttribute('aria-busy', 'true');
  }
  try {
    return await work();
  } finally {
    for (const b of buttons) {
      b.disabled = false;
      b.removeAttribute('aria-busy');
    }
  }
}
