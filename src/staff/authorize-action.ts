import { STAFF_ID_PATTERN } from './account-store';
import { consumeAccountOtp } from './otp-verification';
import { authorize, type Decision, type KioskAction } from './permissions';
import type { StaffContext } from './staff-context';

export type ActionDecision =
  | Decision
  | { allowed: false; reason: 'otp-invalid' | 'otp-not-enrolled' | 'locked' | 'unavailable'; retryAfterSeconds?: number };

/**
 * The permission table applied to a real account as it is on disk now (a removed account, an
 * expired secret or one just set by the IT officer counts at once), with a fresh OTP code for admin
 * actions. Every decision about a staff member is audited; ending a session is anyone's right and is
 * recorded by its wipe instead.
 */
export async function authorizeAction(
  context: StaffContext,
  id: string | null,
  action: KioskAction,
  otp: string | null,
): Promise<ActionDecision> {
  if (action === 'end-session' || id === null) return authorize(null, action, { otpVerified: false });
  const account = STAFF_ID_PATTERN.test(id) ? await context.accounts.find(id) : undefined;
  if (!account) return { allowed: false, reason: 'not-signed-in' };
  const actor = { role: account.role, mustChangePassword: context.mustChangeSecret(account) };
  const decision = authorize(actor, action, { otpVerified: false });
  if (decision.allowed) {
    await context.audit(account.id, action, 'success');
    return decision;
  }
  if (decision.reason !== 'otp-required' || otp === null) {
    await context.audit(account.id, action, 'denied');
    return decision;
  }
  if (account.otp === null) {
    await context.audit(account.id, action, 'denied');
    return { allowed: false, reason: 'otp-not-enrolled' };
  }
  // consumeAccountOtp audits this action: success, failure, or a lock.
  const checked = await consumeAccountOtp(context, account, otp, action);
  if (checked.ok) return authorize(actor, action, { otpVerified: true });
  const reason = checked.reason === 'not-enrolled' ? 'otp-not-enrolled' : checked.reason;
  return checked.retryAfterSeconds === undefined
    ? { allowed: false, reason }
    : { allowed: false, reason, retryAfterSeconds: checked.retryAfterSeconds };
}
