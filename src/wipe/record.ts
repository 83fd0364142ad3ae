import { randomBytes } from 'node:crypto';
import type { WipeAuditRecord, WipeTrigger } from '../audit/record-types';
import type { ClipboardWipe } from './clipboard';
import type { CredentialWipe } from './credentials';
import type { TargetResult } from './remove-target';
import type { Verification } from './verify';

export function newWipeId(): string {
  return randomBytes(16).toString('hex');
}

export interface RecordInput {
  scope: 'session' | 'shift';
  trigger: WipeTrigger;
  wipeId: string;
  recoveredTrigger?: WipeTrigger | undefined;
  startedAt: Date;
  endedAt: Date;
  durationMs: number;
  results: TargetResult[];
  credentials: CredentialWipe;
  /** Absent: a record built without the clipboard step (recovery of an old journal): null. */
  clipboard?: ClipboardWipe;
  verification: Verification;
  canarySessions: number;
  /** Shift wipe: the scheduled shift end it covers, when one is known. */
  coveredShiftEnd?: Date | null;
}

const MAX_ERRORS = 20;

/** The audit record: counts, codes and target kinds only. SUCCEEDED only when nothing at all is left. */
export function buildWipeRecord(input: RecordInput): WipeAuditRecord {
  const clipboard = input.clipboard ?? { cleared: null, errors: [] };
  const allErrors = [...input.results.flatMap((r) => r.errors), ...input.credentials.errors, ...clipboard.errors, ...input.verification.errors];
  const errors =
    allErrors.length > MAX_ERRORS ? [...allErrors.slice(0, MAX_ERRORS - 1), `and ${allErrors.length - MAX_ERRORS + 1} more errors`] : allErrors;
  const verified = input.verification.passed && input.results.every((r) => r.clean);
  const succeeded = verified && input.credentials.errors.length === 0 && clipboard.cleared !== false;
  return {
    type: 'wipe',
    scope: input.scope,
    trigger: input.trigger,
    startedAt: input.startedAt.toISOString(),
    endedAt: input.endedAt.toISOString(),
    durationMs: Math.max(0, Math.round(input.durationMs)),
    filesRemoved: input.results.reduce((sum, r) => sum + r.removed.files, 0),
    bytesRemoved: input.results.reduce((sum, r) => sum + r.removed.bytes, 0),
    verification: verified ? 'passed' : 'failed',
    result: succeeded ? 'succeeded' : 'failed',
    errors,
    wipeId: input.wipeId,
    ...(input.recoveredTrigger ? { recoveredTrigger: input.recoveredTrigger } : {}),
    ...(input.scope === 'shift' ? { credentialEntriesRemoved: input.credentials.removed } : {}),
    canarySessionsChecked: input.canarySessions,
    ...(input.scope === 'shift' && input.coveredShiftEnd ? { coveredShiftEnd: input.coveredShiftEnd.toISOString() } : {}),
    clipboardCleared: clipboard.cleared,
  };
}
