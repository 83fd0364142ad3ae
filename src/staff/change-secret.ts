import type { ActionResult } from '../ipc/contract';
import { STAFF_ID_PATTERN } from './account-store';
import { recordFailure, recordSuccess, refuseWhileDelayed } from './attempts';
import type { StaffContext } from './staff-context';
import { checkSecret } from './strength';
import { createVerifier, normalizeSecret, verifySecret } from './verifier';

/**
 * A staff member replaces their own secret, proving the current one first (a wrong one counts
 * towards the kiosk's sign-in delay). The new one keeps the account's kind (password or PIN) and must pass the
 * policy's rules; a refused one changes nothing.
 */
export async function changeSecret(context: StaffContext, id: string, current: string, next: string): Promise<ActionResult> {
  const account = STAFF_ID_PATTERN.test(id) ? await context.accounts.find(id) : undefined;
  if (!account) return { ok: false, reason: 'not-signed-in' };
  const delayed = await refuseWhileDelayed(context);
  if (delayed) return { ok: false, reason: 'invalid', message: `too many failed attempts on this kiosk; try again in ${delayed.retryAfterSeconds ?? 0} s` };
  if (!(await verifySecret(current, account.verifier))) {
    await recordFailure(context, id, 'password-changed', 'invalid');
    return { ok: false, reason: 'invalid', message: 'current secret wrong' };
  }
  const weak = checkSecret(next, account.secretKind, account, context.policy);
  if (weak) return { ok: false, reason: 'weak-secret', message: `${weak.rule}: ${weak.message}` };
  if (normalizeSecret(next) === normalizeSecret(current)) {
    return { ok: false, reason: 'weak-secret', message: 'same-as-current: the new secret must differ from the current one' };
  }
  const verifier = await createVerifier(next, context.scryptParams);
  const changedAt = context.nowIso();
  const changed = await recordSuccess(context, id, 'password-changed', (stored) => {
    stored.verifier = verifier;
    stored.changedAt = changedAt;
    // Chosen by its owner now: the IT officer no longer knows it.
    stored.secretSetByAdmin = false;
    return true;
  });
  return changed ? { ok: true } : { ok: false, reason: 'not-signed-in' };
}
