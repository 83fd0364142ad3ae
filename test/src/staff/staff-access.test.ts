import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountStore } from '../../../src/staff/account-store';
import { StaffAccess } from '../../../src/staff/staff-access';
import { StaffAdmin } from '../../../src/staff/staff-admin';
import { addAccountWithOwnSecret, FAST_SCRYPT, staffFixture, type StaffFixture } from './fakes';

let fixture: StaffFixture;
let access: StaffAccess;
const password = 'Tr0ng-Dong-77';

beforeEach(async () => {
  fixture = staffFixture();
  access = new StaffAccess(fixture.deps);
  await addAccountWithOwnSecret(fixture.deps, { id: 'lan.nt', displayName: 'Nguyễn Thị Lan', role: 'staff', kind: 'password' }, password);
  fixture.audit.records.length = 0;
});
afterEach(() => fixture.cleanup());

describe('StaffAccess sign-in', () => {
  it('signs in with id in any case and the right secret', async () => {
    expect(await access.signIn(' LAN.nt ', password, null)).toEqual({
      ok: true,
      staff: { staffId: 'lan.nt', displayName: 'Nguyễn Thị Lan', role: 'staff', mustChangePassword: false },
    });
    expect(fixture.audit.staff()).toEqual(['lan.nt sign-in success']);
  });

  it('refuses a wrong secret and an unknown id alike, never copying the typed id into the audit log', async () => {
    expect(await access.signIn('lan.nt', 'Wrong-Secret-1', null)).toEqual({ ok: false, reason: 'invalid' });
    fixture.clock.advance(1);
    expect(await access.signIn('Tr0ng-Dong-77', password, null)).toEqual({ ok: false, reason: 'invalid' });
    fixture.clock.advance(2);
    expect(await access.signIn('nobody.here', password, null)).toEqual({ ok: false, reason: 'invalid' });
    fixture.clock.advance(4);
    expect((await access.signIn('lan.nt', password, null)).ok).toBe(true);
    // One record for the three failures (ids as keyed hashes), then the success.
    expect(fixture.audit.staff()).toEqual(['(burst) sign-in failure', 'lan.nt sign-in success']);
    expect(fixture.audit.records[0]).toMatchObject({ failures: 3, idsTried: [expect.stringMatching(/^[a-f0-9]{16}$/), expect.any(String), expect.any(String)] });
    expect(JSON.stringify(fixture.audit.records)).not.toMatch(/Tr0ng|nobody\.here|Wrong-Secret/);
  });

  it('right secret after failures: accepted once the kiosk delay has passed, never locked out', async () => {
    for (let i = 0; i < 5; i += 1) {
      await access.signIn('lan.nt', `Wrong-Secret-${i}`, null);
      fixture.clock.advance(300);
    }
    expect(await access.signIn('lan.nt', 'Wrong-Again-1', null)).toEqual({ ok: false, reason: 'invalid' });
    expect(await access.signIn('lan.nt', password, null)).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 32 });
    fixture.clock.advance(32);
    expect((await access.signIn('lan.nt', password, null)).ok).toBe(true);
    // A success clears the count: the next mistake costs a second again.
    expect(await access.signIn('lan.nt', 'Wrong-Secret-9', null)).toEqual({ ok: false, reason: 'invalid' });
    expect(await access.signIn('lan.nt', password, null)).toEqual({ ok: false, reason: 'locked', retryAfterSeconds: 1 });
  });

  it('upgrades a verifier with weaker parameters on a successful sign-in', async () => {
    const stronger = { ...FAST_SCRYPT, N: FAST_SCRYPT.N * 2 };
    const store = new AccountStore(fixture.stateRoot);
    const before = (await store.find('lan.nt'))?.verifier;
    const upgrading = new StaffAccess({ ...fixture.deps, scryptParams: stronger });
    expect((await upgrading.signIn('lan.nt', 'Wrong-Secret-1', null)).ok).toBe(false);
    expect((await store.find('lan.nt'))?.verifier).toEqual(before);
    fixture.clock.advance(1);
    expect((await upgrading.signIn('lan.nt', password, null)).ok).toBe(true);
    const after = (await store.find('lan.nt'))?.verifier;
    expect(after).toMatchObject({ N: stronger.N, r: 8, p: 1 });
    expect(after?.salt).not.toBe(before?.salt);
    expect((await upgrading.signIn('lan.nt', password, null)).ok).toBe(true);
    expect((await access.signIn('lan.nt', password, null)).ok).toBe(true);
  });
});

