import type { StaffAction } from '../audit/record-types';
import type { StaffAccount } from './account-store';
import { afterFailure, lockedForSeconds, NO_FAILURES } from './lockout';
import type { StaffContext } from './staff-context';

export type Refusal = { reason: 'invalid' | 'otp-invalid' | 'locked'; retryAfterSeconds?: number };

/** Seconds the account is still locked for; an attempt now is refused and audited without any check. */
export async function refuseIfLocked(context: StaffContext, account: StaffAccount, action: StaffAction): Promise<Refusal | null> {
  const wait = lockedForSeconds(account.lockout, context.now());
  if (wait === 0) return null;
  await context.audit(account.id, action, 'locked');
  return { reason: 'locked', retryAfterSeconds: wait };
}

/**
 * Counts a failed attempt (wrong secret or wrong OTP) under the file lock, so attempts from the
 * kiosk and the CLI add up, and audits it as a failure or, when it locked the account, as a lock.
 */
export async function recordFailure(context: StaffContext, id: string, action: StaffAction, reason: 'invalid' | 'otp-invalid'): Promise<Refusal> {
  const now = context.now();
  const state = await context.accounts.update((accounts) => {
    const account = accounts.find((a) => a.id === id);
    if (account) account.lockout = afterFailure(account.lockout, context.policy.lockout, now);
    return account?.lockout ?? NO_FAILURES;
  });
  const wait = lockedForSeconds(state, now);
  await context.audit(id, action, wait > 0 ? 'locked' : 'failure');
  return wait > 0 ? { reason: 'locked', retryAfterSeconds: wait } : { reason };
}

/**
 * A success clears the failure count. `change` applies what the success changes (new verifier, OTP
 * step) to the account as it is on disk now; it returns false, changing nothing, when the success
 * no longer holds (another process used the same OTP step). Null then, or when the account is gone.
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
    account.lockout = { ...NO_FAILURES };
    return account;
  });
  if (updated) await context.audit(id, action, 'success');
  return updated;
}
