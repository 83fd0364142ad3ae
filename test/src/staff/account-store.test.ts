import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountFileError, AccountStore, type StaffAccount } from '../../../src/staff/account-store';
import { createVerifier } from '../../../src/staff/verifier';
import { FAST_SCRYPT, staffFixture, type StaffFixture } from './fakes';

let fixture: StaffFixture;
beforeEach(() => {
  fixture = staffFixture();
});
afterEach(() => fixture.cleanup());

async function account(id: string): Promise<StaffAccount> {
  const at = '2026-03-02T08:00:00.000Z';
  const verifier = await createVerifier('Irrelevant-Secret-1', FAST_SCRYPT);
  return { id, displayName: id, role: 'staff', secretKind: 'password', verifier, createdAt: at, changedAt: at, secretSetByAdmin: false, otp: null, lockout: { failures: 0, lockedUntil: null } };
}

describe('account store', () => {
  it('starts empty, writes accounts.json with owner-only permissions, reads it back', async () => {
    const store = new AccountStore(fixture.stateRoot);
    expect(await store.list()).toEqual([]);
    const added = await account('an.nv');
    await store.update((accounts) => accounts.push(added));
    expect(await store.find('an.nv')).toEqual(added);
    expect(statSync(store.file).mode & 0o777).toBe(0o600);
    expect(statSync(store.dir).mode & 0o777).toBe(0o700);
  });

  it('serializes concurrent updates: none is lost', async () => {
    const store = new AccountStore(fixture.stateRoot);
    const ids = Array.from({ length: 12 }, (_, i) => `user${i}`);
    const accounts = await Promise.all(ids.map(account));
    await Promise.all(accounts.map((a) => store.update((list) => list.push(a))));
    expect((await store.list()).map((a) => a.id).sort()).toEqual([...ids].sort());
  });

  it('removes a lock left by a process that died', async () => {
    const store = new AccountStore(fixture.stateRoot);
    mkdirSync(store.dir, { recursive: true });
    writeFileSync(`${store.file}.lock`, JSON.stringify({ pid: 999_999_999, host: hostname(), token: 'left-by-a-crash' }));
    const added = await account('after.crash');
    await store.update((list) => list.push(added));
    expect((await store.list()).map((a) => a.id)).toEqual(['after.crash']);
  });

  it('fails closed on a damaged or hand-edited file, and leaves it as it was', async () => {
    const store = new AccountStore(fixture.stateRoot);
    mkdirSync(store.dir, { recursive: true });
    for (const text of ['{not json', '{"version":1,"accounts":[{"id":"x"}]}', '{"version":2,"accounts":[]}']) {
      writeFileSync(store.file, text);
      await expect(store.list()).rejects.toBeInstanceOf(AccountFileError);
      await expect(store.update(() => undefined)).rejects.toBeInstanceOf(AccountFileError);
      expect(readFileSync(store.file, 'utf8')).toBe(text);
    }
  });

  it('reads a file from before secretSetByAdmin as false, writes the field back, refuses a non-boolean', async () => {
    const store = new AccountStore(fixture.stateRoot);
    const old: Record<string, unknown> = { ...(await account('old.file')) };
    delete old.secretSetByAdmin;
    mkdirSync(store.dir, { recursive: true });
    writeFileSync(store.file, JSON.stringify({ version: 1, accounts: [old] }));
    expect((await store.find('old.file'))?.secretSetByAdmin).toBe(false);
    await store.update(() => undefined);
    expect(JSON.parse(readFileSync(store.file, 'utf8'))).toMatchObject({ accounts: [{ id: 'old.file', secretSetByAdmin: false }] });

    const text = JSON.stringify({ version: 1, accounts: [{ ...old, secretSetByAdmin: 'yes' }] });
    writeFileSync(store.file, text);
    await expect(store.list()).rejects.toThrow(/secretSetByAdmin/);
    expect(readFileSync(store.file, 'utf8')).toBe(text);
  });

  it('refuses two accounts with one id', async () => {
    const store = new AccountStore(fixture.stateRoot);
    const twice = await account('dup.id');
    mkdirSync(path.dirname(store.file), { recursive: true });
    writeFileSync(store.file, JSON.stringify({ version: 1, accounts: [twice, twice] }));
    await expect(store.list()).rejects.toThrow(/duplicate staff id/);
  });
});
