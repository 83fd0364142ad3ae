import { KIOSK_CREDENTIAL_SERVICE } from '../secrets/credential-store';
import { NO_FAILURES, normalizeStaffId, STAFF_ID_PATTERN, type StaffAccount } from './account-store';
import { StaffInputError } from './errors';
import { nextAttemptAt, type SignInDelayState } from './sign-in-delay';
import { pinRefusedFor } from './pin-rules';
import { StaffContext, totpAccount, type StaffAccessDeps } from './staff-context';
import { checkSecret, secretKindName, type SecretKind, type StaffRole } from './strength';
import { confirmTotpEnrolment, startTotpEnrolment, type TotpEnrolment } from './totp-enrolment';
import { createVerifier } from './verifier';

export interface AccountDraft {
  id: string;
  displayName: string;
  role: StaffRole;
  kind: SecretKind;
}

/** An account as listings show it: never the verifier, never anything about the OTP secret itself. */
export interface AccountSummary {
  id: string;
  displayName: string;
  role: StaffRole;
  secretKind: SecretKind;
  createdAt: string;
  changedAt: string;
  /** The IT officer chose the current secret; the owner has not yet replaced it with their own. */
  secretSetByAdmin: boolean;
  /** Set by admin or past its maximum age: the staff panel demands a change before anything else. */
  mustChangePassword: boolean;
  /** Past the policy's maximum age. */
  secretExpired: boolean;
  otpEnrolled: boolean;
  /** The kiosk's failed attempts since the last success (one count for every account: the delay is per kiosk). */
  failures: number;
  /** Until when the kiosk delays every sign-in after failures, or null. */
  lockedUntil: string | null;
  /** The keyed hash that stands for this id in the audit record of a burst of failed attempts (null before any failure). */
  idTag: string | null;
}

/**
 * Account management for the IT officer (`public-kiosk staff …`). Whoever can run it can already
 * write the state root, so it asks for no staff credentials; each change is audited under the id
 * of the account it changed.
 */
export class StaffAdmin {
  private readonly context: StaffContext;

  constructor(deps: StaffAccessDeps) {
    this.context = new StaffContext(deps);
  }

  async list(): Promise<AccountSummary[]> {
    const delay = await this.context.throttle.state();
    const accounts = await this.context.accounts.list();
    return Promise.all(accounts.map(async (account) => this.summary(account, delay, await this.context.throttle.existingIdTag(account.id))));
  }

  /** Checks everything but the secret, so a CLI can refuse before asking for one. Returns the clean draft. */
  async checkDraft(draft: AccountDraft): Promise<AccountDraft> {
    const id = normalizeStaffId(draft.id);
    if (!STAFF_ID_PATTERN.test(id)) {
      throw new StaffInputError('staff id must be 3-32 characters: a-z, 0-9, then also . _ -', 'id-format');
    }
    const displayName = draft.displayName.trim().normalize('NFC');
    if (displayName.length === 0 || displayName.length > 100 || /\p{Cc}/u.test(displayName)) {
      throw new StaffInputError('display name must be 1-100 characters without control characters', 'name-format');
    }
    if (await this.context.accounts.find(id)) throw new StaffInputError(`staff id '${id}' already exists`, 'id-exists');
    this.checkKind(draft.role, draft.kind);
    return { ...draft, id, displayName };
  }

  async add(draft: AccountDraft, secret: string): Promise<AccountSummary> {
    const clean = await this.checkDraft(draft);
    this.refuseWeak(secret, clean.kind, clean);
    const verifier = await createVerifier(secret, this.context.scryptParams);
    const at = this.context.nowIso();
    const account: StaffAccount = {
      ...{ id: clean.id, displayName: clean.displayName, role: clean.role, secretKind: clean.kind },
      ...{ verifier, createdAt: at, changedAt: at, secretSetByAdmin: true, otp: null, lockout: { ...NO_FAILURES } },
    };
    await this.context.accounts.update((accounts) => {
      if (accounts.some((a) => a.id === account.id)) throw new StaffInputError(`staff id '${account.id}' already exists`, 'id-exists');
      accounts.push(account);
    });
    await this.context.audit(account.id, 'account-added', 'success');
    return this.summary(account, await this.context.throttle.state(), await this.context.throttle.existingIdTag(account.id));
  }

