import type { StaffAction } from '../audit/record-types';
import { NO_FAILURES, type StaffAccount } from './account-store';
import type { StaffContext } from './staff-context';

export type Refusal = { reason: 'invalid' | 'otp-invalid' | 'locked'; retryAfterSeconds?: number };

/**
 * While the kiosk's sign-in delay runs, every attempt — any id, known or not — gets this same
 * answer without any check, any audit record or any write: a flood of tries costs nothing and
 * tells nothing. Null when the attempt may be checked now.
 */
export async function refuseWhileDelayed(context: StaffContext): Promise<Refusal | null> {
  const wait = await context.throttle.wait();
  return wait > 0 ? { reason: 'locked', retryAfterSeconds: wait } : null;
}

/**
 * A failed check (unknown id, wrong secret, wrong OTP) grows the kiosk's delay; it is audited with
 * its burst, once the burst ends, never one record per try. The answer is the same for every id.
 */
export async function recordFailure(context: StaffContext, typedId: string, action: StaffAction, reason: 'invalid' | 'otp-invalid'): Promise<Refusal> {
  await context.throttle.fail(typedId, action);
  return { reason };
}

/**
 * A success ends the kiosk's delay (its burst of failures is audited first). `change` applies what
 * the success changes (new verifier, OTP step) to the account as it is on disk now; it returns
 * false, changing nothing, when the success no longer holds (another process used the same OTP
 * step). Null then, or when the account is gone.
 */
export async function recordSuccess(
  context: StaffContext,
  id: string,
  action: StaffAction,
  change: (account: StaffAccount) => boolean = () => true,
): Promise<StaffAccount | null> {
  const updated = await context.accounts.update((accounts) => {
    const account = accounts.find((a) => a.id === id);
    if (!account || !change(account)) return null;
    // The per-account lock is gone (a citizen could lock staff out with it); files keep the field.
    account.lockout = { ...NO_FAILURES };
    return account;
  });
  if (updated) {
    await context.throttle.clear();
    await context.audit(id, action, 'success');
  }
  return updated;
}
