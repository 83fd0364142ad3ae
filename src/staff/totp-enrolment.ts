import { KIOSK_CREDENTIAL_SERVICE } from '../secrets/credential-store';
import type { StaffAccount } from './account-store';
import { OtpUnavailableError, StaffInputError } from './errors';
import { totpAccount, type StaffContext } from './staff-context';
import { base32Encode, checkTotp, newTotpSecret, otpauthUri } from './totp';

/** A new TOTP secret shown once to the person enrolling; nothing is stored until a code confirms it. */
export interface TotpEnrolment {
  staffId: string;
  secret: Buffer;
  /** otpauth://totp/… for the authenticator app (as text and as a QR code). */
  uri: string;
}

/** Refused when there is no OS credential store: the secret must never fall back to a file. */
export async function startTotpEnrolment(context: StaffContext, account: StaffAccount): Promise<TotpEnrolment> {
  if (!(await context.credentials.available())) {
    await context.audit(account.id, 'totp-enrolled', 'failure');
    throw new OtpUnavailableError();
  }
  const secret = newTotpSecret();
  return { staffId: account.id, secret, uri: otpauthUri(secret, context.otpIssuer, account.id) };
}

/**
 * A code from the app proves it holds the secret; only then is the secret written to the OS store
 * (replacing an earlier one) and the account marked enrolled. The confirming code counts as used.
 */
export async function confirmTotpEnrolment(context: StaffContext, enrolment: TotpEnrolment, code: string): Promise<void> {
  const check = checkTotp(enrolment.secret, code.trim(), context.now(), null);
  if (!check.ok) {
    await context.audit(enrolment.staffId, 'totp-enrolled', 'failure');
    throw new StaffInputError('the code does not match: check the phone clock and enrol again', 'otp-confirm');
  }
  await context.credentials.set(KIOSK_CREDENTIAL_SERVICE, totpAccount(enrolment.staffId), base32Encode(enrolment.secret));
  const enrolledAt = context.nowIso();
  const found = await context.accounts.update((accounts) => {
    const stored = accounts.find((a) => a.id === enrolment.staffId);
    if (stored) stored.otp = { enrolledAt, lastUsedStep: check.step };
    return stored !== undefined;
  });
  if (!found) {
    await context.credentials.delete(KIOSK_CREDENTIAL_SERVICE, totpAccount(enrolment.staffId));
    throw new StaffInputError(`no staff account '${enrolment.staffId}' (removed during enrolment)`, 'unknown-id');
  }
  await context.audit(enrolment.staffId, 'totp-enrolled', 'success');
}
