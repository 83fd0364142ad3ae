import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import { readRecentWipes } from '../../../src/audit/recent';
import { readServiceState } from '../../../src/state/service-state';
import { createSessionCanaries, rememberCanaries } from '../../../src/wipe/canaries';
import { readJournal, writeJournal } from '../../../src/wipe/journal';
import { recoverInterruptedWipe } from '../../../src/wipe/recover';
import { runWipe } from '../../../src/wipe/run-wipe';
import { verifyWipe } from '../../../src/wipe/verify';
import type { WipeDeps } from '../../../src/wipe/types';
import { FakeCredentialStore, makeRoots, plant, type TempRoots } from './helpers';

let roots: TempRoots;
afterEach(() => roots?.cleanup());

function deps(store: FakeCredentialStore | null = null, services: string[] = []): WipeDeps {
  return { roots, credentialServices: services, credentialStore: store, audit: openAuditLog(roots.state, store) };
}

describe('runWipe, shift scope', () => {
  it('empties both browsing roots and the extra paths, records counts, and keeps the state root', async () => {
    roots = makeRoots(2);
    plant(roots.sessionData, { 'Default/Cookies': 'abc', 'Partitions/x/Local Storage/leveldb/000003.log': '12345' });
    plant(roots.downloads, { 's1/form.pdf': 'pdf!' });
    plant(roots.extraPaths[1] as string, { 'scan-001.jpg': 'jpeg' });
    const outcome = await runWipe({ scope: 'shift', trigger: 'manual' }, deps());
    expect(outcome.ok).toBe(true);
    expect(outcome.record).toMatchObject({ result: 'succeeded', verification: 'passed', filesRemoved: 4, bytesRemoved: 16, errors: [] });
    for (const dir of [roots.sessionData, roots.downloads, ...roots.extraPaths]) expect(readdirSync(dir)).toEqual([]);
    expect(readdirSync(roots.state).sort()).toEqual(['audit.head', 'audit.log', 'audit.log-id', 'last-shift-wipe.json']);
    const state = await readServiceState(roots.state);
    expect(state).toMatchObject({ outOfService: null, journalPending: false });
    expect(state.lastShiftWipe?.at).toBe(outcome.record.endedAt);
    expect(await readRecentWipes(roots.state, 5)).toEqual([outcome.record]);
  });

  it('deletes every account of the policy credential services and leaves other services alone', async () => {
    roots = makeRoots(0);
    const store = new FakeCredentialStore();
    await store.set('portal.gov.vn', 'citizen-a', 'pw');
    await store.set('portal.gov.vn', 'citizen-b', 'pw');
    await store.set('other', 'keep', 'pw');
    const outcome = await runWipe({ scope: 'shift', trigger: 'shift-end' }, deps(store, ['portal.gov.vn']));
    expect(outcome.record).toMatchObject({ result: 'succeeded', credentialEntriesRemoved: 2 });
    expect(await store.accounts('portal.gov.vn')).toEqual([]);
    expect(await store.accounts('other')).toEqual(['keep']);
  });

  it('fails closed when the credential store cannot be reached', async () => {
    roots = makeRoots(0);
    const store = new FakeCredentialStore();
    const audit = openAuditLog(roots.state, null);
    store.reachable = false;
    const outcome = await runWipe({ scope: 'shift', trigger: 'shift-end' }, { ...deps(store, ['portal.gov.vn']), audit });
    expect(outcome.ok).toBe(false);
    expect(outcome.record.errors.join()).toContain('credential store unavailable');
    expect((await readServiceState(roots.state)).outOfService?.reason).toBe('wipe-failed');
  });

  it('scans for remembered canaries (UTF-16LE too) and a successful shift wipe retires them', async () => {
    roots = makeRoots(0);
    const canaries = createSessionCanaries('citizen-1');
    await rememberCanaries(roots.state, canaries);
    plant(roots.sessionData, { 'Default/Session Storage/000003.log': Buffer.from(`x${canaries.sessionStorage}y`, 'utf16le') });
    const before = await verifyWipe(roots, [], { sessions: [canaries], unreadable: 0 });
    expect(before.errors).toEqual(['verification: canary found in session-data (1 files)']);
    const outcome = await runWipe({ scope: 'shift', trigger: 'manual' }, deps());
    expect(outcome.ok).toBe(true);
    expect(outcome.record.canarySessionsChecked).toBe(1);
    expect(existsSync(path.join(roots.state, 'canaries', 'citizen-1.json'))).toBe(false);
  });
});

