import type { StaffAction } from '../audit/record-types';
import type { ActionResult, SignInResult } from '../ipc/contract';
import { normalizeStaffId, STAFF_ID_PATTERN, type StaffAccount } from './account-store';
import { recordFailure, recordSuccess, refuseWhileDelayed } from './attempts';
import { authorizeAction, type ActionDecision } from './authorize-action';
import { checkAccountOtp, consumeAccountOtp, useStep, type OtpResult } from './otp-verification';
import { describeOtpAvailability, type OtpAvailability } from './otp-availability';
import { authorize, type Actor, type Decision, type KioskAction } from './permissions';
import { changeSecret } from './change-secret';
import { StaffContext, type StaffAccessDeps } from './staff-context';
import { createVerifier, needsUpgrade, verifySecret, type Verifier } from './verifier';

/**
 * Staff access as the kiosk shell uses it: sign-in (secret, then OTP when enrolled), changing the
 * own secret, OTP checks for admin actions, and the permission table. Every success is audited;
 * failures once per burst (sign-in-throttle.ts).
 */
export class StaffAccess {
  private readonly context: StaffContext;
  private decoy: Promise<Verifier> | undefined;

  constructor(deps: StaffAccessDeps) {
    this.context = new StaffContext(deps);
  }

  /**
   * While the kiosk's delay runs every attempt gets the same 'locked' answer unchecked. Otherwise an
   * unknown id and a wrong secret cost the same scrypt run and the same write, and get the same
   * answer; the right secret (and OTP) is accepted whatever failed before.
   */
  async signIn(staffId: string, secret: string, otp: string | null): Promise<SignInResult> {
    const delayed = await refuseWhileDelayed(this.context);
    if (delayed) return { ok: false, ...delayed };
    const account = await this.findTyped(staffId);
    const matches = await verifySecret(secret, account?.verifier ?? (await this.decoyVerifier()));
    if (!account || !matches) return { ok: false, ...(await recordFailure(this.context, staffId, 'sign-in', 'invalid')) };
    let step: number | null = null;
    if (account.otp !== null) {
      if (otp === null) {
        await this.context.audit(account.id, 'sign-in', 'denied');
        return { ok: false, reason: 'otp-required' };
      }
      const checked = await checkAccountOtp(this.context, account, otp, 'sign-in');
      if (!checked.ok) return otpRefusal(checked);
      step = checked.step;
    }
    const upgraded = needsUpgrade(account.verifier, this.context.scryptParams)
      ? await createVerifier(secret, this.context.scryptParams)
      : null;
    const signedIn = await recordSuccess(this.context, account.id, 'sign-in', (stored) => {
      if (step !== null && !useStep(stored, step)) return false;
      // Only replace the verifier that was checked: a secret changed meanwhile stays changed.
      if (upgraded && stored.verifier.hash === account.verifier.hash) stored.verifier = upgraded;
      return true;
    });
    if (!signedIn) return { ok: false, ...(await recordFailure(this.context, account.id, 'sign-in', 'otp-invalid')) };
    return { ok: true, staff: this.context.view(signedIn) };
  }

  /** The signed-in person changes their own secret (the staff panel; forced when it is too old). */
  async changePassword(staffId: string, current: string, next: string): Promise<ActionResult> {
    return changeSecret(this.context, normalizeStaffId(staffId), current, next);
  }

  /**
   * Checks a fresh OTP code of an account, audited as `action`; a used code (or an older one) is
   * refused. Admin actions go through authorizeAction, which calls this.
   */
  async verifyOtp(staffId: string, code: string, action: StaffAction = 'sign-in'): Promise<OtpResult> {
    const account = await this.findTyped(staffId);
    if (!account) return { ok: false, reason: 'not-enrolled' };
    return consumeAccountOtp(this.context, account, code, action);
  }

  /**
   * Decides and audits one action by a signed-in staff member (or null: nobody signed in). Actions
   * that need OTP take a fresh code here; the shell performs the action only when allowed.
   */
  async authorizeAction(staffId: string | null, action: KioskAction, otp: string | null): Promise<ActionDecision> {
    return authorizeAction(this.context, staffId === null ? null : normalizeStaffId(staffId), action, otp);
  }

  /** The permission table itself, for the UI to decide what to show. */
  authorize(actor: Actor | null, action: KioskAction, context: { otpVerified: boolean }): Decision {
    return authorize(actor, action, context);
  }

  /** For `status` and the staff panel: whether OTP can work on this machine, and why not. */
  otpAvailability(): Promise<OtpAvailability> {
    return describeOtpAvailability(this.context.credentials);
  }

  private async findTyped(staffId: string): Promise<StaffAccount | undefined> {
    const id = normalizeStaffId(staffId);
    return STAFF_ID_PATTERN.test(id) ? this.context.accounts.find(id) : undefined;
  }

  /** The kiosk's sign-in delay now: for `status` and tests. */
  signInWaitSeconds(): Promise<number> {
    return this.context.throttle.wait();
  }

  /** Audits a burst of failures that has gone quiet; the shell may call it now and then. */
  settleFailures(): Promise<void> {
    return this.context.throttle.settle();
  }

  private decoyVerifier(): Promise<Verifier> {
    this.decoy ??= createVerifier('decoy secret for unknown ids', this.context.scryptParams);
    return this.decoy;
  }
}

function otpRefusal(result: Exclude<OtpResult, { ok: true }>): Exclude<SignInResult, { ok: true }> {
  const reason = result.reason === 'not-enrolled' ? 'otp-invalid' : result.reason;
  return result.retryAfterSeconds === undefined ? { ok: false, reason } : { ok: false, reason, retryAfterSeconds: result.retryAfterSeconds };
}
