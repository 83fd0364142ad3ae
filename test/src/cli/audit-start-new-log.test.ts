import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { staffCliFixture, twice } from './staff-cli';

// `audit start-new-log` as a real process on a machine without a credential store (no D-Bus
// session): refused without an admin's password, and otherwise linked to the old log by its first
// record, which says the OTP could not be checked. The keyring case (OTP) is in audit-rollback-keyring.
const cli = staffCliFixture();
afterAll(() => cli.cleanup());
const env = { DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(cli.dir, 'no-bus')}`, PUBLIC_KIOSK_POLICY: '' };
const run = (args: string[], input = '') => runCli([...args, '--state', cli.stateRoot, '--policy', cli.policyFile], { input, env });
const records = () => cli.auditLog().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { seq: number; rec: Record<string, unknown> }));
const password = 'Qu4n-Tri-Vien!';

describe('public-kiosk audit start-new-log without a credential store', { timeout: 300_000 }, () => {
  it('refuses without an admin id and password, changing nothing', () => {
    expect(cli.staff(['add', 'it.admin', '--name', 'Trần Minh', '--role', 'admin'], twice(password)).code).toBe(0);
    expect(cli.staff(['add', 'quay.mot', '--name', 'Lê Lan', '--role', 'staff'], twice(password)).code).toBe(0);
    const before = readdirSync(cli.stateRoot).sort();
    const count = records().length;
    const noAnswers = run(['audit', 'start-new-log']);
    expect(noAnswers.code).toBe(2);
    for (const answers of ['it.admin\nwrong\n', 'nobody.here\nwrong\n', `quay.mot\n${password}\n`]) {
      const refused = run(['audit', 'start-new-log'], answers);
      expect(refused.code, answers).toBe(1);
      // The same answer for an unknown id, a wrong password and a non-admin.
      expect(refused.stderr).toMatch(/^Refused: not an admin id and password\. Nothing was changed\.$/m);
    }
    expect(readdirSync(cli.stateRoot).sort()).toEqual(before);
    // Each refusal is recorded in the log as it is (never the typed text).
    expect(records().slice(count).map((r) => `${String(r.rec.staffId)} ${String(r.rec.action)} ${String(r.rec.outcome)}`)).toEqual([
      'it.admin start-new-log failure',
      '(unknown) start-new-log failure',
      'quay.mot start-new-log denied',
    ]);
    expect(cli.auditLog()).not.toContain('wrong');
  });

  it('with the password: keeps the old files and starts the new log with a log-replaced record', () => {
    const old = records();
    const last = readFileSync(path.join(cli.stateRoot, 'audit.log'), 'utf8').trim().split('\n').at(-1)!;
    const oldId = readFileSync(path.join(cli.stateRoot, 'audit.log-id'), 'utf8').trim();
    const started = run(['audit', 'start-new-log'], `it.admin\n${password}\nKiosk disk replaced (ticket 42)\n`);
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toMatch(/^New audit log started by it\.admin \(set aside: audit\.log\.replaced-.*\)\. Its first record links it to the old log\. No credential store could be reached: the password alone was checked and the new log is unkeyed\.$/m);
    const aside = readdirSync(cli.stateRoot).find((n) => n.startsWith('audit.log.replaced-'))!;
    expect(readFileSync(path.join(cli.stateRoot, aside), 'utf8').trim().split('\n').at(-1)).toBe(last);
    const [first, second] = records();
    expect(first).toMatchObject({
      seq: 1,
      rec: {
        type: 'log-replaced', oldLogId: oldId, oldRecords: old.length, oldLastSeq: old.at(-1)!.seq, oldLastSeal: (JSON.parse(last) as { seal: string }).seal,
        by: 'it.admin', otpChecked: false, reason: 'Kiosk disk replaced (ticket 42)',
      },
    });
    expect(first!.rec.logId).not.toBe(oldId);
    expect(second!.rec).toMatchObject({ type: 'staff', staffId: 'it.admin', action: 'start-new-log', outcome: 'success' });
    const verify = run(['audit', 'verify']);
    expect(verify.code, verify.stdout).toBe(0);
    expect(verify.stdout).toMatch(/^ {2}note: this log began by replacement \(audit start-new-log\) at \S+ by it\.admin \(password only: no credential store for OTP\), reason "Kiosk disk replaced \(ticket 42\)"; it replaced log [a-f0-9]{32} \(\d+ record\(s\), last \d+\)$/m);
    const report = run(['report', '--from', '2026-12-01', '--to', '2026-12-01', '--format', 'json']);
    expect(report.stdout).toMatch(/audit\.log: line 1: this log began by replacement/);
  });

  it('refuses a reason with a path in it, changing nothing', () => {
    const before = readdirSync(cli.stateRoot).sort();
    const refused = run(['audit', 'start-new-log'], `it.admin\n${password}\nsee C:/logs\n`);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/the reason must be one short sentence/);
    expect(readdirSync(cli.stateRoot).sort()).toEqual(before);
  });
});
