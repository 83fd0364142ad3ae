import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import { openLine, sealLine } from '../../../src/audit/chain';
import { KeysFileError, readEnrolledKeys, trustFor } from '../../../src/report/enrolled-keys';
import type { WipeAuditRecord } from '../../../src/audit/record-types';
import { SignatureCheck, type KeyTrust } from '../../../src/audit/signature-check';
import { fingerprintOfKey, loadSigningKey, publicKeyPem } from '../../../src/audit/signing-key';
import { scanAuditText } from '../../../src/audit/verify-log';
import { FakeCredentialStore } from '../wipe/helpers';
import { useAuditDirs } from './audit-dirs';

let state = '';
useAuditDirs((dirs) => (state = dirs.state));

const at = '2026-01-05T10:00:00.000Z';
const wipe = (scope: 'session' | 'shift'): WipeAuditRecord => ({
  type: 'wipe', scope, trigger: scope === 'shift' ? 'shift-end' : 'session-end', startedAt: at, endedAt: at, durationMs: 1,
  filesRemoved: 1, bytesRemoved: 1, verification: 'passed', result: 'succeeded', errors: [],
});

async function signedLog(records: WipeAuditRecord[]) {
  const store = new FakeCredentialStore();
  const log = openAuditLog(state, store, { sign: true });
  for (const record of records) await log.append(record);
  const key = (await loadSigningKey(store, true))!;
  return { store, log, key, text: () => readFileSync(path.join(state, 'audit.log'), 'utf8') };
}

const trustOf = (...keys: { publicKey: KeyObject; fingerprint: string }[]): KeyTrust =>
  trustFor(keys.map((k) => ({ key: k.publicKey, fingerprint: k.fingerprint, sinceMs: 0 })));

function check(text: string, trust: KeyTrust) {
  const scan = scanAuditText(text, null, 'chain');
  const signatures = new SignatureCheck(trust);
  scan.lines.forEach((line, index) => signatures.feed({ line: line.line, seq: line.seq, seal: line.seal, rec: scan.records[index]?.rec }));
  return signatures.verdict();
}

function rechain(text: string, change: (recs: Record<string, unknown>[]) => Record<string, unknown>[]): string {
  const bodies = text.split('\n').filter(Boolean).map((line) => {
    const opened = openLine(line);
    if (!opened.ok) throw new Error('unreadable');
    return opened.body;
  });
  const recs = change(bodies.map((b) => b.rec as unknown as Record<string, unknown>));
  let prev = '0'.repeat(64);
  return recs
    .map((rec, index) => {
      const line = sealLine({ v: 1, seq: index + 1, prev, alg: 'hmac-sha256', rec: rec as never }, Buffer.alloc(32, 9));
      prev = line.seal;
      return `${line.text}\n`;
    })
    .join('');
}

