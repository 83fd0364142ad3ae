import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StaffAccess } from '../../../src/staff/staff-access';
import { StaffAdmin } from '../../../src/staff/staff-admin';
import { hotp, totpCode, totpStep } from '../../../src/staff/totp';
import { addAccountWithOwnSecret, codeOutsideWindow, staffFixture, type StaffFixture } from './fakes';

let fixture: StaffFixture;
let access: StaffAccess;
let secret: Buffer;
const password = 'Qu4n-Tri-Vien!';

/** The code an authenticator app shows at the fake clock's time, `offset` steps away. */
function appCode(offset = 0): string {
  return hotp(secret, totpStep(fixture.clock.ms) + offset);
}

function wrongCode(): string {
  return codeOutsideWindow(secret, fixture.clock.ms);
}

beforeEach(async () => {
  fixture = staffFixture();
  access = new StaffAccess(fixture.deps);
  const admin = new StaffAdmin(fixture.deps);
  await addAccountWithOwnSecret(fixture.deps, { id: 'it.admin', displayName: 'Trần Minh', role: 'admin', kind: 'password' }, password);
  await addAccountWithOwnSecret(fixture.deps, { id: 'quay.1', displayName: 'Lê Hoa', role: 'staff', kind: 'password' }, 'Quay-So-Mot-1');
  const enrolment = await admin.startTotpEnrolment('it.admin');
  secret = enrolment.secret;
  await admin.confirmTotpEnrolment(enrolment, totpCode(secret, fixture.clock.ms));
  fixture.clock.advance(30);
  fixture.audit.records.length = 0;
});
afterEach(() => fixture.cleanup());

describe('sign-in with OTP', () => {
  it('asks for the code after a right password, accepts it once, refuses its replay', async () => {
    expect(await access.signIn('it.admin', password, null)).toEqual({ ok: false, reason: 'otp-required' });
    expect(await access.signIn('it.admin', password, appCode())).toMatchObject({ ok: true, staff: { role: 'admin' } });
    expect(await access.signIn('it.admin', password, appCode())).toEqual({ ok: false, reason: 'otp-invalid' });
    fixture.clock.advance(1);
    expect(await access.signIn('it.admin', password, appCode(-1))).toEqual({ ok: false, reason: 'otp-invalid' });
    fixture.clock.advance(2);
    expect(await access.signIn('it.admin', password, appCode(1))).toMatchObject({ ok: true });
    expect(fixture.audit.staff()).toEqual(['it.admin sign-in denied', 'it.admin sign-in success', '(burst) sign-in failure', 'it.admin sign-in success']);
  });

  it('counts wrong codes towards the kiosk delay; the right password and code pass once it is over', async () => {
    for (let i = 0; i < 5; i += 1) {
      expect(await access.signIn('it.admin', password, wrongCode())).toEqual({ ok: false, reason: 'otp-invalid' });
      fixture.clock.advance(2 ** i);
    }
    expect(await access.signIn('it.admin', password, wrongCode())).toEqual({ ok: false, reason: 'otp-invalid' });
    expect(await access.signIn('it.admin', password, appCode())).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 32 });
    fixture.clock.advance(32);
    expect(await access.signIn('it.admin', password, appCode())).toMatchObject({ ok: true, staff: { role: 'admin' } });
  });

  it('fails closed when the OS store cannot give the secret', async () => {
    fixture.store.reachable = false;
    expect(await access.signIn('it.admin', password, appCode())).toEqual({ ok: false, reason: 'unavailable' });
    expect(await access.otpAvailability()).toMatchObject({ available: false, message: expect.stringMatching(/^OS credential store unavailable/) });
  });
});

describe('authorizeAction', () => {
  it('lets staff force a wipe and view records without OTP, never admin actions', async () => {
    expect(await access.authorizeAction('quay.1', 'force-wipe', null)).toEqual({ allowed: true });
    expect(await access.authorizeAction('quay.1', 'view-records', null)).toEqual({ allowed: true });
    expect(await access.authorizeAction('quay.1', 'leave-kiosk', '123456')).toEqual({ allowed: false, reason: 'forbidden' });
    expect(await access.authorizeAction(null, 'force-wipe', null)).toEqual({ allowed: false, reason: 'not-signed-in' });
    expect(await access.authorizeAction('gone.user', 'force-wipe', null)).toEqual({ allowed: false, reason: 'not-signed-in' });
    expect(fixture.audit.staff()).toEqual(['quay.1 force-wipe success', 'quay.1 view-records success', 'quay.1 leave-kiosk denied']);
  });

  it('needs a fresh OTP for each admin action; a used code is refused', async () => {
    expect(await access.authorizeAction('it.admin', 'reload-policy', null)).toEqual({ allowed: false, reason: 'otp-required' });
    const code = appCode();
    expect(await access.authorizeAction('it.admin', 'reload-policy', code)).toEqual({ allowed: true });
    expect(await access.authorizeAction('it.admin', 'leave-kiosk', code)).toEqual({ allowed: false, reason: 'otp-invalid' });
    fixture.clock.advance(30);
    expect(await access.authorizeAction('it.admin', 'leave-kiosk', appCode())).toEqual({ allowed: true });
    expect(await access.verifyOtp('it.admin', appCode())).toEqual({ ok: false, reason: 'otp-invalid' });
    fixture.clock.advance(1);
    expect(await access.verifyOtp('it.admin', appCode(1), 'manage-accounts')).toEqual({ ok: true, step: totpStep(fixture.clock.ms) + 1 });
    // Failures are audited once per burst, when the burst ends (here at the next success).
    expect(fixture.audit.staff()).toEqual([
      'it.admin reload-policy denied',
      'it.admin reload-policy success',
      '(burst) leave-kiosk failure',
      'it.admin leave-kiosk success',
      '(burst) sign-in failure',
      'it.admin manage-accounts success',
    ]);
  });

  it('refuses admin actions to an admin without OTP enrolled', async () => {
    await addAccountWithOwnSecret(fixture.deps, { id: 'new.admin', displayName: 'Phạm Quang', role: 'admin', kind: 'password' }, password);
    expect(await access.authorizeAction('new.admin', 'manage-accounts', '123456')).toEqual({ allowed: false, reason: 'otp-not-enrolled' });
    expect(await access.authorizeAction('new.admin', 'force-wipe', null)).toEqual({ allowed: true });
  });

  it('refuses an admin whose secret the IT officer reset even with a good code, and leaves the code unused', async () => {
    await new StaffAdmin(fixture.deps).setSecret('it.admin', 'Cap-Boi-CNTT-2026!', 'password');
    const code = appCode();
    expect(await access.authorizeAction('it.admin', 'leave-kiosk', code)).toEqual({ allowed: false, reason: 'password-change-required' });
    expect(await access.changePassword('it.admin', 'Cap-Boi-CNTT-2026!', 'Tu-Chon-Quan-Tri-9')).toEqual({ ok: true });
    expect(await access.authorizeAction('it.admin', 'leave-kiosk', code)).toEqual({ allowed: true });
  });

  it('never puts a code or the TOTP secret in audit records', async () => {
    const code = appCode();
    await access.authorizeAction('it.admin', 'reload-policy', code);
    const wrong = wrongCode();
    await access.signIn('it.admin', password, wrong);
    const audit = JSON.stringify(fixture.audit.records);
    expect(audit).not.toContain(code);
    expect(audit).not.toContain(wrong);
    expect(audit).not.toContain(secret.toString('hex'));
  });
});
