import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startNewAuditLog } from '../../../src/audit/start-new-log';
import { verifyAuditLog } from '../../../src/audit/verify-log';
import { AccountStore } from '../../../src/staff/account-store';
import { createSessionCanaries } from '../../../src/wipe/canaries';
import { runCli } from '../../support/cli';
import { auditRecords, makeCliRoots, plant, type CliRoots } from '../cli/wipe-fixtures';

// What a power cut does to a file that was not yet durable: cut to zero length, cut mid-way, or its
// last rename lost (old content). Each state file, each case, its documented outcome
// (docs/ARCHITECTURE.md, "State files"): recovered silently where nothing committed was lost, fail
// closed with a message naming the file and the command where the truth cannot be known.
// Each case runs the CLI three to six times: room for a busy machine (11 s seen at load 15 on 2 cores).
vi.setConfig({ testTimeout: 90_000 });
let roots: CliRoots;
afterEach(() => roots?.cleanup());

const cuts = {
  'zero length': (text: string) => text.slice(0, 0),
  'cut mid-way': (text: string) => text.slice(0, Math.floor(text.length / 2)),
} as const;
const file = (name: string) => path.join(roots.state, name);
const read = (name: string) => readFileSync(file(name), 'utf8');
const wipeArgs = () => ['wipe', '--reason', 'shift-end', ...roots.args];
const sessionArgs = (id: string) => ['wipe', '--scope', 'session', '--session', id, '--reason', 'session-end', ...roots.args];

function shiftWipe(): void {
  const run = runCli(wipeArgs());
  expect(run.code, run.stderr + run.stdout).toBe(0);
}

/**
 * The fix the messages name. The CLI command asks for an admin's id and password (and OTP where a
 * store exists), which a script without answers does not give: refused. The same function, no store.
 */
async function startNewLog(): Promise<void> {
  const refused = runCli(['audit', 'start-new-log', ...roots.args]);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/stdin ended before every answer was given; nothing was stored/);
  // The log, its head and its log id (the syslog forwarders' dedupe key) are set aside together.
  const setAside = (await startNewAuditLog(roots.state, null, new Date())).setAside;
  expect(setAside.map((name) => name.split('.').slice(0, 2).join('.')).sort()).toEqual(['audit.head', 'audit.log', 'audit.log-id']);
  shiftWipe();
  await inServiceAndIntact();
}

async function inServiceAndIntact(): Promise<void> {
  expect(existsSync(file('out-of-service.json'))).toBe(false);
  expect((await verifyAuditLog(roots.state, null)).problems).toEqual([]);
  const ids = auditRecords(roots.state).filter((r) => r.type === 'wipe').map((r) => r.wipeId);
  expect(new Set(ids).size).toBe(ids.length);
}

describe('wipe-journal.json', () => {
  for (const [cut, apply] of Object.entries(cuts)) {
    it(`${cut}: the intent is unknown, so the next run wipes everything (shift, startup-recovery) and stays in service`, async () => {
      roots = makeCliRoots();
      const journal = { version: 1, wipeId: 'ab'.repeat(16), scope: 'session', trigger: 'idle', sessionId: 's1', coveredShiftEnd: null, startedAt: new Date().toISOString(), roots: { sessionData: roots.sessionData, downloads: roots.downloads, state: roots.state, extraPaths: [] }, credentialServices: [] };
      writeFileSync(file('wipe-journal.json'), apply(JSON.stringify(journal)));
      plant(roots.downloads, { 's1/f.pdf': 'f', 's2/g.pdf': 'g' });
      const next = runCli(sessionArgs('s3'));
      expect(next.code).toBe(0);
      expect(next.stderr).toMatch(/finished an interrupted shift wipe first: SUCCEEDED/);
      expect(readdirSync(roots.downloads)).toEqual([]);
      expect(auditRecords(roots.state)).toMatchObject([{ type: 'wipe', scope: 'shift', trigger: 'startup-recovery' }, { type: 'wipe', scope: 'session' }]);
      await inServiceAndIntact();
    });
  }

  it('last rename lost: no journal, so the wipe never began (its deletions come after the rename); nothing to finish', async () => {
    roots = makeCliRoots();
    plant(roots.downloads, { 's1/f.pdf': 'f' });
    const next = runCli(sessionArgs('s1'));
    expect(next.stderr).toBe('');
    expect(next.code).toBe(0);
    await inServiceAndIntact();
  });
});

