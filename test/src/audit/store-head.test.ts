import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditUnavailableError, openAuditLog } from '../../../src/audit/audit-log';
import { parseHead, sealHead } from '../../../src/audit/chain';
import type { WipeAuditRecord } from '../../../src/audit/record-types';
import { AUDIT_HEAD_ACCOUNT } from '../../../src/audit/store-head';
import { verifyAuditLog } from '../../../src/audit/verify-log';
import type { CredentialStore } from '../../../src/secrets/credential-store';
import { KIOSK_CREDENTIAL_SERVICE } from '../../../src/secrets/credential-store';
import { repoRoot } from '../../support/cli';
import { FakeCredentialStore } from '../wipe/helpers';
import { copyAuditPair, useAuditDirs } from './audit-dirs';

/** The in-memory store, with the audit-head entry alone made to fail. */
class HeadFailingStore extends FakeCredentialStore {
  failHead: 'get' | 'set' | null = null;
  override async get(service: string, account: string) {
    if (this.failHead === 'get' && account === AUDIT_HEAD_ACCOUNT) throw new Error('keyring locked');
    return super.get(service, account);
  }
  override async set(service: string, account: string, secret: string) {
    if (this.failHead === 'set' && account === AUDIT_HEAD_ACCOUNT) throw new Error('keyring locked');
    return super.set(service, account, secret);
  }
}

let state = '';
let backup = '';
useAuditDirs((dirs) => ([state, backup] = [dirs.state, dirs.backup]));

const files = ['audit.log', 'audit.head'];
const logText = () => readFileSync(path.join(state, 'audit.log'), 'utf8');
const headText = () => readFileSync(path.join(state, 'audit.head'), 'utf8');
const storeHead = async (store: CredentialStore) => parseHead((await store.get(KIOSK_CREDENTIAL_SERVICE, AUDIT_HEAD_ACCOUNT)) ?? '');

function wipe(n: number, result: WipeAuditRecord['result'] = 'succeeded'): WipeAuditRecord {
  const at = new Date(Date.UTC(2026, 0, 5, 4, 30, n)).toISOString();
  return {
    type: 'wipe', scope: 'shift', trigger: 'shift-end', startedAt: at, endedAt: at, durationMs: n,
    filesRemoved: n, bytesRemoved: n, verification: result === 'succeeded' ? 'passed' : 'failed', result, errors: [],
  };
}

async function append(store: CredentialStore | null, from: number, to: number) {
  const log = openAuditLog(state, store);
  for (let n = from; n <= to; n += 1) await log.append(wipe(n));
}