describe('signed audit log', () => {
  it('starts with the public key, follows every shift wipe with a checkpoint, and verifies against that key', async () => {
    const { text, key } = await signedLog([wipe('shift'), wipe('session'), wipe('session')]);
    const types = text().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { rec: { type: string } }).rec.type);
    expect(types).toEqual(['log-started', 'wipe', 'checkpoint', 'wipe', 'wipe']);
    const verdict = check(text(), trustOf(key));
    expect(verdict).toMatchObject({ status: 'signed', lastSignedSeq: 3, fingerprints: [key.fingerprint], problem: null });
    // The two session wipes after the checkpoint: pending, not failed.
    expect(verdict.unsignedTail).toEqual({ fromSeq: 4, records: 2 });
  });

  it('signs at least every 100 records', async () => {
    const { text, key } = await signedLog(Array.from({ length: 120 }, () => wipe('session')));
    const lines = text().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { seq: number; rec: { type: string } });
    expect(lines.filter((l) => l.rec.type === 'checkpoint').map((l) => l.seq)).toEqual([100]);
    expect(check(text(), trustOf(key))).toMatchObject({ status: 'signed', lastSignedSeq: 100 });
  });

  it('a record edited and every line re-chained is not verified, from the edited record on', async () => {
    const { text, key } = await signedLog([wipe('shift'), wipe('shift')]);
    const forged = rechain(text(), (recs) => recs.map((r, i) => (i === 1 ? { ...r, result: 'failed' } : r)));
    expect(scanAuditText(forged, null, 'chain').problems).toEqual([]);
    expect(check(forged, trustOf(key))).toMatchObject({ status: 'not-verified', problem: { kind: 'bad-signature', seq: 3 } });
  });

  it('dropping the checkpoints after an edit leaves a shift wipe unsigned: checkpoint missing', async () => {
    const { text, key } = await signedLog([wipe('shift'), wipe('session'), wipe('session'), wipe('session')]);
    const forged = rechain(text(), (recs) => recs.filter((r) => r.type !== 'checkpoint'));
    expect(check(forged, trustOf(key))).toMatchObject({ status: 'not-verified', problem: { kind: 'checkpoint-missing', seq: 2 } });
  });

  it('a key that is not enrolled, and a key change without a signed rotation, are not verified', async () => {
    const { text } = await signedLog([wipe('shift')]);
    const other = generateKeyPairSync('ed25519').publicKey;
    const verdict = check(text(), trustOf({ publicKey: other, fingerprint: fingerprintOfKey(other) }));
    expect(verdict).toMatchObject({ status: 'not-verified', problem: { kind: 'key-not-enrolled', seq: 1, line: 1 } });
  });

  it('a signed rotation keeps the log verified with only the first key enrolled; RELP resends are skipped', async () => {
    const { text, key, log } = await signedLog([wipe('shift')]);
    const rotated = await log.rotateSigningKey!();
    expect(rotated.from).toBe(key.fingerprint);
    await log.append(wipe('shift'));
    const lines = text().split('\n').filter(Boolean);
    const resent = `${[...lines.slice(0, 3), ...lines.slice(1)].join('\n')}\n`;
    const verdict = check(resent, trustOf(key));
    expect(verdict).toMatchObject({ status: 'signed', fingerprints: [key.fingerprint, rotated.to], problem: null, unsignedTail: null });
    // A forged rotation to a key of the forger's: the old key did not sign it.
    const forged = rechain(text(), (recs) => recs.map((r) => (r.type === 'key-rotated' ? { ...r, signature: String(r.signature).replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) } : r)));
    expect(check(forged, trustOf(key))).toMatchObject({ status: 'not-verified', problem: { kind: 'bad-signature' } });
  });

  it('an unsigned log is shown as unsigned; with an enrolled key it only counts when it ended before enrolment', async () => {
    await openAuditLog(state, null).append(wipe('shift'));
    const text = readFileSync(path.join(state, 'audit.log'), 'utf8');
    expect(check(text, { enrolled: () => null, sinceMs: null })).toMatchObject({ status: 'unsigned', problem: null });
    expect(check(text, { enrolled: () => null, sinceMs: Date.parse('2026-02-01T00:00:00Z') })).toMatchObject({ status: 'unsigned' });
    expect(check(text, { enrolled: () => null, sinceMs: Date.parse('2026-01-01T00:00:00Z') })).toMatchObject({ status: 'not-verified', problem: { kind: 'unsigned' } });
  });
});

describe('keys.yaml', () => {
  const write = (text: string) => {
    const file = path.join(state, 'keys.yaml');
    writeFileSync(file, text);
    return file;
  };
  const pem = (key: KeyObject) => publicKeyPem(key).trim().split('\n').map((l) => `    ${l}`).join('\n');

  it('reads one key or a list per kiosk', async () => {
    const { key } = await signedLog([]);
    const file = write(`kiosk-a:\n  publicKey: |\n${pem(key.publicKey)}\n  fingerprint: ${key.fingerprint}\n  since: 2026-12-01\n`);
    const keys = readEnrolledKeys(file);
    expect(keys.get('kiosk-a')?.map((k) => k.fingerprint)).toEqual([key.fingerprint]);
    expect(keys.get('kiosk-a')?.[0]?.sinceMs).toBe(Date.parse('2026-12-01T00:00:00Z'));
  });

  it('refuses malformed YAML, a key that is not Ed25519 and a wrong fingerprint with FILE:LINE:COL', async () => {
    const broken = write('kiosk-a:\n  publicKey: [\n');
    expect(() => readEnrolledKeys(broken)).toThrow(KeysFileError);
    expect(() => readEnrolledKeys(broken)).toThrow(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+ \\(yaml\\): `));
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    const notEd = write(`kiosk-a:\n  publicKey: |\n${pem(rsa)}\n  fingerprint: ${'0'.repeat(64)}\n  since: 2026-12-01\n`);
    expect(() => readEnrolledKeys(notEd)).toThrow(/keys\.yaml:2:14 kiosk-a\.publicKey: must be an Ed25519 public key/);
    const { key } = await signedLog([]);
    const wrong = write(`kiosk-a:\n  - publicKey: |\n${pem(key.publicKey).replace(/^/gm, '  ')}\n    fingerprint: ${'0'.repeat(64)}\n    since: 2026-12-01\n`);
    expect(() => readEnrolledKeys(wrong)).toThrow(/keys\.yaml:6:18 kiosk-a\[0\]\.fingerprint: does not match the public key/);
  });
});
