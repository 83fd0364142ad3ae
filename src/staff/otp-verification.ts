import type { StaffAction } from '../audit/record-types';
import { KIOSK_CREDENTIAL_SERVICE } from '../secrets/credential-store';
import type { StaffAccount } from './account-store';
import { recordFailure, recordSuccess, refuseWhileDelayed, type Refusal } from './attempts';
import { totpAccount, type StaffContext } from './staff-context';
import { base32Decode, checkTotp } from './totp';

export type OtpResult =
  | { ok: true; step: number }
  | { ok: false; reason: 'not-enrolled' | 'unavailable' | 'otp-invalid' | 'locked'; retryAfterSeconds?: number };

/**
 * Checks a TOTP code against the secret in the OS store. A wrong or replayed code counts as a
 * failed attempt towards the kiosk's sign-in delay; the caller records the accepted step with the success, and
 * `stepStillUnused` re-checks it under the file lock so two processes cannot both accept one code.
 */
export async function checkAccountOtp(context: StaffContext, account: StaffAccount, code: string, action: StaffAction): Promise<OtpResult> {
  if (account.otp === null) return { ok: false, reason: 'not-enrolled' };
  const delayed = await refuseWhileDelayed(context);
  if (delayed) return otpFailure(delayed);
  const secret = await readTotpSecret(context, account.id);
  if (secret === null) {
    await context.audit(account.id, action, 'failure');
    return { ok: false, reason: 'unavailable' };
  }
  const check = checkTotp(secret, code, context.now(), account.otp.lastUsedStep);
  if (check.ok) return check;
  return otpFailure(await recordFailure(context, account.id, action, 'otp-invalid'));
}

/** Checks a code and records its step as used in one go: for actions that need a fresh OTP. */
export async function consumeAccountOtp(context: StaffContext, account: StaffAccount, code: string, action: StaffAction): Promise<OtpResult> {
  const checked = await checkAccountOtp(context, account, code, action);
  if (!checked.ok) return checked;
  const used = await recordSuccess(context, account.id, action, (stored) => useStep(stored, checked.step));
  return used ? checked : otpFailure(await recordFailure(context, account.id, action, 'otp-invalid'));
}

/** Marks a step used; false when another process used this step (or a later one) in the meantime. */
export function useStep(account: StaffAccount, step: number): boolean {
  if (account.otp === null) return false;
  if (account.otp.lastUsedStep !== null && account.otp.lastUsedStep >= step) return false;
  account.otp.lastUsedStep = step;
  return true;
}

/** Null when the store cannot be reached or lost the entry: OTP then fails closed. */
async function readTotpSecret(context: StaffContext, id: string): Promise<Buffer | null> {
  try {
    const text = await context.credentials.get(KIOSK_CREDENTIAL_SERVICE, totpAccount(id));
    return text === null ? null : base32Decode(text);
  } catch {
    return null;
  }
}

function otpFailure(refusal: Refusal): OtpResult {
  const reason = refusal.reason === 'locked' ? 'locked' : 'otp-invalid';
  return refusal.retryAfterSeconds === undefined ? { ok: false, reason } : { ok: false, reason, retryAfterSeconds: refusal.retryAfterSeconds };
}
