import type { AuditSink, StaffAction, StaffAuditRecord } from '../audit/record-types';
import type { StaffView } from '../ipc/contract';
import type { CredentialStore } from '../secrets/credential-store';
import { AccountStore, type StaffAccount } from './account-store';
import { SignInThrottle } from './sign-in-throttle';
import type { StaffPolicy } from './strength';
import { CURRENT_SCRYPT_PARAMS, type ScryptParams } from './verifier';

/** What staff access needs from the outside; the shell and the CLI pass the real ones, tests fakes. */
export interface StaffAccessDeps {
  /** The kiosk's state root; accounts live in `<stateRoot>/staff/accounts.json`. */
  stateRoot: string;
  policy: StaffPolicy;
  credentials: CredentialStore;
  audit: AuditSink;
  /** Milliseconds since the epoch; tests pass a fake clock to jump over sign-in delays and OTP steps. */
  clock?: () => number;
  /** scrypt cost for new verifiers; lower only in tests. Weaker stored verifiers are upgraded on sign-in. */
  scryptParams?: ScryptParams;
  /** Shown by authenticator apps next to the account (default "public-kiosk"). */
  otpIssuer?: string;
}

/** The TOTP secret's account name in the OS store, under KIOSK_CREDENTIAL_SERVICE. */
export function totpAccount(staffId: string): string {
  return `totp:${staffId}`;
}

/** The dependencies resolved once, shared by StaffAccess and StaffAdmin. */
export class StaffContext {
  readonly accounts: AccountStore;
  readonly policy: StaffPolicy;
  readonly credentials: CredentialStore;
  readonly scryptParams: ScryptParams;
  readonly otpIssuer: string;
  /** The kiosk's delay between failed attempts, shared by every account and every process. */
  readonly throttle: SignInThrottle;
  private readonly sink: AuditSink;
  private readonly clock: () => number;

  constructor(deps: StaffAccessDeps) {
    this.accounts = new AccountStore(deps.stateRoot);
    this.policy = deps.policy;
    this.credentials = deps.credentials;
    this.sink = deps.audit;
    this.clock = deps.clock ?? Date.now;
    this.scryptParams = deps.scryptParams ?? CURRENT_SCRYPT_PARAMS;
    this.otpIssuer = deps.otpIssuer ?? 'public-kiosk';
    this.throttle = new SignInThrottle(deps.stateRoot, deps.audit, this.clock);
  }

  now(): number {
    return this.clock();
  }

  nowIso(): string {
    return new Date(this.clock()).toISOString();
  }

  /** Staff id, action and outcome: nothing typed, nothing secret. A failing sink fails the operation. */
  async audit(staffId: string, action: StaffAction, outcome: StaffAuditRecord['outcome']): Promise<void> {
    await this.sink.append({ type: 'staff', at: this.nowIso(), staffId, action, outcome });
  }

  /** A secret older than the policy's maximum age must be changed before anything else. */
  secretExpired(account: StaffAccount): boolean {
    const ageMs = this.clock() - Date.parse(account.changedAt);
    return ageMs >= this.policy.password.maxAgeDays * 24 * 60 * 60 * 1000;
  }

  /** The staff panel demands a new secret before anything else: too old, or chosen by the IT officer. */
  mustChangeSecret(account: StaffAccount): boolean {
    return account.secretSetByAdmin || this.secretExpired(account);
  }

  view(account: StaffAccount): StaffView {
    return {
      staffId: account.id,
      displayName: account.displayName,
      role: account.role,
      mustChangePassword: this.mustChangeSecret(account),
    };
  }
}