  /** Removes the account and its TOTP secret; `otpSecretLeft` is true when the OS store could not be reached. */
  async remove(idInput: string): Promise<{ otpSecretLeft: boolean }> {
    const id = normalizeStaffId(idInput);
    const removed = await this.context.accounts.update((accounts) => {
      const index = accounts.findIndex((a) => a.id === id);
      return index < 0 ? undefined : accounts.splice(index, 1)[0];
    });
    if (!removed) throw new StaffInputError(`no staff account '${id}'`, 'unknown-id');
    await this.context.audit(id, 'account-removed', 'success');
    if (removed.otp === null) return { otpSecretLeft: false };
    const deleted = await this.context.credentials.delete(KIOSK_CREDENTIAL_SERVICE, totpAccount(id)).then(() => true, () => false);
    return { otpSecretLeft: !deleted };
  }

  /**
   * Sets a new secret chosen by the IT officer (a reset: the current one is not needed). The officer
   * knows it, so its owner must replace it at their next sign-in.
   */
  async setSecret(idInput: string, secret: string, kind: SecretKind): Promise<void> {
    const account = await this.existing(idInput);
    this.refuseWeak(secret, kind, account);
    const verifier = await createVerifier(secret, this.context.scryptParams);
    const changedAt = this.context.nowIso();
    await this.context.accounts.update((accounts) => {
      const stored = accounts.find((a) => a.id === account.id);
      if (!stored) throw new StaffInputError(`no staff account '${account.id}'`, 'unknown-id');
      Object.assign(stored, { verifier, secretKind: kind, changedAt, secretSetByAdmin: true, lockout: { ...NO_FAILURES } });
    });
    await this.context.audit(account.id, 'password-changed', 'success');
  }

  /** Ends the kiosk's sign-in delay at once (its burst of failures is audited first). */
  async unlock(idInput: string): Promise<void> {
    const account = await this.existing(idInput);
    await this.context.accounts.update((accounts) => {
      const stored = accounts.find((a) => a.id === account.id);
      if (stored) stored.lockout = { ...NO_FAILURES };
    });
    await this.context.throttle.clear();
    await this.context.audit(account.id, 'unlocked', 'success');
  }

  async startTotpEnrolment(idInput: string): Promise<TotpEnrolment> {
    return startTotpEnrolment(this.context, await this.existing(idInput));
  }

  async confirmTotpEnrolment(enrolment: TotpEnrolment, code: string): Promise<void> {
    return confirmTotpEnrolment(this.context, enrolment, code);
  }

  /** Refuses a PIN for a role or policy that does not allow one, before anyone types it. */
  checkKind(role: StaffRole, kind: SecretKind): void {
    const refused = kind === 'pin' ? pinRefusedFor(role, this.context.policy.pin) : null;
    if (refused) throw new StaffInputError(`PIN refused (${refused.rule}): ${refused.message}`, refused.rule);
  }

  private refuseWeak(secret: string, kind: SecretKind, owner: { id: string; displayName: string; role: StaffRole }): void {
    const weak = checkSecret(secret, kind, owner, this.context.policy);
    if (weak) throw new StaffInputError(`${secretKindName(kind)} refused (${weak.rule}): ${weak.message}`, weak.rule);
  }

  async existing(idInput: string): Promise<StaffAccount> {
    const id = normalizeStaffId(idInput);
    const account = STAFF_ID_PATTERN.test(id) ? await this.context.accounts.find(id) : undefined;
    if (!account) throw new StaffInputError(`no staff account '${id}'`, 'unknown-id');
    return account;
  }

  private summary(account: StaffAccount, delay: SignInDelayState, idTag: string | null): AccountSummary {
    return {
      ...{ id: account.id, displayName: account.displayName, role: account.role, secretKind: account.secretKind },
      ...{ createdAt: account.createdAt, changedAt: account.changedAt, secretSetByAdmin: account.secretSetByAdmin },
      ...{ mustChangePassword: this.context.mustChangeSecret(account), secretExpired: this.context.secretExpired(account) },
      ...{ otpEnrolled: account.otp !== null, failures: delay.failures, lockedUntil: nextAttemptAt(delay, this.context.now()), idTag },
    };
  }
}
