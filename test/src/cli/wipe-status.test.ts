import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { makeCliRoots, plant, type CliRoots } from './wipe-fixtures';

let roots: CliRoots;
afterEach(() => roots?.cleanup());

describe('public-kiosk status', () => {
  it('on a fresh kiosk: in service, no wipe, no journal, and how the log is sealed', () => {
    roots = makeCliRoots();
    const result = runCli(['status', '--json', ...roots.args]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      outOfService: null, lastShiftWipe: null, journalPending: false, lastWipe: null, recovered: null,
      credentialStore: { available: false }, auditLog: { sealing: 'empty' },
    });
  });

  it('finishes an interrupted wipe first, then reports it', () => {
    roots = makeCliRoots();
    plant(roots.downloads, { 'citizen-x/f.pdf': 'f' });
    const journal = {
      version: 1, wipeId: 'cd'.repeat(16), scope: 'session', trigger: 'idle', sessionId: 'citizen-x', coveredShiftEnd: null,
      startedAt: new Date().toISOString(), roots: { sessionData: roots.sessionData, downloads: roots.downloads, state: roots.state, extraPaths: [] }, credentialServices: [],
    };
    writeFileSync(path.join(roots.state, 'wipe-journal.json'), JSON.stringify(journal));
    const result = runCli(['status', ...roots.args]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/finished an interrupted session wipe first: SUCCEEDED/);
    expect(result.stdout).toMatch(/^Service: in service$/m);
    expect(result.stdout).toMatch(/^Last wipe: session wipe \(startup-recovery, was idle\) SUCCEEDED .*: 1 files/m);
    expect(result.stdout).toMatch(/^Interrupted wipe pending: no$/m);
    expect(result.stdout).toMatch(/^Credential store: NOT available/m);
    expect(result.stdout).toMatch(/^Staff OTP: admin OTP enrolment is REFUSED/m);
    expect(result.stdout).toMatch(/^Audit log: UNKEYED \(SHA-256 chain/m);
  });

  it('exits 2 when the state root does not exist', () => {
    roots = makeCliRoots();
    const result = runCli(['status', ...roots.args, '--state', path.join(roots.base, 'nope')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/state root .*nope does not exist/);
  });
});

describe('public-kiosk audit verify', () => {
  it('exit 0 on an intact log, exit 1 with the line and kind once a record is edited', () => {
    roots = makeCliRoots();
    expect(runCli(['wipe', ...roots.args]).code).toBe(0);
    expect(runCli(['wipe', '--reason', 'catch-up', ...roots.args]).code).toBe(0);
    const intact = runCli(['audit', 'verify', ...roots.args]);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toMatch(/^Audit log intact; 2 record\(s\), sealing unkeyed/);
    const log = path.join(roots.state, 'audit.log');
    writeFileSync(log, readFileSync(log, 'utf8').replace('"trigger":"manual"', '"trigger":"shift-end"'));
    const tampered = runCli(['audit', 'verify', ...roots.args]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toMatch(/^Audit log NOT INTACT: 1 problem\(s\)/);
    expect(tampered.stdout).toMatch(/line 1: edited: record 1 does not match its seal/);
  });
});
