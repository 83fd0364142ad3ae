import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AuditRecordInput, AuditSink } from '../../../src/audit/record-types';
import type { CredentialStore } from '../../../src/secrets/credential-store';
import { StaffAccess } from '../../../src/staff/staff-access';
import { StaffAdmin, type AccountDraft } from '../../../src/staff/staff-admin';
import type { StaffAccessDeps } from '../../../src/staff/staff-context';
import type { StaffPolicy } from '../../../src/staff/strength';
import { hotp, totpStep } from '../../../src/staff/totp';
import type { ScryptParams } from '../../../src/staff/verifier';

/** The directive's defaults (the policy's shipped values). */
export function directivePolicy(): StaffPolicy {
  return {
    password: { minLength: 12, requireLower: true, requireUpper: true, requireDigit: true, requireSymbol: true, maxAgeDays: 90 },
    pin: { allowed: true, minLength: 6 },
    idleSignOutSeconds: 120,
  };
}

/** Cheap enough for many tests; the real cost is tested once in verifier.test.ts. */
export const FAST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1, keyLength: 32 };

export class MemoryCredentialStore implements CredentialStore {
  readonly entries = new Map<string, string>();
  reachable = true;

  async available(): Promise<boolean> {
    return this.reachable;
  }
  async get(service: string, account: string): Promise<string | null> {
    this.check();
    return this.entries.get(`${service}\n${account}`) ?? null;
  }
  async set(service: string, account: string, secret: string): Promise<void> {
    this.check();
    this.entries.set(`${service}\n${account}`, secret);
  }
  async delete(service: string, account: string): Promise<boolean> {
    this.check();
    return this.entries.delete(`${service}\n${account}`);
  }
  async accounts(service: string): Promise<string[]> {
    this.check();
    return [...this.entries.keys()].filter((key) => key.startsWith(`${service}\n`)).map((key) => key.slice(service.length + 1));
  }
  private check(): void {
    if (!this.reachable) throw new Error('no store');
  }
}

export class RecordingAuditSink implements AuditSink {
  readonly records: AuditRecordInput[] = [];
  async append(record: AuditRecordInput): Promise<void> {
    this.records.push(record);
  }
  /** Action/outcome pairs of staff records, in order, for compact assertions ('(burst)' for a burst of failures). */
  staff(): string[] {
    return this.records.map((r) => (r.type === 'staff' ? `${r.staffId} ${r.action} ${r.outcome}` : r.type));
  }
}

export class FakeClock {
  constructor(public ms = Date.parse('2026-03-02T08:00:00.000Z')) {}
  readonly now = (): number => this.ms;
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export interface StaffFixture {
  deps: StaffAccessDeps & { clock: () => number };
  stateRoot: string;
  store: MemoryCredentialStore;
  audit: RecordingAuditSink;
  clock: FakeClock;
  cleanup(): void;
}

export function staffFixture(policy: StaffPolicy = directivePolicy()): StaffFixture {
  const stateRoot = mkdtempSync(path.join(tmpdir(), 'pk-staff-'));
  const store = new MemoryCredentialStore();
  const audit = new RecordingAuditSink();
  const clock = new FakeClock();
  const deps = { stateRoot, policy, credentials: store, audit, clock: clock.now, scryptParams: FAST_SCRYPT };
  return { deps, stateRoot, store, audit, clock, cleanup: () => rmSync(stateRoot, { recursive: true, force: true }) };
}

/** A six-digit code that is none of the three codes the ±1-step window accepts at `ms`. */
export function codeOutsideWindow(secret: Buffer, ms: number): string {
  const step = totpStep(ms);
  const valid = new Set([hotp(secret, step - 1), hotp(secret, step), hotp(secret, step + 1)]);
  let n = 0;
  while (valid.has(String(n).padStart(6, '0'))) n += 1;
  return String(n).padStart(6, '0');
}

/**
 * An account as it is once its owner has replaced the secret the IT officer set with `secret`
 * (`staff add`, then the forced change at the first sign-in): nothing is demanded of it any more.
 */
export async function addAccountWithOwnSecret(deps: StaffAccessDeps, draft: AccountDraft, secret: string): Promise<void> {
  const setByAdmin = draft.kind === 'pin' ? '480271' : 'Cap-Boi-CNTT-2026!';
  await new StaffAdmin(deps).add(draft, setByAdmin);
  const changed = await new StaffAccess(deps).changePassword(draft.id, setByAdmin, secret);
  if (!changed.ok) throw new Error(`own secret for ${draft.id} refused: ${changed.reason} ${changed.message ?? ''}`);
}
