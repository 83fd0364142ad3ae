import { describe, expect, it } from 'vitest';
import { authorize, KIOSK_ACTIONS, type Actor, type KioskAction } from '../../../src/staff/permissions';

const nobody = null;
const staff: Actor = { role: 'staff' };
const admin: Actor = { role: 'admin' };
const expiredAdmin: Actor = { role: 'admin', mustChangePassword: true };

type Row = [KioskAction, Actor | null, boolean, string];

// Action, actor, OTP verified → 'allowed' or the refusal reason.
const table: Row[] = [
  ['end-session', nobody, false, 'allowed'],
  ['end-session', staff, false, 'allowed'],
  ['end-session', expiredAdmin, false, 'allowed'],
  ['force-wipe', nobody, false, 'not-signed-in'],
  ['force-wipe', staff, false, 'allowed'],
  ['force-wipe', admin, false, 'allowed'],
  ['force-wipe', expiredAdmin, true, 'password-change-required'],
  ['view-records', nobody, false, 'not-signed-in'],
  ['view-records', staff, false, 'allowed'],
  ['view-records', admin, false, 'allowed'],
  ['reload-policy', nobody, true, 'not-signed-in'],
  ['reload-policy', staff, true, 'forbidden'],
  ['reload-policy', admin, false, 'otp-required'],
  ['reload-policy', admin, true, 'allowed'],
  ['reload-policy', expiredAdmin, true, 'password-change-required'],
  ['leave-kiosk', staff, true, 'forbidden'],
  ['leave-kiosk', admin, false, 'otp-required'],
  ['leave-kiosk', admin, true, 'allowed'],
  ['manage-accounts', staff, true, 'forbidden'],
  ['manage-accounts', admin, false, 'otp-required'],
  ['manage-accounts', admin, true, 'allowed'],
  ['start-rehearsal', nobody, true, 'not-signed-in'],
  ['start-rehearsal', staff, true, 'forbidden'],
  ['start-rehearsal', admin, false, 'otp-required'],
  ['start-rehearsal', admin, true, 'allowed'],
  ['start-rehearsal', expiredAdmin, true, 'password-change-required'],
];

describe('permission table', () => {
  it.each(table)('%s by %j (otp %s) → %s', (action, actor, otpVerified, expected) => {
    const decision = authorize(actor, action, { otpVerified });
    expect(decision.allowed ? 'allowed' : decision.reason).toBe(expected);
  });

  it('covers every action', () => {
    expect(new Set(table.map(([action]) => action))).toEqual(new Set(KIOSK_ACTIONS));
  });

  it('refuses an action it does not know and an unknown role (nothing fails open)', () => {
    expect(authorize(admin, 'format-disk' as KioskAction, { otpVerified: true })).toEqual({ allowed: false, reason: 'forbidden' });
    expect(authorize(admin, 'toString' as KioskAction, { otpVerified: true })).toEqual({ allowed: false, reason: 'forbidden' });
    expect(authorize({ role: 'citizen' } as unknown as Actor, 'force-wipe', { otpVerified: true })).toEqual({ allowed: false, reason: 'forbidden' });
  });
});
