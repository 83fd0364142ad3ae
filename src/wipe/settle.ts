import type { AuditSink, WipeAuditRecord } from '../audit/record-types';
import { clearOutOfService, markOutOfService, readServiceState, recordShiftWipe } from '../state/service-state';
import { forgetCanaries } from './canaries';
import { clearJournal } from './journal';
import type { WipeOutcome } from './types';

export interface SettleInput {
  stateRoot: string;
  audit: AuditSink;
  record: WipeAuditRecord;
  recordWritten: boolean;
  coveredShiftEnd: Date | null;
  /** Sessions whose canaries this wipe scanned for; a successful shift wipe retires them. */
  canarySessionIds: string[];
}

/**
 * What follows the record, then the journal is cleared. Idempotent, so crash recovery can run it
 * again for a wipe whose record was written just before the crash.
 * - FAILED, or a record the audit log would not take: out of service (flag first, then its record).
 * - A successful SHIFT wipe: last shift wipe saved, canaries retired, back in service. A session
 *   wipe never puts the kiosk back in service: it does not prove the whole machine clean.
 */
export async function settleWipe(input: SettleInput): Promise<WipeOutcome> {
  const { stateRoot, audit, record, recordWritten } = input;
  const ok = record.result === 'succeeded' && recordWritten;
  if (!ok) {
    const reason = recordWritten ? 'wipe-failed' : 'audit-unavailable';
    await markOutOfService(stateRoot, reason, audit, new Date(record.endedAt)).catch(async (error: unknown) => {
      // The flag is written before its audit record: only a flag that is not there is fatal.
      if ((await readServiceState(stateRoot)).outOfService === null) throw error;
    });
  } else if (record.scope === 'shift') {
    await recordShiftWipe(stateRoot, new Date(record.endedAt), input.coveredShiftEnd);
    await forgetCanaries(stateRoot, input.canarySessionIds);
    // If the in-service record cannot be written the kiosk stays out of service: fail closed.
    await clearOutOfService(stateRoot, 'shift-wipe-succeeded', audit).catch(() => undefined);
  }
  await clearJournal(stateRoot);
  return { ok, record, recordWritten };
}