describe('out-of-service.json', () => {
  for (const [cut, apply] of Object.entries(cuts)) {
    it(`${cut}: still out of service (state-unreadable); status names the file and the command; a shift wipe clears it`, async () => {
      roots = makeCliRoots();
      writeFileSync(file('out-of-service.json'), apply(`${JSON.stringify({ reason: 'wipe-failed', since: new Date().toISOString() })}\n`));
      const status = runCli(['status', ...roots.args]);
      expect(status.stdout).toMatch(/^Service: OUT OF SERVICE since .* \(state-unreadable\); out-of-service\.json in the state root is damaged .*run 'public-kiosk wipe'/m);
      expect(runCli(sessionArgs('s1')).stdout).toMatch(/OUT OF SERVICE \(state-unreadable\)/);
      shiftWipe();
      await inServiceAndIntact();
      expect(auditRecords(roots.state).at(-1)).toMatchObject({ type: 'service', state: 'in-service' });
    });
  }

  it("last rename lost after a failed wipe's record: the journal is still there, recovery sets the flag again", async () => {
    roots = makeCliRoots();
    plant(file('canaries'), { 's1.json': '{"torn' });
    const failed = runCli(sessionArgs('s1'));
    expect(failed.code).toBe(1);
    const failedRecord = auditRecords(roots.state).find((r) => r.type === 'wipe');
    // The power cut took the flag's rename and everything after it: the flag, its record, the journal's removal.
    const lines = read('audit.log').split('\n').filter(Boolean);
    writeFileSync(file('audit.log'), `${lines.slice(0, -1).join('\n')}\n`);
    rmSync(file('audit.head'));
    rmSync(file('out-of-service.json'));
    writeFileSync(file('wipe-journal.json'), JSON.stringify({ version: 1, wipeId: failedRecord?.wipeId, scope: 'session', trigger: 'session-end', sessionId: 's1', coveredShiftEnd: null, startedAt: new Date().toISOString(), roots: { sessionData: roots.sessionData, downloads: roots.downloads, state: roots.state, extraPaths: roots.extraPaths }, credentialServices: [] }));
    const status = runCli(['status', '--json', ...roots.args]);
    expect(status.stderr).toMatch(/finished an interrupted session wipe first: FAILED/);
    expect(JSON.parse(status.stdout)).toMatchObject({ outOfService: { reason: 'wipe-failed' }, journalPending: false });
    expect(auditRecords(roots.state).filter((r) => r.type === 'wipe')).toHaveLength(1);
  });
});

describe('last-shift-wipe.json', () => {
  for (const [cut, apply] of [...Object.entries(cuts), ['last rename lost (old content)', () => null] as const]) {
    it(`${cut}: read as no shift wipe yet, so the due check owes one and it runs again (nothing lost but a repeat)`, () => {
      roots = makeCliRoots();
      shiftWipe();
      const text = apply(read('last-shift-wipe.json'));
      if (text === null) rmSync(file('last-shift-wipe.json'));
      else writeFileSync(file('last-shift-wipe.json'), text);
      expect(JSON.parse(runCli(['status', '--json', ...roots.args]).stdout)).toMatchObject({ lastShiftWipe: null, outOfService: null });
      const due = runCli(['wipe', '--if-due', ...roots.args]);
      expect(due.code, due.stderr).toBe(0);
      expect(JSON.parse(runCli(['status', '--json', ...roots.args]).stdout).lastShiftWipe).not.toBeNull();
    });
  }
});

describe('canaries/<session>.json', () => {
  for (const [cut, apply] of Object.entries(cuts)) {
    it(`${cut}: the markers are lost, so the wipe cannot be proven: it fails (set aside as *.bad), the next shift wipe restores service`, async () => {
      roots = makeCliRoots();
      plant(file('canaries'), { 's1.json': apply(`${JSON.stringify(createSessionCanaries('s1'))}\n`) });
      const failed = runCli(sessionArgs('s1'));
      expect(failed.code).toBe(1);
      expect(failed.stdout).toMatch(/canary record\(s\) unreadable \(set aside as \.bad; the next shift wipe runs without them\)/);
      expect(failed.stdout).toMatch(/OUT OF SERVICE \(wipe-failed\)/);
      expect(readdirSync(file('canaries'))).toEqual(['s1.json.bad']);
      shiftWipe();
      await inServiceAndIntact();
    });
  }

  it('last rename lost: no markers for that session, nothing to scan for; the wipe succeeds', async () => {
    roots = makeCliRoots();
    const run = runCli(sessionArgs('s1'));
    expect(run.code).toBe(0);
    await inServiceAndIntact();
  });
});

