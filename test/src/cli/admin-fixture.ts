import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { base32Encode, totpCode } from '../../../src/staff/totp';
import { runInSecretService } from '../secrets/secret-service-session';

export const ADMIN_PASSWORD = 'Qu4n-Tri-Vien!';

/**
 * An admin with an OTP secret in the kiosk's keyring, for `audit start-new-log`: added by the real
 * `staff add`; the OTP secret is stored with secret-tool and marked enrolled (what `staff totp-enrol`
 * does after its QR code, tested on its own), and the password counts as the admin's own.
 * Returns the stdin answers a start-new-log run needs: id, password, a fresh code, the reason.
 */
export function enrolAdmin(cli: (args: string[], input?: string) => { code: number | null; stderr: string }, home: string, stateRoot: string) {
  expect(cli(['staff', 'add', 'it.admin', '--name', 'Trần Minh', '--role', 'admin'], `${ADMIN_PASSWORD}\n${ADMIN_PASSWORD}\n`).code).toBe(0);
  const secret = Buffer.alloc(20, 3);
  const stored = runInSecretService(['secret-tool', 'store', '--label', 'totp', 'service', 'public-kiosk', 'username', 'totp:it.admin'], { home, input: base32Encode(secret) });
  expect(stored.code, stored.stderr).toBe(0);
  const accounts = path.join(stateRoot, 'staff', 'accounts.json');
  const file = JSON.parse(readFileSync(accounts, 'utf8')) as { accounts: Record<string, unknown>[] };
  file.accounts[0]!.otp = { enrolledAt: new Date().toISOString(), lastUsedStep: null };
  file.accounts[0]!.secretSetByAdmin = false;
  writeFileSync(accounts, JSON.stringify(file));
  return (reason: string) => `it.admin\n${ADMIN_PASSWORD}\n${totpCode(secret, Date.now())}\n${reason}\n`;
}
