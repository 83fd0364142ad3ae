import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KIOSK_CREDENTIAL_SERVICE } from '../../../src/secrets/credential-store';
import { AccountStore } from '../../../src/staff/account-store';
import { OtpUnavailableError, StaffInputError } from '../../../src/staff/errors';
import { StaffAdmin } from '../../../src/staff/staff-admin';
import { base32Encode, totpCode } from '../../../src/staff/totp';
import { addAccountWithOwnSecret, codeOutsideWindow, staffFixture, type StaffFixture } from './fakes';

let fixture: StaffFixture;
let admin: StaffAdmin;
beforeEach(() => {
  fixture = staffFixture();
  admin = new StaffAdmin(fixture.deps);
});
afterEach(() => fixture.cleanup());

const lan = { id: 'Lan.NT', displayName: '  Nguyễn Thị Lan ', role: 'staff', kind: 'password' } as const;

describe('StaffAdmin', () => {
  it('adds an account with a normalized id and name, lists it without any verifier', async () => {
    const summary = await admin.add(lan, 'Tr0ng-Dong-77');
    expect(summary).toMatchObject({ id: 'lan.nt', displayName: 'Nguyễn Thị Lan', role: 'staff', secretKind: 'password', otpEnrolled: false });
    // The IT officer chose it: its owner must replace it; nothing is old yet.
    expect(summary).toMatchObject({ secretSetByAdmin: true, secretExpired: false, mustChangePassword: true });
    expect(await admin.list()).toEqual([summary]);
    expect(JSON.stringify(await admin.list())).not.toMatch(/verifier|hash|salt|Tr0ng/);
    expect(readFileSync(new AccountStore(fixture.stateRoot).file, 'utf8')).not.toContain('Tr0ng-Dong-77');
    expect(fixture.audit.staff()).toEqual(['lan.nt account-added success']);
  });

  it('refuses a weak secret, naming the rule, and stores nothing', async () => {
    await expect(admin.add(lan, 'short')).rejects.toMatchObject({ name: 'StaffInputError', rule: 'min-length' });
    await expect(admin.add({ ...lan, role: 'admin', kind: 'pin' }, '402917')).rejects.toMatchObject({ rule: 'pin-role' });
    expect(await admin.list()).toEqual([]);
    expect(fixture.audit.records).toEqual([]);
  });

  it('refuses bad ids, bad names and an id that exists', async () => {
    await expect(admin.checkDraft({ ...lan, id: 'a' })).rejects.toMatchObject({ rule: 'id-format' });
    await expect(admin.checkDraft({ ...lan, id: 'totp:x' })).rejects.toMatchObject({ rule: 'id-format' });
    await expect(admin.checkDraft({ ...lan, displayName: ' ' })).rejects.toMatchObject({ rule: 'name-format' });
    await expect(admin.checkDraft({ ...lan, displayName: 'a\nb' })).rejects.toMatchObject({ rule: 'name-format' });
    await admin.add(lan, 'Tr0ng-Dong-77');
    await expect(admin.add({ ...lan, id: 'LAN.nt' }, 'Kh4c-Secret-99')).rejects.toMatchObject({ rule: 'id-exists' });
  });

  it('resets a secret (also to a PIN for staff), unlocks, removes', async () => {
    await admin.add(lan, 'Tr0ng-Dong-77');
    fixture.clock.advance(60);
    await admin.setSecret('lan.nt', '402917', 'pin');
    expect((await admin.list())[0]).toMatchObject({ secretKind: 'pin', changedAt: '2026-03-02T08:01:00.000Z', secretSetByAdmin: true, mustChangePassword: true });
    await expect(admin.setSecret('lan.nt', '123456', 'pin')).rejects.toMatchObject({ rule: 'pin-run' });
    await admin.unlock('lan.nt');
    expect(await admin.remove('LAN.NT')).toEqual({ otpSecretLeft: false });
    await expect(admin.remove('lan.nt')).rejects.toBeInstanceOf(StaffInputError);
    expect(fixture.audit.staff()).toEqual([
      'lan.nt account-added success',
      'lan.nt password-changed success',
      'lan.nt unlocked success',
      'lan.nt account-removed success',
    ]);
  });

  it('lists a secret its owner chose as not set by admin, and one past its maximum age as expired', async () => {
    await addAccountWithOwnSecret(fixture.deps, lan, 'Tr0ng-Dong-77');
    expect((await admin.list())[0]).toMatchObject({ secretSetByAdmin: false, secretExpired: false, mustChangePassword: false });
    fixture.clock.advance(90 * 24 * 3600);
    expect((await admin.list())[0]).toMatchObject({ secretSetByAdmin: false, secretExpired: true, mustChangePassword: true });
    await admin.setSecret('lan.nt', 'Moi-Mat-Khau-42', 'password');
    expect((await admin.list())[0]).toMatchObject({ secretSetByAdmin: true, secretExpired: false, mustChangePassword: true });
  });

  it('enrols TOTP only after a code from the app confirms it; the secret goes to the OS store only', async () => {
    await admin.add({ ...lan, role: 'admin' }, 'Tr0ng-Dong-77');
    const enrolment = await admin.startTotpEnrolment('lan.nt');
    expect(enrolment.uri).toBe(`otpauth://totp/public-kiosk:lan.nt?secret=${base32Encode(enrolment.secret)}&issuer=public-kiosk&algorithm=SHA1&digits=6&period=30`);
    await expect(admin.confirmTotpEnrolment(enrolment, codeOutsideWindow(enrolment.secret, fixture.clock.ms))).rejects.toMatchObject({ rule: 'otp-confirm' });
    expect(fixture.store.entries.size).toBe(0);
    expect((await admin.list())[0]?.otpEnrolled).toBe(false);

    await admin.confirmTotpEnrolment(enrolment, totpCode(enrolment.secret, fixture.clock.ms));
    expect(await fixture.store.get(KIOSK_CREDENTIAL_SERVICE, 'totp:lan.nt')).toBe(base32Encode(enrolment.secret));
    expect((await admin.list())[0]?.otpEnrolled).toBe(true);
    expect(readFileSync(new AccountStore(fixture.stateRoot).file, 'utf8')).not.toContain(base32Encode(enrolment.secret));

    expect(await admin.remove('lan.nt')).toEqual({ otpSecretLeft: false });
    expect(fixture.store.entries.size).toBe(0);
    expect(fixture.audit.staff()).toContain('lan.nt totp-enrolled failure');
    expect(fixture.audit.staff()).toContain('lan.nt totp-enrolled success');
  });

  it('refuses OTP enrolment with a clear error when there is no OS credential store', async () => {
    await admin.add({ ...lan, role: 'admin' }, 'Tr0ng-Dong-77');
    fixture.store.reachable = false;
    const refused = admin.startTotpEnrolment('lan.nt');
    await expect(refused).rejects.toBeInstanceOf(OtpUnavailableError);
    await expect(refused).rejects.toThrow(/no OS credential store is available/);
    expect((await admin.list())[0]?.otpEnrolled).toBe(false);
  });

  it('says when a removed account left its TOTP secret in an unreachable store', async () => {
    await admin.add({ ...lan, role: 'admin' }, 'Tr0ng-Dong-77');
    const enrolment = await admin.startTotpEnrolment('lan.nt');
    await admin.confirmTotpEnrolment(enrolment, totpCode(enrolment.secret, fixture.clock.ms));
    fixture.store.reachable = false;
    expect(await admin.remove('lan.nt')).toEqual({ otpSecretLeft: true });
  });
});