describe('audit.log (append + fsync; no rename)', () => {
  it('zero length with no head (crash after create, before the first line): no record, the next wipe is recorded', async () => {
    roots = makeCliRoots();
    writeFileSync(file('audit.log'), '');
    const run = runCli(sessionArgs('s1'));
    expect(run.stderr + run.stdout).not.toMatch(/FAILED|OUT OF SERVICE/);
    expect(run.code).toBe(0);
    await inServiceAndIntact();
  });

  it('cut mid-way in its last line, the head one behind (crash while writing): a note; the next append cuts it', async () => {
    roots = makeCliRoots();
    shiftWipe();
    const head = read('audit.head');
    shiftWipe();
    writeFileSync(file('audit.head'), head);
    const text = read('audit.log');
    writeFileSync(file('audit.log'), text.slice(0, text.length - 40));
    const verify = runCli(['audit', 'verify', ...roots.args]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/note: line 2 is an interrupted append/);
    shiftWipe();
    await inServiceAndIntact();
  });

  for (const [cut, apply] of Object.entries(cuts)) {
    it(`${cut} under a head that names its records: committed records lost, so fail closed until start-new-log`, async () => {
      roots = makeCliRoots();
      shiftWipe();
      shiftWipe();
      writeFileSync(file('audit.log'), apply(read('audit.log')));
      const run = runCli(wipeArgs());
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/The audit log could not take the record: the audit log is damaged \(audit\.head counts 2 record\(s\) but audit\.log ends at record [01]\); run 'public-kiosk audit verify', then 'public-kiosk audit start-new-log'/);
      expect(runCli(['status', ...roots.args]).stdout).toMatch(/OUT OF SERVICE .*\(audit-unavailable\); the audit log refused a record: run 'public-kiosk audit verify'/);
      expect(runCli(['audit', 'verify', ...roots.args]).code).toBe(1);
      await startNewLog();
    });
  }
});

describe('audit.head (temp + fsync + rename)', () => {
  for (const [cut, apply] of Object.entries(cuts)) {
    it(`${cut}: whether the log's end was cut off cannot be known, so appends fail closed naming audit.head`, async () => {
      roots = makeCliRoots();
      shiftWipe();
      writeFileSync(file('audit.head'), apply(read('audit.head')));
      const run = runCli(wipeArgs());
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(/could not take the record: the audit log is damaged \(audit\.head is unreadable\); run 'public-kiosk audit verify', then 'public-kiosk audit start-new-log'/);
      expect(runCli(['audit', 'verify', ...roots.args]).stdout).toMatch(/head-mismatch: audit\.head is unreadable/);
      await startNewLog();
      await inServiceAndIntact();
    });
  }

  it('last rename lost (old content, one record behind): recovered silently', async () => {
    roots = makeCliRoots();
    shiftWipe();
    const head = read('audit.head');
    shiftWipe();
    writeFileSync(file('audit.head'), head);
    expect(runCli(['audit', 'verify', ...roots.args]).code).toBe(0);
    shiftWipe();
    await inServiceAndIntact();
  });
});

describe('staff/accounts.json (temp + fsync + rename)', () => {
  const account = {
    id: 'lan.nguyen', displayName: 'Lan', role: 'admin', secretKind: 'password',
    verifier: { alg: 'scrypt', N: 16384, r: 8, p: 1, salt: 'c2FsdHNhbHRzYWx0c2FsdA==', hash: 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=' },
    createdAt: '2026-01-05T00:00:00.000Z', changedAt: '2026-01-05T00:00:00.000Z', secretSetByAdmin: false, otp: null,
    lockout: { failures: 0, lockedUntil: null },
  };
  for (const [cut, apply] of Object.entries(cuts)) {
    it(`${cut}: which accounts exist cannot be known, so nobody signs in; the message names the file and the fix`, async () => {
      roots = makeCliRoots();
      plant(file('staff'), { 'accounts.json': apply(`${JSON.stringify({ version: 1, accounts: [account] }, null, 2)}\n`) });
      const store = new AccountStore(roots.state);
      await expect(store.list()).rejects.toThrow(/staff accounts file .*accounts\.json is not valid: .*restored from a backup, or moved aside and the accounts added again with 'public-kiosk staff add'/);
      const list = runCli(['staff', 'list', '--state', roots.state, ...roots.args]);
      expect(list.code).toBe(1);
      expect(list.stderr).toMatch(/accounts\.json is not valid/);
    });
  }
});

describe('lock files (O_EXCL create, then the holder written)', () => {
  for (const name of ['wipe.lock', 'audit.lock']) {
    it(`${name} left empty by a kill between create and write: broken after its grace period, the wipe runs`, async () => {
      roots = makeCliRoots();
      writeFileSync(file(name), '');
      const past = new Date(Date.now() - 60_000);
      const { utimesSync } = await import('node:fs');
      utimesSync(file(name), past, past);
      shiftWipe();
      await inServiceAndIntact();
    });
  }
});
