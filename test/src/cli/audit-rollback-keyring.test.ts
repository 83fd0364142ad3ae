import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry } from '../../support/cli';
import { makeKeyringHome, removeKeyringHome, runInSecretService, skipWithoutSecretService } from '../secrets/secret-service-session';
import { enrolAdmin } from './admin-fixture';
import { auditRecords, makeCliRoots, type CliRoots } from './wipe-fixtures';

// A rollback of audit.log + audit.head to an earlier copy, against a REAL Secret Service (gnome-keyring
// in a private D-Bus session): the copy of the head kept there shows it, and only a deliberate
// `audit start-new-log` lets the kiosk write records again.
const skip = skipWithoutSecretService('audit-rollback-keyring');
let roots: CliRoots;
let home: string;
let backup: string;

function cli(args: string[], input = '') {
  return runInSecretService([process.execPath, cliEntry, ...args, ...roots.args], { home, input, env: { PUBLIC_KIOSK_POLICY: '' } });
}
const copyPair = (from: string, to: string) => ['audit.log', 'audit.head'].forEach((f) => copyFileSync(path.join(from, f), path.join(to, f)));

beforeAll(() => {
  if (skip) return;
  roots = makeCliRoots(0);
  home = makeKeyringHome();
  backup = mkdtempSync(path.join(tmpdir(), 'pk-audit-backup-'));
});
afterAll(() => {
  roots?.cleanup();
  if (home) removeKeyringHome(home);
  if (backup) rmSync(backup, { recursive: true, force: true });
});

describe.skipIf(skip)('audit log rollback with the OS credential store', () => {
  it('is reported by audit verify, blocks further records, and start-new-log is the way out', () => {
    // An admin who can later start a new log (password and OTP): log-started, account-added.
    const answers = enrolAdmin((args, input) => cli(args, input), home, roots.state);
    // A keyed log is signed: each shift wipe is followed by its checkpoint.
    expect(cli(['wipe', '--reason', 'shift-end']).code).toBe(0);
    copyPair(roots.state, backup);
    expect(cli(['wipe', '--reason', 'shift-end']).code).toBe(0);
    expect(cli(['audit', 'verify']).stdout).toMatch(/^Audit log intact; 6 record\(s\), sealing keyed/);
    copyPair(backup, roots.state);

    const verify = cli(['audit', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/^Audit log NOT INTACT: 1 problem\(s\); 4 record\(s\)/);
    expect(verify.stdout).toMatch(/^ {2}log: rolled-back: the OS credential store records 6 record\(s\) but audit\.log ends at record 4/m);
    // The record of this wipe cannot be written without hiding the rollback: the wipe fails (out of service).
    expect(cli(['wipe', '--reason', 'shift-end']).code).toBe(1);
    expect(auditRecords(roots.state)).toHaveLength(4);

    // Only an admin (password and OTP) may start a new log; the kiosk account alone is refused.
    const refused = cli(['audit', 'start-new-log'], 'it.admin\nnot-the-password\n');
    expect(refused.code).toBe(1);
    expect(auditRecords(roots.state)).toHaveLength(4);
    const started = cli(['audit', 'start-new-log'], answers('Rollback dealt with'));
    expect(started.code, started.stderr).toBe(0);
    expect(started.stdout).toMatch(/^New audit log started by it\.admin \(set aside: audit\.log\.replaced-.*; the credential-store copy of its head was forgotten\)/);
    expect(cli(['wipe', '--reason', 'shift-end']).code).toBe(0);
    // The new log: linked to the old one, who did it, this wipe, then the kiosk back in service after the failed one.
    expect(auditRecords(roots.state).filter((r) => r.type !== 'checkpoint')).toMatchObject([
      { type: 'log-replaced', by: 'it.admin', otpChecked: true, reason: 'Rollback dealt with', oldRecords: 4, oldLastSeq: 4 },
      { type: 'staff', staffId: 'it.admin', action: 'start-new-log', outcome: 'success' },
      { type: 'wipe', result: 'succeeded' },
      { type: 'service', state: 'in-service' },
    ]);
    expect(cli(['audit', 'verify']).stdout).toMatch(/^Audit log intact; \d+ record\(s\), sealing keyed/);
  }, 300_000);
});
