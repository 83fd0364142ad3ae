import { readLatestRecords } from '../../src/audit/latest';
import type { AuditSink } from '../../src/audit/record-types';
import type { MachinePolicyObservation } from '../../src/policy-pickup/decide';
import type { MachinePolicyPort } from './policy-pickup';

export interface MachinePolicyBoot {
  /** What the machine file was just before the policy was loaded at this start. */
  observedAtBoot: MachinePolicyObservation;
  observe(): Promise<MachinePolicyObservation>;
  validate: MachinePolicyPort['validate'];
  stateRoot: string;
  audit: AuditSink;
  relaunch(): void;
  now(): Date;
}

/**
 * The running policy's machine-file hash, recorded as applied when it is not the newest applied one
 * (the first start, a restart after an edit, the relaunch after a pick-up whose record was written
 * by the process before). The newest rejected hash is handed on, so it is not reported twice.
 */
export async function machinePolicyAtBoot(boot: MachinePolicyBoot): Promise<MachinePolicyPort> {
  const after = await boot.observe();
  const before = boot.observedAtBoot;
  // Changed while the policy was being loaded: which content runs is unknown, so none counts as running.
  const stable = before.state !== 'changing' && after.state !== 'changing' && before.hash === after.hash;
  const runningHash = stable ? before.hash : '';
  const { policy: latest } = await readLatestRecords(boot.stateRoot, { policy: (r) => r.type === 'policy' });
  const last = latest?.type === 'policy' ? latest : null;
  if (stable && !(last?.event === 'applied' && last.hash === runningHash)) {
    await boot.audit.append({ type: 'policy', at: boot.now().toISOString(), event: 'applied', hash: runningHash });
  }
  return {
    observe: boot.observe,
    validate: boot.validate,
    record: (record) => boot.audit.append(record),
    relaunch: boot.relaunch,
    runningHash,
    rejectedHash: last?.event === 'rejected' ? last.hash : null,
  };
}
