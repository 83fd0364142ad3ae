import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readLatestRecords } from '../../src/audit/latest';
import type { AuditSink } from '../../src/audit/record-types';
import type { MachinePolicyObservation } from '../../src/policy-pickup/decide';
import { machinePolicyHash } from '../../src/policy-pickup/observe';
import { errorCode, removeFileDurably, writeFileAtomic } from '../../src/state/atomic-file';
import type { MachinePolicyPort } from './policy-pickup';

export interface MachinePolicyBoot {
  /** The machine file this start loaded: the real one, or the last applied copy standing in for a rejected one. */
  fileInUse: string;
  /** The real machine file (what GPO, Intune or Ansible change). */
  machineFile: string;
  /** What `fileInUse` was just before the policy was loaded at this start. */
  observedAtBoot: MachinePolicyObservation;
  observe(file: string): Promise<MachinePolicyObservation>;
  validate: MachinePolicyPort['validate'];
  stateRoot: string;
  audit: AuditSink;
  /** Relaunch onto the real machine file (a valid change was applied). */
  relaunch(): void;
  /** The next relaunch loads `copy` in place of the machine file (null: the machine file itself). */
  standInForRelaunch(copy: string | null): void;
  /** Whether the state root's audit log verifies (seals, chain, head; keyed where a key exists). */
  auditLogVerifies(): Promise<boolean>;
  now(): Date;
}

/**
 * This start was handed a stand-in for the machine file that the kiosk cannot vouch for. The stand-in
 * arrives in an environment variable (the relaunch inherits it), so whoever can set the kiosk's
 * environment could name any file: it is trusted only when it is this state root's last-applied copy
 * and its hash is the newest `applied` record of an audit log that verifies. Otherwise the kiosk must
 * not serve on the policy it loaded.
 */
export class UntrustedStandInError extends Error {
  constructor(reason: string) {
    super(`the machine policy stand-in is not trusted (${reason}): not serving on it`);
    this.name = 'UntrustedStandInError';
  }
}

/** The machine file's content the running policy came from, kept in the state root. */
export const lastAppliedCopy = (stateRoot: string): string => path.join(stateRoot, 'machine-policy.last-applied.yaml');

/**
 * At start: the running policy's machine-file hash, recorded as applied when it is not the newest
 * applied one (first start, a restart after an edit, the relaunch after a pick-up whose record the
 * process before wrote). The content is kept as the last applied copy, so that a later rejected
 * change cannot take the running policy away at the shift wipe's relaunch. The newest rejected hash
 * is handed on, so it is not reported twice.
 */
export async function machinePolicyAtBoot(boot: MachinePolicyBoot): Promise<MachinePolicyPort> {
  const after = await boot.observe(boot.fileInUse);
  const before = boot.observedAtBoot;
  // Changed while the policy was being loaded: which content runs is unknown, so none counts as running.
  const stable = before.state !== 'changing' && after.state !== 'changing' && before.hash === after.hash;
  const runningHash = stable ? before.hash : '';
  const standIn = boot.fileInUse !== boot.machineFile;
  const { policy: latest, applied } = await readLatestRecords(boot.stateRoot, {
    policy: (r) => r.type === 'policy',
    applied: (r) => r.type === 'policy' && r.event === 'applied',
  });
  const last = latest?.type === 'policy' ? latest : null;
  if (standIn) {
    const appliedHash = applied?.type === 'policy' ? applied.hash : null;
    if (path.resolve(boot.fileInUse) !== path.resolve(lastAppliedCopy(boot.stateRoot))) throw new UntrustedStandInError('not this state root\'s last-applied copy');
    if (!stable || appliedHash !== runningHash) throw new UntrustedStandInError('not the last applied policy');
    if (!(await boot.auditLogVerifies())) throw new UntrustedStandInError('the audit log does not verify');
  }
  if (stable && !standIn) {
    if (!(last?.event === 'applied' && last.hash === runningHash)) {
      await boot.audit.append({ type: 'policy', at: boot.now().toISOString(), event: 'applied', hash: runningHash });
    }
    await keepCopy(boot.machineFile, lastAppliedCopy(boot.stateRoot), runningHash);
  }
  return {
    observe: () => boot.observe(boot.machineFile),
    validate: boot.validate,
    record: (record) => boot.audit.append(record),
    relaunch: boot.relaunch,
    relaunchKeepsRunningPolicy: async (keep) => {
      const copy = standIn ? boot.fileInUse : lastAppliedCopy(boot.stateRoot);
      // Only a copy that is exactly what runs may stand in; else the relaunch judges the machine file itself.
      const usable = keep && runningHash !== '' && (await hashOf(copy)) === runningHash;
      boot.standInForRelaunch(usable ? copy : null);
    },
    runningHash,
    rejectedHash: last?.event === 'rejected' ? last.hash : null,
  };
}

/** The hash a file would load as (a missing file: the empty hash, i.e. no machine layer). */
async function hashOf(file: string): Promise<string | null> {
  const bytes = await readFile(file).catch((error: unknown) => (errorCode(error) === 'ENOENT' ? null : Promise.reject(error)));
  return machinePolicyHash(bytes);
}

/** Copies the machine file if it still hashes to what runs; no machine file → no copy (bundled policy only). */
async function keepCopy(machineFile: string, copy: string, runningHash: string): Promise<void> {
  const bytes = await readFile(machineFile).catch((error: unknown) => (errorCode(error) === 'ENOENT' ? null : Promise.reject(error)));
  if (bytes === null) {
    if (runningHash === machinePolicyHash(null)) await removeFileDurably(copy);
    return;
  }
  const text = bytes.toString('utf8');
  if (machinePolicyHash(Buffer.from(text, 'utf8')) !== runningHash) return; // changed since, or not UTF-8: keep the older copy
  await writeFileAtomic(copy, text);
}
