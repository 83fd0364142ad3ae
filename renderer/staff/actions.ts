import type { ActionResult } from '../../src/ipc/contract.js';
import { button, h } from '../dom.js';
import { icon } from '../icons.js';
import type { ScreenContext } from '../screen.js';
import { busy, field, formMessage, showActionError, showMessage } from './form.js';

const failed: ActionResult = { ok: false, reason: 'failed' };

/** Force wipe: one button, then one inline confirmation (Escape or Cancel backs out). */
export function forceWipeSection(ctx: ScreenContext): HTMLElement {
  const message = formMessage();
  const start = button({ kind: 'danger', icon: icon('trash'), text: 'staff.wipe.button', class: 'btn-force-wipe' });
  const yes = button({ kind: 'danger', text: 'staff.wipe.confirm', class: 'btn-force-wipe-yes' });
  const no = button({ kind: 'secondary', text: 'staff.wipe.cancel' });
  const confirm = h('div', { class: 'inline-confirm', attrs: { role: 'group', 'aria-labelledby': 'force-wipe-question' } }, [
    h('p', { id: 'force-wipe-question', class: 'inline-confirm-question', text: 'staff.wipe.question' }),
    h('div', { class: 'button-row' }, [yes, no]),
  ]);
  const setConfirming = (on: boolean): void => {
    confirm.hidden = !on;
    start.hidden = on;
    (on ? no : start).focus();
  };
  confirm.hidden = true;
  start.addEventListener('click', () => {
    showMessage(message, null);
    setConfirming(true);
  });
  no.addEventListener('click', () => setConfirming(false));
  confirm.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setConfirming(false);
  });
  yes.addEventListener('click', () => {
    void busy([yes, no], () => ctx.api.forceWipe().catch(() => failed)).then((result) => {
      setConfirming(false);
      if (result.ok) showMessage(message, 'staff.wipe.started', 'good');
      else showActionError(message, result);
    });
  });
  return h('section', { class: 'staff-section wipe-band', attrs: { 'aria-labelledby': 'force-wipe-heading' } }, [
    h('div', { class: 'section-row' }, [
      h('div', { class: 'section-text' }, [h('h2', { id: 'force-wipe-heading', text: 'staff.wipe.heading' }), h('p', { class: 'section-lead', text: 'staff.wipe.body' })]),
      start,
    ]),
    confirm,
    message,
  ]);
}

/** Admin only: each action takes a fresh one-time code, cleared after every attempt. */
export function adminSection(ctx: ScreenContext): HTMLElement {
  const otp = field({ id: 'admin-otp', label: 'staff.admin.otp', digits: 6 });
  const message = formMessage();
  const names = ['reload-policy', 'start-rehearsal', 'leave-kiosk'] as const;
  const actions = names.map((action) =>
    button({ kind: action === 'leave-kiosk' ? 'danger-outline' : 'secondary', text: `staff.admin.${action}`, attrs: { 'data-action': action } }),
  );
  actions.forEach((el, index) => {
    const action = names[index] ?? 'reload-policy';
    el.addEventListener('click', () => {
      const code = otp.input.value.trim();
      if (!/^\d{6}$/.test(code)) {
        showMessage(message, 'staff.error.otpFormat');
        otp.input.focus();
        return;
      }
      void busy(actions, () => ctx.api.adminAction(action, code).catch(() => failed)).then((result) => {
        otp.input.value = '';
        if (result.ok) showMessage(message, `staff.admin.done.${action}`, 'good');
        else showActionError(message, result);
      });
    });
  });
  return h('section', { class: 'staff-section admin-section', attrs: { 'aria-labelledby': 'admin-heading' } }, [
    h('h2', { id: 'admin-heading', text: 'staff.admin.heading' }),
    h('p', { class: 'section-lead', text: 'staff.admin.body' }),
    otp.wrap,
    h('div', { class: 'button-stack' }, actions),
    message,
  ]);
}