describe('runWipe, session scope', () => {
  it("removes only that session's partition and downloads folder", async () => {
    roots = makeRoots(0);
    plant(roots.sessionData, { 'Partitions/citizen-7/Cookies': 'c', 'Partitions/citizen-8/Cookies': 'other', 'Local State': '{}' });
    plant(roots.downloads, { 'Citizen-7/a.pdf': 'a', 'citizen-8/b.pdf': 'b' });
    const outcome = await runWipe({ scope: 'session', trigger: 'session-end', sessionId: 'persist:Citizen-7' }, deps());
    expect(outcome.record).toMatchObject({ scope: 'session', result: 'succeeded', filesRemoved: 2 });
    expect(readdirSync(path.join(roots.sessionData, 'Partitions'))).toEqual(['citizen-8']);
    expect(readdirSync(roots.downloads)).toEqual(['citizen-8']);
    expect((await readServiceState(roots.state)).lastShiftWipe).toBeNull();
  });

  it('refuses a session id that could leave its folder, before touching anything', async () => {
    roots = makeRoots(0);
    plant(roots.downloads, { 'x/a.pdf': 'a' });
    await expect(runWipe({ scope: 'session', trigger: 'idle', sessionId: '../downloads' }, deps())).rejects.toThrow(/session id/);
    expect(readdirSync(roots.downloads)).toEqual(['x']);
    expect(existsSync(path.join(roots.state, 'audit.log'))).toBe(false);
  });

  it('finds a canary left behind in a downloaded file and says so without the value', async () => {
    roots = makeRoots(0);
    const canaries = createSessionCanaries('citizen-9');
    await rememberCanaries(roots.state, canaries);
    plant(roots.downloads, { 'elsewhere/copy.txt': `data ${canaries.download} data` });
    const outcome = await runWipe({ scope: 'session', trigger: 'session-end', sessionId: 'citizen-9' }, deps());
    expect(outcome.ok).toBe(false);
    expect(outcome.record.errors).toEqual(['verification: canary found in downloads (1 files)']);
    const log = readFileSync(path.join(roots.state, 'audit.log'), 'utf8');
    expect(log).not.toContain(canaries.download);
    expect((await readServiceState(roots.state)).outOfService?.reason).toBe('wipe-failed');
    // A later successful session wipe proves only its own session: still out of service.
    expect((await runWipe({ scope: 'session', trigger: 'session-end', sessionId: 'other' }, deps())).ok).toBe(true);
    expect((await readServiceState(roots.state)).outOfService).not.toBeNull();
    expect((await runWipe({ scope: 'shift', trigger: 'manual' }, deps())).ok).toBe(true);
    expect((await readServiceState(roots.state)).outOfService).toBeNull();
  });
});

describe('runWipe, session paths (a scanner folder)', () => {
  it('the verification scans session paths for canaries too, and fails a wipe that left one there', async () => {
    roots = makeRoots(0, 1);
    const canaries = createSessionCanaries('citizen-9');
    const scans = roots.sessionPaths[0] as string;
    plant(scans, { 'ocr/ho-so.txt': Buffer.from(`CCCD ${canaries.localStorage}`, 'utf16le') });
    const target = { kind: 'session-path', label: 'session path 1', path: scans, mode: 'empty-if-present' } as const;
    const left = await verifyWipe(roots, [target], { sessions: [canaries], unreadable: 0 });
    expect(left.errors).toEqual(['verification: session path 1 not empty', 'verification: canary found in session path 1 (1 files)']);
    await rememberCanaries(roots.state, canaries);
    const outcome = await runWipe({ scope: 'session', trigger: 'session-end', sessionId: 'citizen-9' }, deps());
    expect(outcome.record).toMatchObject({ scope: 'session', result: 'succeeded', verification: 'passed', filesRemoved: 1, canarySessionsChecked: 1 });
    expect(readdirSync(scans)).toEqual([]);
  });

  it('a journal written before session paths existed is still read (no session paths), and one naming them is finished with them', async () => {
    roots = makeRoots(0, 1);
    const { sessionPaths: _omitted, ...oldRoots } = roots;
    await writeJournal(roots.state, { version: 1, wipeId: 'w1', scope: 'session', trigger: 'idle', sessionId: 'c1', coveredShiftEnd: null, startedAt: new Date().toISOString(), roots: oldRoots as typeof roots, credentialServices: [] });
    expect(await readJournal(roots.state)).toMatchObject({ roots: { sessionPaths: [] } });
    await writeJournal(roots.state, { version: 1, wipeId: 'w2', scope: 'session', trigger: 'idle', sessionId: 'c1', coveredShiftEnd: null, startedAt: new Date().toISOString(), roots, credentialServices: [] });
    plant(roots.sessionPaths[0] as string, { 'scan.jpg': 'j' });
    const outcome = await recoverInterruptedWipe(deps());
    expect(outcome?.record).toMatchObject({ trigger: 'startup-recovery', result: 'succeeded', filesRemoved: 1 });
    expect(readdirSync(roots.sessionPaths[0] as string)).toEqual([]);
  });
});
