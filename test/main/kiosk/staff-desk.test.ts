import { describe, expect, it } from 'vitest';
import type { StaffPort } from '../../../main/kiosk/staff-desk';
import type { KioskAction } from '../../../src/staff/permissions';
import { makeShell, settle } from './harness';

const an = { staffId: 'an', displayName: 'An', role: 'admin' as const, mustChangePassword: false };

/** A staff service that knows one admin, "an", with password "right" and OTP 123456. */
function fakeStaff() {
  const asked: [string | null, KioskAction, string | null][] = [];
  const staff: StaffPort = {
    signIn: async (id, secret) => (id === 'an' && secret === 'right' ? { ok: true, staff: an } : { ok: false, reason: 'invalid' }),
    changePassword: async (id) => (id === 'an' ? { ok: true } : { ok: false, reason: 'not-signed-in' }),
    authorizeAction: async (id, action, otp) => {
      asked.push([id, action, otp]);
      if (id !== 'an') return { allowed: false, reason: 'not-signed-in' };
      if (action === 'reload-policy' || action === 'leave-kiosk') return otp === '123456' ? { allowed: true } : { allowed: false, reason: 'otp-invalid' };
      return { allowed: true };
    },
  };
  return { staff, asked };
}

describe('staff desk', () => {
  it('does nothing for a person who is not signed in', async () => {
    const { staff, asked } = fakeStaff();
    const k = makeShell({ staff });
    await k.start(null);
    expect(await k.handlers['staff:force-wipe']()).toEqual({ ok: false, reason: 'not-signed-in' });
    expect(await k.handlers['staff:admin-action']('leave-kiosk', '123456')).toEqual({ ok: false, reason: 'not-signed-in' });
    expect(await k.handlers['staff:recent-wipes']()).toEqual([]);
    expect(asked).toEqual([]);
    expect(k.left).toEqual([]);
  });

  it('signs in, shows the staff member, and asks StaffAccess about every action', async () => {
    const { staff, asked } = fakeStaff();
    const k = makeShell({ staff });
    await k.start(null);
    expect(await k.handlers['staff:sign-in']('an', 'wrong', null)).toEqual({ ok: false, reason: 'invalid' });
    expect(k.window.last?.staff).toBeUndefined();
    expect(await k.handlers['staff:sign-in']('an', 'right', null)).toEqual({ ok: true, staff: an });
    expect(k.window.last?.staff).toEqual(an);
    expect(await k.handlers['staff:admin-action']('leave-kiosk', '000000')).toEqual({ ok: false, reason: 'otp-invalid' });
    expect(k.left).toEqual([]);
    expect(await k.handlers['staff:admin-action']('leave-kiosk', '123456')).toEqual({ ok: true });
    expect(k.left).toEqual(['left']);
    expect(asked).toEqual([
      ['an', 'leave-kiosk', '000000'],
      ['an', 'leave-kiosk', '123456'],
    ]);
  });

  it('force wipe runs the full wipe through the controller', async () => {
    const { staff } = fakeStaff();
    const k = makeShell({ staff });
    await k.start(null);
    await k.handlers['staff:sign-in']('an', 'right', null);
    expect(await k.handlers['staff:force-wipe']()).toEqual({ ok: true });
    await settle();
    expect(k.relaunches).toEqual(['staff']);
  });

  it('will not leave the kiosk while a citizen session is open', async () => {
    const { staff } = fakeStaff();
    const k = makeShell({ staff });
    await k.start(null);
    await k.handlers['kiosk:start-session'](null);
    k.shell.setStaff(an);
    expect(await k.handlers['staff:admin-action']('leave-kiosk', '123456')).toMatchObject({ ok: false, message: 'session-open' });
    expect(k.left).toEqual([]);
  });

  it('answers unavailable when staff access could not be set up', async () => {
    const k = makeShell({ staff: null });
    await k.start(null);
    expect(await k.handlers['staff:sign-in']('an', 'right', null)).toEqual({ ok: false, reason: 'unavailable' });
    expect(await k.handlers['staff:change-password']('a', 'b')).toMatchObject({ ok: false, reason: 'failed' });
  });
});
