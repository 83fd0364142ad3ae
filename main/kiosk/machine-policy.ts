import { readFile } from 'node:fs/promises';
import { readLatestRecords } from '../../src/audit/latest';
import type { AuditSink } from '../../src/audit/record-types';
import type { MachinePolicyObservation } from '../../src/policy-pickup/decide';
import { lastAppliedCopy } from '../../src/policy-pickup/last-applied';
import { machinePolicyHash } from '../../src/policy-pickup/observe';
import { errorCode, removeFileDurably, writeFileAtomic } from '../../src/state/atomic-file';
import type { MachinePolicyPort } from './policy-pickup';

export { lastAppliedCopy } from '../../src/policy-pickup/last-applied';

export interface MachinePolicyBoot {
  /** The real machine file (what GPO, Intune or Ansible change). */
  machineFile: string;
  /**
   * What this start loaded, read once: the machine file's bytes, or the last-applied copy's when it
   * runs on that copy (`standIn`, already vouched for by the boot plan); null when the file changed
   * while it was read (which content runs is unknown: none counts as running).
   */
  running: { hash: string; content: Buffer | null } | null;
  standIn: boolean;
  observe(file: string): Promise<MachinePolicyObservation>;
  validate: MachinePolicyPort['validate'];
  stateRoot: string;
  audit: AuditSink;
  /** Relaunch onto the last-applied copy with this hash (null: the machine file itself). */
  relaunch(hash: string | null): void;
  /** The shift wipe's relaunch runs on the last-applied copy with this hash (null: on the machine file). */
  relaunchOnCopy(hash: string | null): void;
  now(): Date;
  log(message: string): void;
}

/**
 * At start: the running policy's machine-file hash, recorded as applied when it is not the newest
 * applied one (first start, a restart after an edit). The bytes that run are kept as the last-applied
 * copy, so that a later rejected change cannot take the running policy away at the shift wipe's
 * relaunch. The newest rejected hash is handed on, so it is not reported twice.
 */
export async function machinePolicyAtBoot(boot: MachinePolicyBoot): Promise<MachinePolicyPort> {
  const runningHash = boot.running?.hash ?? '';
  const { policy: latest } = await readLatestRecords(boot.stateRoot, { policy: (r) => r.type === 'policy' });
  const last = latest?.type === 'policy' ? latest : null;
  if (boot.running && !boot.standIn) {
    if (!(last?.event === 'applied' && last.hash === runningHash)) {
      await boot.audit.append({ type: 'policy', at: boot.now().toISOString(), event: 'applied', hash: runningHash });
    }
    await keepCopy(lastAppliedCopy(boot.stateRoot), boot.running.content);
  }
  return {
    observe: () => boot.observe(boot.machineFile),
    validate: boot.validate,
    record: (record) => boot.audit.append(record),
    keepApplied: (content) => keepCopy(lastAppliedCopy(boot.stateRoot), content),
    relaunch: async (hash) => {
      // Only a copy that is exactly what was validated is relaunched on; else a fresh start judges the machine file.
      boot.relaunch((await hashOf(lastAppliedCopy(boot.stateRoot))) === hash ? hash : null);
    },
    relaunchOn: async (hash) => {
      const usable = hash !== null && hash !== '' && (await hashOf(lastAppliedCopy(boot.stateRoot))) === hash;
      if (hash !== null && !usable) boot.log('the last-applied policy copy is not what runs: the relaunch loads the machine file');
      boot.relaunchOnCopy(usable ? hash : null);
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

/** Writes exactly these bytes as the copy; no machine file → no copy (bundled policy only). */
async function keepCopy(copy: string, content: Buffer | null): Promise<void> {
  if (content === null) await removeFileDurably(copy);
  else await writeFileAtomic(copy, content);
}
