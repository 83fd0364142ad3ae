import type { ActionResult } from '../../src/ipc/contract.js';
import { button, h } from '../dom.js';
import type { ScreenContext } from '../screen.js';
import { busy, field, formMessage, showActionError, showMessage, staffForm } from './form.js';

/**
 * Shown instead of everything else while main says the password must change (first sign-in, expiry).
 * Strength rules live in the core; this form only catches typos (mismatch, unchanged).
 */
export class ChangePasswordForm {
  readonly el: HTMLFormElement;
  private readonly current = field({ id: 'pw-current', label: 'staff.password.current', type: 'password' });
  private readonly next = field({ id: 'pw-next', label: 'staff.password.next', type: 'password' });
  private readonly repeat = field({ id: 'pw-repeat', label: 'staff.password.repeat', type: 'password' });
  private readonly message = formMessage();
  private readonly submit = button({ kind: 'primary', text: 'staff.password.submit', attrs: { type: 'submit' } });

  constructor(private readonly ctx: ScreenContext) {
    const lead = h('p', { class: 'form-lead', text: 'staff.password.required' });
    this.el = staffForm(
      'change-password',
      [h('h2', { text: 'staff.password.heading' }), lead, this.current.wrap, this.next.wrap, this.repeat.wrap, this.message, this.submit],
      () => this.send(),
    );
  }

  focusTarget(): HTMLElement {
    return this.current.input;
  }

  private async send(): Promise<void> {
    const current = this.current.input.value;
    const next = this.next.input.value;
    if (!current || !next) return this.fail('staff.action.invalid', current ? this.next.input : this.current.input);
    if (next !== this.repeat.input.value) return this.fail('staff.password.mismatch', this.repeat.input);
    if (next === current) return this.fail('staff.password.same', this.next.input);
    const result = await busy([this.submit], () =>
      this.ctx.api.changePassword(current, next).catch((): ActionResult => ({ ok: false, reason: 'failed' })),
    );
    for (const input of [this.current.input, this.next.input, this.repeat.input]) input.value = '';
    if (result.ok) {
      showMessage(this.message, 'staff.password.done', 'good');
      this.ctx.refresh();
      return;
    }
    showActionError(this.message, result);
    this.current.input.focus();
  }

  private fail(msg: Parameters<typeof showMessage>[1], focus: HTMLInputElement): void {
    showMessage(this.message, msg);
    focus.focus();
  }
}