describe('maximum age and changing the own secret', () => {
  it('demands a change after maxAgeDays, before anything else, and clears it once changed', async () => {
    fixture.clock.advance(90 * 24 * 3600 - 1);
    expect(await access.signIn('lan.nt', password, null)).toMatchObject({ ok: true, staff: { mustChangePassword: false } });
    fixture.clock.advance(1);
    expect(await access.signIn('lan.nt', password, null)).toMatchObject({ ok: true, staff: { mustChangePassword: true } });
    expect(await access.authorizeAction('lan.nt', 'force-wipe', null)).toEqual({ allowed: false, reason: 'password-change-required' });
    expect(await access.authorizeAction(null, 'end-session', null)).toEqual({ allowed: true });

    expect(await access.changePassword('lan.nt', password, password)).toMatchObject({ ok: false, reason: 'weak-secret', message: expect.stringMatching(/^same-as-current/) });
    expect(await access.changePassword('lan.nt', password, 'lan.nt-Pass-99')).toMatchObject({ ok: false, reason: 'weak-secret', message: expect.stringMatching(/^contains-id/) });
    expect(await access.changePassword('lan.nt', 'Wrong-Secret-1', 'Moi-Mat-Khau-42')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await access.changePassword('lan.nt', password, 'Moi-Mat-Khau-42')).toMatchObject({ ok: false, message: expect.stringMatching(/try again in 1 s$/) });
    fixture.clock.advance(1);
    expect(await access.changePassword('lan.nt', password, 'Moi-Mat-Khau-42')).toEqual({ ok: true });

    expect(await access.signIn('lan.nt', password, null)).toEqual({ ok: false, reason: 'invalid' });
    fixture.clock.advance(1);
    expect(await access.signIn('lan.nt', 'Moi-Mat-Khau-42', null)).toMatchObject({ ok: true, staff: { mustChangePassword: false } });
    expect(await access.authorizeAction('lan.nt', 'force-wipe', null)).toEqual({ allowed: true });
  });
});

