import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { base32Decode, totpCode } from '../../../src/staff/totp';
import { cliEntry, repoRoot } from '../../support/cli';
import {
  builtModule,
  inSecretService,
  makeKeyringHome,
  removeKeyringHome,
  runInSecretService,
  skipWithoutSecretService,
} from '../secrets/secret-service-session';
import { codeOutsideWindow } from '../staff/fakes';
import { converse, staffCliFixture, twice } from './staff-cli';

const skip = skipWithoutSecretService('staff totp-enrol against gnome-keyring');

describe.skipIf(skip)('public-kiosk staff totp-enrol (real Secret Service)', () => {
  const cli = staffCliFixture();
  const home = makeKeyringHome();
  afterAll(() => {
    cli.cleanup();
    removeKeyringHome(home);
  });
  const password = 'Qu4n-Tri-Vien!';
  const enrol = (answer: (secret: Buffer) => string) => {
    const args = [cliEntry, 'staff', 'totp-enrol', 'it.admin', '--print-secret', '--state', cli.stateRoot, '--policy', cli.policyFile];
    const wrapped = inSecretService([process.execPath, ...args], home);
    const step = { when: /secret=([A-Z2-7]+)&[\s\S]*Code shown by the app: /, answer: (m: RegExpMatchArray) => `${answer(base32Decode(m[1] ?? ''))}\n` };
    return converse(wrapped.command, wrapped.args, [step], wrapped.env);
  };
  const storedSecret = () =>
    runInSecretService(['secret-tool', 'lookup', 'service', 'public-kiosk', 'username', 'totp:it.admin'], { home });

  it('refuses a wrong code and stores nothing anywhere', async () => {
    expect(cli.staff(['add', 'it.admin', '--name', 'Trần Minh', '--role', 'admin'], twice(password)).code).toBe(0);
    const wrong = await enrol((secret) => codeOutsideWindow(secret, Date.now()));
    expect(wrong.output).toMatch(/the code does not match: check the phone clock and enrol again/);
    expect(wrong.code).toBe(2);
    expect(storedSecret()).toMatchObject({ code: 1, stdout: '' });
  });

  it('shows the otpauth URI and a QR code, then stores the secret only in the OS store', async () => {
    let shown = '';
    const run = await enrol((secret) => {
      shown = secret.toString('hex');
      return totpCode(secret, Date.now());
    });
    expect(run.output).toContain('otpauth://totp/public-kiosk:it.admin?secret=');
    expect(run.output).toMatch(/[▀▄█]{10}/);
    expect(run.output).toContain("OTP enrolled for 'it.admin'.");
    expect(run.code).toBe(0);
    const stored = storedSecret();
    expect(stored.code).toBe(0);
    expect(base32Decode(stored.stdout.trim()).toString('hex')).toBe(shown);
    expect(cli.accountsFile()).not.toContain(stored.stdout.trim());
    expect(cli.auditLog()).not.toContain(stored.stdout.trim());
    const list = cli.staff(['list', '--json']);
    expect(list.stdout).not.toContain(stored.stdout.trim());
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ id: 'it.admin', otpEnrolled: true })]);
  });

  it('lets the admin sign in through StaffAccess with the app code, once', () => {
    const secret = storedSecret().stdout.trim();
    const script = path.join(repoRoot, 'test', 'src', 'staff', 'fixtures', 'sign-in-with-otp.mjs');
    builtModule('staff/staff-access');
    const run = runInSecretService([process.execPath, script, path.join(repoRoot, 'dist'), cli.stateRoot, 'it.admin', password, secret], { home });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
    expect(out).toEqual({
      withoutCode: { ok: false, reason: 'otp-required' },
      // Added by `staff add`: signed in, but the password the officer typed must be replaced first.
      withCode: { ok: true, staff: { staffId: 'it.admin', displayName: 'Trần Minh', role: 'admin', mustChangePassword: true } },
      replayed: { ok: false, reason: 'otp-invalid' },
      availability: { available: true, message: expect.stringMatching(/^OS credential store available/) },
      // The replay's failure waits in the kiosk's burst, audited once the burst ends (src/staff/sign-in-throttle.ts).
      audit: ['it.admin sign-in denied', 'it.admin sign-in success'],
    });
  });

  it('removing the account deletes its secret from the OS store', () => {
    const args = [cliEntry, 'staff', 'remove', 'it.admin', '--state', cli.stateRoot, '--policy', cli.policyFile];
    const run = runInSecretService([process.execPath, ...args], { home });
    expect(run).toMatchObject({ code: 0, stdout: "Removed 'it.admin'.\n" });
    expect(storedSecret()).toMatchObject({ code: 1, stdout: '' });
  });
});
