import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import { classifySequence } from '../../../src/audit/sequence-tracker';
import type { AuditRecordInput, WipeAuditRecord } from '../../../src/audit/record-types';
import { startNewAuditLog } from '../../../src/audit/start-new-log';
import { verifyAuditLog } from '../../../src/audit/verify-log';
import { verifyAuditLogSince } from '../../../src/audit/verify-since';
import { FakeCredentialStore } from '../wipe/helpers';

// The periodic check reads only what follows the last verified point (audit.verified), and never
// calls valid what `audit verify` rejects in that part; anything unusual is decided by the full check.
let state: string;
beforeEach(() => {
  state = mkdtempSync(path.join(tmpdir(), 'pk-verify-since-'));
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

const logFile = () => path.join(state, 'audit.log');
const pointFile = () => path.join(state, 'audit.verified');

function wipe(n: number, scope: 'session' | 'shift' = 'session'): WipeAuditRecord {
  const at = new Date(Date.UTC(2026, 0, 5, 4, 30, n)).toISOString();
  return {
    type: 'wipe', scope, trigger: scope === 'shift' ? 'shift-end' : 'session-end', startedAt: at, endedAt: at, durationMs: n,
    filesRemoved: n, bytesRemoved: n, verification: 'passed', result: 'succeeded', errors: [],
  };
}

async function append(store: FakeCredentialStore | null, records: AuditRecordInput[]): Promise<void> {
  const log = openAuditLog(state, store);
  for (const record of records) await log.append(record);
}
const wipes = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => wipe(from + i));

/** Flips one character of record `seq`'s line in place (same length), keeping it valid JSON where possible. */
function editRecordInPlace(seq: number): void {
  const lines = readFileSync(logFile(), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(`"seq":${seq},`));
  lines[index] = lines[index]!.replace('"filesRemoved":', '"filesRemovee":');
  writeFileSync(logFile(), lines.join('\n'));
}

for (const keyed of [false, true]) {
  describe(`${keyed ? 'keyed' : 'unkeyed'} log: verification since the last verified point`, () => {
    let store: FakeCredentialStore | null;
    beforeEach(() => {
      store = keyed ? new FakeCredentialStore() : null;
    });

    it('first check reads the whole log and leaves a point; the next reads only what was appended', async () => {
      await append(store, wipes(1, 5));
      expect(await verifyAuditLogSince(state, store)).toMatchObject({ ok: true, records: 5, sealing: keyed ? 'keyed' : 'unkeyed' });
      const point = JSON.parse(readFileSync(pointFile(), 'utf8')) as { count: number; end: number; alg: string };
      expect(point).toMatchObject({ count: 5, end: statSync(logFile()).size, alg: keyed ? 'hmac-sha256' : 'sha256' });
      await append(store, [...wipes(6, 7), wipe(8, 'shift')]);
      // Proof that records before the point are not re-read: one edited in place there goes unseen
      // here (the documented trade-off) while `audit verify` reports it.
      editRecordInPlace(2);
      const since = await verifyAuditLogSince(state, store);
      expect(since).toMatchObject({ ok: true, records: 8, problems: [] });
      expect(since.latest['wipe:shift']).toMatchObject({ scope: 'shift', durationMs: 8 });
      expect(since.latest['wipe:session']).toMatchObject({ durationMs: 7 });
      expect((await verifyAuditLog(state, store)).problems.map((p) => p.kind)).toContain('edited');
    });

    it('an edit after the point is reported exactly as `audit verify` reports it', async () => {
      await append(store, wipes(1, 5));
      await verifyAuditLogSince(state, store);
      await append(store, wipes(6, 9));
      editRecordInPlace(7);
      const full = await verifyAuditLog(state, store);
      const since = await verifyAuditLogSince(state, store);
      expect(full.ok).toBe(false);
      expect(since.ok).toBe(false);
      expect(since.problems).toEqual(full.problems);
    });

    it('no single-byte change after the point (every 31st byte) passes here when `audit verify` rejects it', async () => {
      await append(store, wipes(1, 4));
      await verifyAuditLogSince(state, store);
      const before = readFileSync(pointFile());
      await append(store, wipes(5, 7));
      const original = readFileSync(logFile());
      const pointEnd = (JSON.parse(before.toString()) as { end: number }).end;
      for (let at = pointEnd; at < original.length; at += 31) {
        const changed = Buffer.from(original);
        changed[at] = changed[at] === 0x30 ? 0x31 : 0x30;
        writeFileSync(logFile(), changed);
        writeFileSync(pointFile(), before);
        const full = await verifyAuditLog(state, store);
        if (!full.ok) expect((await verifyAuditLogSince(state, store)).ok, `byte ${at}`).toBe(false);
      }
    });

    it('a point edited by hand, moved past an edited record, is dropped: the whole log is verified', async () => {
      await append(store, wipes(1, 3));
      await verifyAuditLogSince(state, store);
      await append(store, wipes(4, 6));
      editRecordInPlace(5);
      // The attacker moves the point to record 6 (past the edit), keeping the old seal.
      const lines = readFileSync(logFile(), 'utf8').split('\n');
      const end = Buffer.byteLength(lines.slice(0, 6).join('\n')) + 1;
      const start = end - Buffer.byteLength(lines[5]!) - 1;
      const point = JSON.parse(readFileSync(pointFile(), 'utf8')) as Record<string, unknown>;
      const sealOf6 = /"seal":"([a-f0-9]{64})"/.exec(lines[5]!)![1];
      writeFileSync(pointFile(), JSON.stringify({ ...point, count: 6, line: 6, start, end, seal: sealOf6 }));
      const since = await verifyAuditLogSince(state, store);
      expect(since.ok).toBe(false);
      expect(since.problems).toEqual((await verifyAuditLog(state, store)).problems);
    });

    it('a head or log set back behind the point, or a new log, makes the check start over from the whole log', async () => {
      await append(store, wipes(1, 6));
      await verifyAuditLogSince(state, store);
      // A log cut back to three records: the point's record is gone.
      const text = readFileSync(logFile(), 'utf8');
      writeFileSync(logFile(), text.split('\n').slice(0, 3).join('\n') + '\n');
      const cut = await verifyAuditLogSince(state, store);
      expect(cut.ok).toBe(false);
      expect(cut.problems).toEqual((await verifyAuditLog(state, store)).problems);
      // A new log started (the old one set aside): the old point matches nothing there.
      await startNewAuditLog(state, store, new Date());
      await append(store, wipes(1, 2));
      expect(await verifyAuditLogSince(state, store)).toMatchObject({ ok: true, records: 2 });
    });
  });
}

it('a keyed log ignores an unkeyed point (anyone can compute a SHA-256 one)', async () => {
  const store = new FakeCredentialStore();
  await append(store, wipes(1, 3));
  await verifyAuditLogSince(state, store);
  await append(store, wipes(4, 5));
  editRecordInPlace(4);
  const point = JSON.parse(readFileSync(pointFile(), 'utf8')) as Record<string, unknown>;
  const { createHash } = await import('node:crypto');
  const latest = createHash('sha256').update(JSON.stringify(point.latest)).digest('hex');
  const lines = readFileSync(logFile(), 'utf8').split('\n');
  const end = Buffer.byteLength(lines.slice(0, 5).join('\n')) + 1;
  const start = end - Buffer.byteLength(lines[4]!) - 1;
  const sealOf5 = /"seal":"([a-f0-9]{64})"/.exec(lines[4]!)![1]!;
  const forged = { ...point, count: 5, line: 5, start, end, seal: sealOf5, keyedSeen: 5, alg: 'sha256' };
  const mac = createHash('sha256').update(`audit-verified:5:${sealOf5}:5:${start}:${end}:5:${latest}`).digest('hex');
  writeFileSync(pointFile(), JSON.stringify({ ...forged, mac }));
  expect((await verifyAuditLogSince(state, store)).ok).toBe(false);
});

it('a log with more records than a function call takes arguments is classified, not a crash', () => {
  const lines = Array.from({ length: 300_000 }, (_, i) => ({ line: i + 1, seq: i + 1, seal: '', chained: true }));
  expect(classifySequence(lines)).toEqual([]);
  lines.splice(1000, 1);
  expect(classifySequence(lines)).toEqual([{ line: 0, kind: 'deleted', detail: 'record 1001 is missing' }]);
});
