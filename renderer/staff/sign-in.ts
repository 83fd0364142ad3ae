import type { SignInResult } from '../../src/ipc/contract.js';
import { button, h } from '../dom.js';
import { clock, duration } from '../i18n/index.js';
import type { ScreenContext } from '../screen.js';
import { busy, field, formMessage, showMessage, staffForm } from './form.js';

const OTP = /^\d{6}$/;

/**
 * Staff ID + password/PIN, and the one-time code once main says the account needs it. A lockout
 * disables the button until the retry time; wrong secrets are cleared, never kept in the page.
 */
export class SignInForm {
  readonly el: HTMLFormElement;
  private readonly id = field({ id: 'staff-id', label: 'staff.signIn.id' });
  private readonly secret = field({ id: 'staff-secret', label: 'staff.signIn.secret', type: 'password' });
  private readonly otp = field({ id: 'staff-otp', label: 'staff.signIn.otp', hint: 'staff.signIn.otpHint', digits: 6 });
  private readonly message = formMessage();
  private readonly submit = button({ kind: 'primary', class: 'btn-sign-in', text: 'staff.signIn.submit', attrs: { type: 'submit' } });
  private readonly wait = h('span', { class: 'lock-wait', attrs: { 'aria-hidden': 'true' } });
  private lockTimer: number | undefined;

  constructor(private readonly ctx: ScreenContext) {
    this.otp.wrap.hidden = true;
    this.submit.append(this.wait);
    this.el = staffForm(
      'sign-in',
      [h('h2', { text: 'staff.signIn.heading' }), this.id.wrap, this.secret.wrap, this.otp.wrap, this.message, this.submit],
      () => this.send(),
    );
  }

  focusTarget(): HTMLElement {
    return this.id.input;
  }

  dispose(): void {
    window.clearInterval(this.lockTimer);
  }

  private async send(): Promise<void> {
    if (this.lockTimer !== undefined) return;
    for (const input of this.el.querySelectorAll('input')) input.removeAttribute('aria-invalid');
    const staffId = this.id.input.value.trim();
    const secret = this.secret.input.value;
    if (!staffId || !secret) return this.fail('staff.error.required', staffId ? this.secret.input : this.id.input);
    const needsOtp = !this.otp.wrap.hidden;
    const otp = this.otp.input.value.trim();
    if (needsOtp && !OTP.test(otp)) return this.fail('staff.error.otpFormat', this.otp.input);
    const result = await busy([this.submit], () =>
      this.ctx.api.staffSignIn(staffId, secret, needsOtp ? otp : null).catch((): SignInResult => ({ ok: false, reason: 'unavailable' })),
    );
    this.otp.input.value = '';
    if (result.ok) {
      this.secret.input.value = '';
      showMessage(this.message, null);
      this.ctx.refresh();
      return;
    }
    switch (result.reason) {
      case 'otp-required':
      case 'otp-invalid':
        this.otp.wrap.hidden = false;
        return this.fail(`staff.error.${result.reason}`, this.otp.input, result.reason === 'otp-required' ? 'info' : 'error');
      case 'locked':
        this.secret.input.value = '';
        return this.lock(result.retryAfterSeconds);
      default:
        this.secret.input.value = '';
        return this.fail(`staff.error.${result.reason}`, this.secret.input);
    }
  }

  private fail(msg: Parameters<typeof showMessage>[1], focus: HTMLInputElement, tone: 'error' | 'info' = 'error'): void {
    showMessage(this.message, msg, tone);
    focus.setAttribute('aria-invalid', String(tone === 'error'));
    focus.focus();
  }

  private lock(retryAfterSeconds: number | undefined): void {
    if (!retryAfterSeconds || retryAfterSeconds <= 0) return this.fail('staff.error.lockedNoTime', this.secret.input);
    showMessage(this.message, ['staff.error.locked', { time: duration(retryAfterSeconds) }]);
    const until = Date.now() + retryAfterSeconds * 1000;
    const tick = (): void => {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left > 0) {
        this.submit.disabled = true;
        this.wait.textContent = `(${clock(left)})`;
        return;
      }
      window.clearInterval(this.lockTimer);
      this.lockTimer = undefined;
      this.submit.disabled = false;
      this.wait.textContent = '';
    };
    tick();
    this.lockTimer = window.setInterval(tick, 1000);
  }
}