describe('credential-store copy of the audit head', () => {
  it('is written on every keyed append and equals audit.head', async () => {
    const store = new FakeCredentialStore();
    await append(store, 1, 3);
    expect(await storeHead(store)).toEqual(JSON.parse(headText()));
    expect(await storeHead(store)).toMatchObject({ count: 3, alg: 'hmac-sha256' });
  });

  it('shows an older audit.log and audit.head restored together, and no append can hide it', async () => {
    const store = new FakeCredentialStore();
    await append(store, 1, 3);
    copyAuditPair(state, backup);
    await openAuditLog(state, store).append(wipe(4, 'failed'));
    await append(store, 5, 5);
    copyAuditPair(backup, state);
    const result = await verifyAuditLog(state, store);
    expect(result).toMatchObject({ ok: false, records: 3 });
    expect(result.problems).toEqual([{ line: 0, kind: 'rolled-back', detail: expect.stringMatching(/records 5 record\(s\) but audit\.log ends at record 3/) }]);
    const refused = openAuditLog(state, store).append(wipe(6));
    await expect(refused).rejects.toBeInstanceOf(AuditUnavailableError);
    await expect(refused).rejects.toThrow(/rolled back/);
    expect(readFileSync(path.join(backup, 'audit.log'), 'utf8')).toBe(logText());
    expect(await storeHead(store)).toMatchObject({ count: 5 });
  });

  it('shows a log of the same length that is not the one the store names', async () => {
    const store = new FakeCredentialStore();
    await append(store, 1, 3);
    const key = Buffer.from((await store.get(KIOSK_CREDENTIAL_SERVICE, 'audit-key')) ?? '', 'base64');
    await store.set(KIOSK_CREDENTIAL_SERVICE, AUDIT_HEAD_ACCOUNT, JSON.stringify(sealHead(3, 'a'.repeat(64), 'hmac-sha256', key)));
    expect((await verifyAuditLog(state, store)).problems).toEqual([
      { line: 0, kind: 'rolled-back', detail: expect.stringMatching(/record 3 is not the one/) },
    ]);
    await expect(openAuditLog(state, store).append(wipe(4))).rejects.toThrow(/record 3 is not the one/);
  });

  it('a forged copy in the store (wrong seal) is reported and blocks appends', async () => {
    const store = new FakeCredentialStore();
    await append(store, 1, 2);
    await store.set(KIOSK_CREDENTIAL_SERVICE, AUDIT_HEAD_ACCOUNT, JSON.stringify(sealHead(2, 'b'.repeat(64), 'hmac-sha256', Buffer.alloc(32))));
    expect((await verifyAuditLog(state, store)).problems.map((p) => p.kind)).toEqual(['head-mismatch']);
    await expect(openAuditLog(state, store).append(wipe(3))).rejects.toThrow(/does not match its seal/);
  });

  it('missing on a keyed log with records: verify fails; the next append creates it', async () => {
    const store = new FakeCredentialStore();
    await append(store, 1, 3);
    await store.delete(KIOSK_CREDENTIAL_SERVICE, AUDIT_HEAD_ACCOUNT);
    const before = await verifyAuditLog(state, store);
    expect(before).toMatchObject({ ok: false, records: 3 });
    expect(before.problems).toEqual([{ line: 0, kind: 'unverifiable', detail: expect.stringMatching(/no copy of audit\.head .* rollback/) }]);
    expect(before.notes.join()).toMatch(/next append/);
    await append(store, 4, 4);
    expect(await verifyAuditLog(state, store)).toMatchObject({ ok: true, records: 4, problems: [] });
    expect(await storeHead(store)).toMatchObject({ count: 4 });
  });

  it('a failed store write takes the record back: not written, log and head as before', async () => {
    const store = new HeadFailingStore();
    store.failHead = 'set';
    await expect(openAuditLog(state, store).append(wipe(1))).rejects.toThrow(/record was not written/);
    expect(files.map((f) => existsSync(path.join(state, f)))).toEqual([false, false]);
    store.failHead = null;
    await append(store, 1, 2);
    const [log, head] = [logText(), headText()];
    store.failHead = 'set';
    const refused = openAuditLog(state, store).append(wipe(3));
    await expect(refused).rejects.toBeInstanceOf(AuditUnavailableError);
    expect([logText(), headText()]).toEqual([log, head]);
    store.failHead = null;
    expect(await verifyAuditLog(state, store)).toMatchObject({ ok: true, records: 2 });
  });

  it('an unreadable copy fails closed: append refused, verify says unverifiable', async () => {
    const store = new HeadFailingStore();
    await append(store, 1, 2);
    const log = logText();
    store.failHead = 'get';
    await expect(openAuditLog(state, store).append(wipe(3))).rejects.toThrow(/cannot be read from the OS credential store/);
    expect(logText()).toBe(log);
    expect((await verifyAuditLog(state, store)).problems.map((p) => p.kind)).toEqual(['unverifiable']);
  });

  it('is not kept for an unkeyed log (no store)', async () => {
    await append(null, 1, 2);
    expect(await verifyAuditLog(state, null)).toMatchObject({ ok: true, sealing: 'unkeyed', problems: [] });
  });
});

describe('two processes appending to a keyed log', () => {
  it('keep one valid chain and a store copy that matches it', async () => {
    const storeFile = path.join(backup, 'store.json');
    // A credential store in a file both processes share; every write to it happens under the audit lock.
    const storeModule = path.join(backup, 'file-store.js');
    writeFileSync(storeModule, `module.exports = (file) => {
      const fs = require('node:fs');
      const read = () => { try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return {}; } };
      const write = (all) => { fs.writeFileSync(file + '.tmp', JSON.stringify(all)); fs.renameSync(file + '.tmp', file); };
      return {
        available: async () => true,
        get: async (s, a) => read()[s + '/' + a] ?? null,
        set: async (s, a, v) => write({ ...read(), [s + '/' + a]: v }),
        delete: async () => false,
        accounts: async () => [],
      };
    };`);
    const fileStore = createRequire(storeModule)(storeModule) as (file: string) => CredentialStore;
    const script = `
      const { openAuditLog } = require(${JSON.stringify(path.join(repoRoot, 'dist/src/audit/audit-log.js'))});
      const log = openAuditLog(process.argv[1], require(${JSON.stringify(storeModule)})(process.argv[2]));
      (async () => { for (let i = 0; i < 25; i++) await log.append(${JSON.stringify(wipe(1))}); })()
        .catch((e) => { console.error(e); process.exit(1); });`;
    const run = () =>
      new Promise<number | null>((resolve) => spawn(process.execPath, ['-e', script, state, storeFile], { stdio: 'inherit' }).on('exit', resolve));
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    const store = fileStore(storeFile);
    expect(await verifyAuditLog(state, store)).toMatchObject({ ok: true, records: 50, sealing: 'keyed', problems: [] });
    expect(await storeHead(store)).toEqual(JSON.parse(headText()));
  });
});
