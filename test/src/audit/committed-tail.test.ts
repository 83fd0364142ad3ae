import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import type { WipeAuditRecord } from '../../../src/audit/record-types';
import { AUDIT_HEAD_ACCOUNT } from '../../../src/audit/store-head';
import { verifyAuditLog } from '../../../src/audit/verify-log';
import { KIOSK_CREDENTIAL_SERVICE } from '../../../src/secrets/credential-store';
import { FakeCredentialStore } from '../wipe/helpers';

// What a crash can leave at the end of the audit log (nothing committed lost: recovered silently)
// and what it cannot (an acknowledged record lost or replaced: appends refuse, verify reports it).
let state: string;
beforeEach(() => {
  state = mkdtempSync(path.join(tmpdir(), 'pk-audit-tail-'));
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

const logFile = () => path.join(state, 'audit.log');
const headFile = () => path.join(state, 'audit.head');
const text = (file: string) => readFileSync(file, 'utf8');

function wipe(n: number): WipeAuditRecord {
  const at = new Date(Date.UTC(2026, 0, 5, 4, 30, n)).toISOString();
  return {
    type: 'wipe', scope: 'session', trigger: 'session-end', startedAt: at, endedAt: at, durationMs: n,
    filesRemoved: n, bytesRemoved: n, verification: 'passed', result: 'succeeded', errors: [],
  };
}

async function appendN(store: FakeCredentialStore | null, from: number, to: number): Promise<void> {
  const log = openAuditLog(state, store);
  for (let n = from; n <= to; n += 1) await log.append(wipe(n));
}

for (const keyed of [false, true]) {
  describe(`${keyed ? 'keyed' : 'unkeyed'} audit log after a crash`, () => {
    let store: FakeCredentialStore | null;
    beforeEach(() => {
      store = keyed ? new FakeCredentialStore() : null;
    });

    it('an empty audit.log (created, no line yet) is no record: the next append starts the chain (issue 16)', async () => {
      writeFileSync(logFile(), '');
      expect(await verifyAuditLog(state, store)).toMatchObject({ ok: true, records: 0 });
      await appendN(store, 1, 2);
      expect(await verifyAuditLog(state, store)).toMatchObject({ ok: true, records: 2, problems: [] });
    });

    it('an empty audit.log after records, with the head naming them, is a lost commit: refused', async () => {
      await appendN(store, 1, 3);
      truncateSync(logFile(), 0);
      await expect(appendN(store, 4, 4)).rejects.toThrow(/audit\.head counts 3 record\(s\) but audit\.log ends at record 0.*audit start-new-log/);
      expect((await verifyAuditLog(state, store)).ok).toBe(false);
    });

    it('a torn line after the head is a note, and the next append cuts it off', async () => {
      await appendN(store, 1, 3);
      const full = text(logFile());
      const fourth = openAuditLog(state, store);
      await fourth.append(wipe(4));
      const line4 = text(logFile()).slice(full.length);
      writeFileSync(logFile(), full + line4.slice(0, Math.floor(line4.length / 2)));
      // audit.head now names record 4, which is torn: committed and lost.
      expect((await verifyAuditLog(state, store)).problems.map((p) => p.kind)).toContain('truncated');
      // The same torn tail with the head still at record 3 (the crash came before the head): a note.
      rmSync(state, { recursive: true, force: true });
      state = mkdtempSync(path.join(tmpdir(), 'pk-audit-tail-'));
      store = keyed ? new FakeCredentialStore() : null;
      await appendN(store, 1, 3);
      writeFileSync(logFile(), `${text(logFile())}{"v":1,"seq":4,"pr`);
      const torn = await verifyAuditLog(state, store);
      expect(torn).toMatchObject({ ok: true, records: 3, problems: [] });
      expect(torn.notes.join('\n')).toMatch(/line 4 is an interrupted append/);
      await appendN(store, 4, 4);
      expect(await verifyAuditLog(state, store)).toMatchObject({ ok: true, records: 4, notes: keyed ? [] : expect.any(Array) });
    });

    it('a head one record behind a complete sealed line (crash before the head) is recovered silently', async () => {
      await appendN(store, 1, 3);
      const headAt3 = text(headFile());
      await appendN(store, 4, 4);
      writeFileSync(headFile(), headAt3);
      const behind = await verifyAuditLog(state, store);
      expect(behind).toMatchObject({ ok: true, records: 4 });
      await appendN(store, 5, 5);
      expect(await verifyAuditLog(state, store)).toMatchObject({ ok: true, records: 5, problems: [] });
    });

    it('a missing head with one record (first append, crash before the head) is recovered silently', async () => {
      await appendN(store, 1, 1);
      rmSync(headFile());
      expect(await verifyAuditLog(state, store)).toMatchObject({ ok: true, records: 1 });
      await appendN(store, 2, 2);
      expect(await verifyAuditLog(state, store)).toMatchObject({ ok: true, records: 2, problems: [] });
    });

    it('a head two records behind, missing with several records, or unreadable cannot be a crash: refused', async () => {
      await appendN(store, 1, 2);
      const headAt2 = text(headFile());
      await appendN(store, 3, 4);
      writeFileSync(headFile(), headAt2);
      await expect(appendN(store, 5, 5)).rejects.toThrow(/audit\.head counts 2 record\(s\) but audit\.log ends at record 4/);
      expect((await verifyAuditLog(state, store)).problems.map((p) => p.kind)).toEqual(['head-mismatch']);
      rmSync(headFile());
      await expect(appendN(store, 5, 5)).rejects.toThrow(/audit\.head is missing but audit\.log ends at record 4/);
      writeFileSync(headFile(), headAt2.slice(0, 20));
      await expect(appendN(store, 5, 5)).rejects.toThrow(/audit\.head is unreadable.*audit verify.*audit start-new-log/);
      writeFileSync(headFile(), '');
      await expect(appendN(store, 5, 5)).rejects.toThrow(/audit\.head is unreadable/);
    });

    it('a head naming another record than the log holds is refused', async () => {
      await appendN(store, 1, 3);
      const other = mkdtempSync(path.join(tmpdir(), 'pk-audit-other-'));
      // Same key, its own credential-store copy of the head: only audit.head is swapped in.
      const otherStore = store ? new FakeCredentialStore() : null;
      if (store && otherStore) for (const [service, accounts] of store.entries) otherStore.entries.set(service, new Map(accounts));
      otherStore?.entries.get(KIOSK_CREDENTIAL_SERVICE)?.delete(AUDIT_HEAD_ACCOUNT);
      const otherLog = openAuditLog(other, otherStore);
      for (let n = 1; n <= 3; n += 1) await otherLog.append(wipe(n + 10));
      writeFileSync(headFile(), text(path.join(other, 'audit.head')));
      rmSync(other, { recursive: true, force: true });
      await expect(appendN(store, 4, 4)).rejects.toThrow(/record 3 in audit\.log is not the one audit\.head names/);
    });
  });
}
