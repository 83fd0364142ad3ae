import type { AuditRecordInput, AuditSink, StaffAuditRecord } from '../../audit/record-types';
import type { CredentialStore } from '../../secrets/credential-store';
import { STAFF_ID_PATTERN } from '../../staff/account-store';
import { consumeAccountOtp } from '../../staff/otp-verification';
import { StaffContext } from '../../staff/staff-context';
import type { StaffPolicy } from '../../staff/strength';
import { verifySecret } from '../../staff/verifier';
import type { Prompter } from './staff-prompt';

/** Staff records made while the log is being replaced: written to whichever log is current afterwards. */
export class HeldRecords implements AuditSink {
  readonly records: AuditRecordInput[] = [];
  append(record: AuditRecordInput): Promise<void> {
    this.records.push(record);
    return Promise.resolve();
  }

  async flushTo(sink: AuditSink): Promise<void> {
    for (const record of this.records.splice(0)) await sink.append(record);
  }
}

export type AdminConfirmation = { ok: true; staffId: string; otpChecked: boolean } | { ok: false; why: string };

/**
 * An admin at the terminal confirms with id, password and a fresh OTP code (the staff panel's rule
 * for admin actions). Where no credential store can be reached no OTP exists, so the password alone
 * is checked and the record says so. An unknown id and a wrong password get the same answer.
 */
export async function confirmAdmin(
  prompter: Prompter,
  deps: { stateRoot: string; policy: StaffPolicy; store: CredentialStore; storeReachable: boolean; held: HeldRecords },
): Promise<AdminConfirmation> {
  const context = new StaffContext({ stateRoot: deps.stateRoot, policy: deps.policy, credentials: deps.store, audit: deps.held });
  const id = (await prompter.visible('Admin staff id: ')).trim();
  const password = await prompter.hidden('Password: ');
  const account = STAFF_ID_PATTERN.test(id) ? await context.accounts.find(id) : undefined;
  const passwordOk = account ? await verifySecret(password, account.verifier) : false;
  const refusal = { ok: false as const, why: 'not an admin id and password' };
  const held = (staffId: string, outcome: StaffAuditRecord['outcome']) => deps.held.append({ type: 'staff', at: context.nowIso(), staffId, action: 'start-new-log', outcome });
  if (!account || !passwordOk || account.role !== 'admin') {
    await held(account ? account.id : '(unknown)', account && passwordOk ? 'denied' : 'failure');
    return refusal;
  }
  if (!deps.storeReachable) {
    await held(account.id, 'success');
    return { ok: true, staffId: account.id, otpChecked: false };
  }
  if (account.otp === null) {
    await held(account.id, 'denied');
    return { ok: false, why: `${account.id} has no OTP enrolled (staff totp-enrol)` };
  }
  // Audits the outcome itself (success, failure or a lock) into the held records.
  const checked = await consumeAccountOtp(context, account, (await prompter.visible('OTP code: ')).trim(), 'start-new-log');
  return checked.ok ? { ok: true, staffId: account.id, otpChecked: true } : { ok: false, why: `OTP ${checked.reason}` };
}
