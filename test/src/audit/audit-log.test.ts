import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import { openLine, sealLine } from '../../../src/audit/chain';
import { readRecentWipes } from '../../../src/audit/recent';
import type { AuditRecordInput, WipeAuditRecord } from '../../../src/audit/record-types';
import { verifyAuditLog } from '../../../src/audit/verify-log';
import { KIOSK_CREDENTIAL_SERVICE } from '../../../src/secrets/credential-store';
import { repoRoot } from '../../support/cli';
import { FakeCredentialStore } from '../wipe/helpers';

let state: string;
beforeEach(() => {
  state = mkdtempSync(path.join(tmpdir(), 'pk-audit-'));
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

const logFile = () => path.join(state, 'audit.log');
const lines = () => readFileSync(logFile(), 'utf8').split('\n').filter(Boolean);
const rewrite = (list: string[]) => writeFileSync(logFile(), list.map((l) => `${l}\n`).join(''));

function wipe(n: number): WipeAuditRecord {
  const at = new Date(Date.UTC(2026, 0, 5, 4, 30, n)).toISOString();
  return {
    type: 'wipe', scope: 'session', trigger: 'session-end', startedAt: at, endedAt: at, durationMs: n,
    filesRemoved: n, bytesRemoved: 10 * n, verification: 'passed', result: 'succeeded', errors: [],
  };
}

async function writeLog(store: FakeCredentialStore | null, count = 5) {
  const log = openAuditLog(state, store);
  for (let n = 1; n <= count; n += 1) await log.append(wipe(n));
  return log;
}

describe('audit log', () => {
  it('keys the chain with a key it creates in the credential store, and verifies clean', async () => {
    const store = new FakeCredentialStore();
    await writeLog(store);
    expect(await store.get(KIOSK_CREDENTIAL_SERVICE, 'audit-key')).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
    expect(await verifyAuditLog(state, store)).toMatchObject({ ok: true, records: 5, sealing: 'keyed', problems: [] });
    expect((await readRecentWipes(state, 2)).map((r) => r.filesRemoved)).toEqual([5, 4]);
  });

  it('without a store writes an unkeyed SHA-256 chain and says so', async () => {
    await writeLog(null);
    expect(await verifyAuditLog(state, null)).toMatchObject({ ok: true, sealing: 'unkeyed', keyState: 'no-store' });
  });

  it('rejects a record carrying a path or URL, or an unknown field', async () => {
    const log = openAuditLog(state, null);
    await expect(log.append({ ...wipe(1), errors: ['EBUSY on /home/x/Downloads/cv.pdf'] })).rejects.toThrow(/errors\.0/);
    await expect(log.append({ ...wipe(1), url: 'https://a.gov.vn' } as AuditRecordInput)).rejects.toThrow(/rejected/);
    await expect(log.append({ type: 'staff', at: wipe(1).startedAt, staffId: 'a/b', action: 'sign-in', outcome: 'success' })).rejects.toThrow(
      /staffId/,
    );
    await log.append({ type: 'staff', at: wipe(1).startedAt, staffId: '(unknown)', action: 'sign-in', outcome: 'failure' });
    expect(lines()).toHaveLength(1);
  });

  it('never appends unkeyed to a keyed log when the key cannot be read', async () => {
    const store = new FakeCredentialStore();
    await writeLog(store, 2);
    store.reachable = false;
    await expect(openAuditLog(state, store).append(wipe(3))).rejects.toThrow(/keyed/);
    expect(lines()).toHaveLength(2);
  });
});

describe('audit verify detects tampering', () => {
  // One store per log: the store keeps a copy of the log's head, so a second log would look rolled back.
  let store: FakeCredentialStore;
  beforeEach(() => {
    store = new FakeCredentialStore();
  });
  const kinds = async () => (await verifyAuditLog(state, store)).problems.map((p) => p.kind);

  it('an edited record', async () => {
    await writeLog(store);
    const list = lines();
    list[2] = (list[2] as string).replace('"filesRemoved":3', '"filesRemoved":0');
    rewrite(list);
    expect(await kinds()).toContain('edited');
  });

  it('an edited record whose unkeyed seal was recomputed (keyed log)', async () => {
    await writeLog(store);
    const list = lines();
    const opened = openLine(list[1] as string);
    if (!opened.ok) throw new Error('fixture');
    list[1] = sealLine({ ...opened.body, alg: 'sha256', rec: { ...wipe(2), result: 'failed' } }, null).text;
    rewrite(list);
    expect(await kinds()).toEqual(expect.arrayContaining(['downgraded', 'edited']));
  });

  it('a deleted record', async () => {
    await writeLog(store);
    rewrite(lines().filter((_, i) => i !== 1));
    expect(await kinds()).toEqual(['deleted']);
  });

  it('an inserted copy of a record', async () => {
    await writeLog(store);
    const list = lines();
    list.splice(3, 0, list[1] as string);
    rewrite(list);
    expect(await kinds()).toContain('inserted');
  });

  it('reordered records', async () => {
    await writeLog(store);
    const list = lines();
    [list[1], list[2]] = [list[2] as string, list[1] as string];
    rewrite(list);
    expect(await kinds()).toContain('reordered');
  });

  it('a truncated tail', async () => {
    await writeLog(store);
    rewrite(lines().slice(0, 3));
    expect(await kinds()).toEqual(['truncated']);
  });

  it('a truncated tail with the head file deleted too', async () => {
    await writeLog(store);
    rewrite(lines().slice(0, 3));
    rmSync(path.join(state, 'audit.head'));
    // The credential-store copy of the head still names record 5.
    expect(await kinds()).toEqual(['head-mismatch', 'rolled-back']);
  });

  it('a whole log deleted while the key exists', async () => {
    await writeLog(store);
    rmSync(logFile());
    expect(await kinds()).toEqual(['truncated']);
  });

  it('a torn last line (never committed) is a note, cut off by the next append; the chain stays valid', async () => {
    await writeLog(store, 3);
    writeFileSync(logFile(), `${readFileSync(logFile(), 'utf8')}{"v":1,"seq":4,"pr`);
    expect(await kinds()).toEqual([]);
    expect((await verifyAuditLog(state, store)).notes).toContain('line 4 is an interrupted append (no newline, never committed); the next append removes it');
    await openAuditLog(state, store).append(wipe(4));
    expect(await verifyAuditLog(state, store)).toMatchObject({ ok: true, records: 4 });
  });
});

describe('concurrent appends', () => {
  it('two processes appending at once keep one valid chain', async () => {
    const script = `
      const { openAuditLog } = require(${JSON.stringify(path.join(repoRoot, 'dist/src/audit/audit-log.js'))});
      const log = openAuditLog(process.argv[1], null);
      (async () => { for (let i = 0; i < 40; i++) await log.append(${JSON.stringify(wipe(1))}); })()
        .catch((e) => { console.error(e); process.exit(1); });`;
    const run = () =>
      new Promise<number | null>((resolve) => spawn(process.execPath, ['-e', script, state], { stdio: 'inherit' }).on('exit', resolve));
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    expect(await verifyAuditLog(state, null)).toMatchObject({ ok: true, records: 80 });
  });
});