describe('a secret the IT officer set', () => {
  const officerChose = 'Cap-Boi-CNTT-2026!';
  const setByAdmin = async (id: string) => (await new AccountStore(fixture.stateRoot).find(id))?.secretSetByAdmin;

  it('after staff add: must be changed before anything else, and only the own change clears it', async () => {
    const admin = new StaffAdmin(fixture.deps);
    await admin.add({ id: 'hoa.le', displayName: 'Lê Hoa', role: 'staff', kind: 'password' }, officerChose);
    expect(await setByAdmin('hoa.le')).toBe(true);
    expect(await access.signIn('hoa.le', officerChose, null)).toEqual({
      ok: true,
      staff: { staffId: 'hoa.le', displayName: 'Lê Hoa', role: 'staff', mustChangePassword: true },
    });
    expect(await access.authorizeAction('hoa.le', 'force-wipe', null)).toEqual({ allowed: false, reason: 'password-change-required' });
    expect(await access.authorizeAction('hoa.le', 'view-records', null)).toEqual({ allowed: false, reason: 'password-change-required' });
    expect(await access.authorizeAction(null, 'end-session', null)).toEqual({ allowed: true });

    // Refused changes, an unlock and a good sign-in leave the demand in place.
    expect(await access.changePassword('hoa.le', officerChose, officerChose)).toMatchObject({ ok: false, reason: 'weak-secret' });
    expect(await access.changePassword('hoa.le', 'Wrong-Secret-1', 'Hoa-Tu-Chon-88!')).toMatchObject({ ok: false, reason: 'invalid' });
    // `staff unlock` ends the kiosk's delay at once.
    await admin.unlock('hoa.le');
    expect(await access.changePassword('hoa.le', officerChose, 'short')).toMatchObject({ ok: false, reason: 'weak-secret' });
    expect(await access.signIn('hoa.le', officerChose, null)).toMatchObject({ ok: true, staff: { mustChangePassword: true } });
    expect(await setByAdmin('hoa.le')).toBe(true);

    expect(await access.changePassword('HOA.LE', officerChose, 'Hoa-Tu-Chon-88!')).toEqual({ ok: true });
    expect(await setByAdmin('hoa.le')).toBe(false);
    expect(await access.signIn('hoa.le', 'Hoa-Tu-Chon-88!', null)).toMatchObject({ ok: true, staff: { mustChangePassword: false } });
    expect(await access.authorizeAction('hoa.le', 'force-wipe', null)).toEqual({ allowed: true });
    expect(fixture.audit.staff()).toContain('hoa.le force-wipe denied');
  });

  it('after staff passwd on an account whose owner chose their secret: demanded again at once', async () => {
    expect(await setByAdmin('lan.nt')).toBe(false);
    expect(await access.authorizeAction('lan.nt', 'force-wipe', null)).toEqual({ allowed: true });
    await new StaffAdmin(fixture.deps).setSecret('lan.nt', officerChose, 'password');
    // Already signed in: the next action is refused, without signing in again.
    expect(await access.authorizeAction('lan.nt', 'force-wipe', null)).toEqual({ allowed: false, reason: 'password-change-required' });
    expect(await access.signIn('lan.nt', officerChose, null)).toMatchObject({ ok: true, staff: { mustChangePassword: true } });
    expect(await access.changePassword('lan.nt', officerChose, 'Lan-Tu-Chon-77!')).toEqual({ ok: true });
    expect(await access.signIn('lan.nt', 'Lan-Tu-Chon-77!', null)).toMatchObject({ ok: true, staff: { mustChangePassword: false } });
  });

  it('reads an accounts file written before the flag existed as not set by admin', async () => {
    const store = new AccountStore(fixture.stateRoot);
    const file = JSON.parse(readFileSync(store.file, 'utf8')) as { accounts: Record<string, unknown>[] };
    for (const account of file.accounts) delete account.secretSetByAdmin;
    writeFileSync(store.file, JSON.stringify(file));
    expect(readFileSync(store.file, 'utf8')).not.toContain('secretSetByAdmin');
    expect(await access.signIn('lan.nt', password, null)).toMatchObject({ ok: true, staff: { mustChangePassword: false } });
    expect(await access.authorizeAction('lan.nt', 'force-wipe', null)).toEqual({ allowed: true });
  });
});

describe('what is kept', () => {
  it('never writes a secret to the accounts file or an audit record', async () => {
    await access.signIn('lan.nt', password, null);
    await access.signIn('lan.nt', 'Typed-Wrong-Secret-1', null);
    fixture.clock.advance(1);
    await access.changePassword('lan.nt', password, 'Moi-Mat-Khau-42');
    const file = readFileSync(new AccountStore(fixture.stateRoot).file, 'utf8');
    const audit = JSON.stringify(fixture.audit.records);
    for (const secret of [password, 'Typed-Wrong-Secret-1', 'Moi-Mat-Khau-42']) {
      expect(file).not.toContain(secret);
      expect(audit).not.toContain(secret);
    }
    const verifier = (await new AccountStore(fixture.stateRoot).find('lan.nt'))?.verifier;
    expect(audit).not.toContain(verifier?.hash);
    const keys = fixture.audit.records.map((r) => Object.keys(r).sort().join());
    expect(keys).toEqual(['action,at,outcome,staffId,type', 'action,at,failures,firstAt,idsTried,outcome,staffId,type', 'action,at,outcome,staffId,type']);
  });
});
