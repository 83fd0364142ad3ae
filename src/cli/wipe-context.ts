import path from 'node:path';
import { openAuditLog, type AuditLog } from '../audit/audit-log';
import type { CliIo, OptionValues } from './command';
import { stringOption } from './command';
import { UsageError } from './exit-codes';
import { policyForCli } from './policy-for-cli';
import { PolicyPathError, resolvePolicyPaths } from '../policy/resolve-paths';
import type { Policy } from '../policy/schema';
import type { CredentialStore } from '../secrets/credential-store';
import { createOsCredentialStore } from '../secrets/os-credential-store';
import { latestShiftEndAtOrBefore } from '../schedule/shift-ends';
import { recoverInterruptedWipe } from '../wipe/recover';
import { WipeRefusedError, type WipeDeps, type WipeOutcome } from '../wipe/types';

/** What `wipe`, `status` and `audit verify` share: the policy's roots with the CLI's overrides, the store, the log. */
export interface WipeCliContext {
  deps: WipeDeps;
  audit: AuditLog;
  store: CredentialStore;
  policy: Policy;
  policySources: string[];
}

const rootFlags = [
  ['session-data', 'sessionData'],
  ['downloads', 'downloads'],
  ['state', 'state'],
] as const;

export function wipeContextForCli(values: OptionValues, io: CliIo): WipeCliContext {
  const { policy, sources } = policyForCli(values, io);
  const paths = { ...policy.paths };
  for (const [flag, field] of rootFlags) {
    const given = stringOption(values, flag);
    if (given === undefined) continue;
    if (given.trim() === '') throw new UsageError(`--${flag} needs a folder`);
    paths[field] = path.resolve(given);
  }
  let roots;
  try {
    roots = resolvePolicyPaths({ ...policy, paths } as Policy, process.platform, io.env);
  } catch (error) {
    if (error instanceof PolicyPathError) throw new UsageError(`policy: ${error.message}`);
    throw error;
  }
  const store = rememberAvailability(createOsCredentialStore());
  const audit = openAuditLog(roots.state, store, { sign: true });
  const deps: WipeDeps = {
    roots,
    credentialServices: [...policy.wipe.credentialServices],
    credentialStore: store,
    audit,
    shiftEndCoveredAt: (at) => latestShiftEndAtOrBefore(policy.schedule, at),
  };
  return { deps, audit, store, policy, policySources: sources };
}

/** The OS store's availability probe writes and deletes an entry: one probe per CLI run is enough. */
function rememberAvailability(store: CredentialStore): CredentialStore {
  let available: Promise<boolean> | undefined;
  return {
    available: () => (available ??= store.available()),
    get: (service, account) => store.get(service, account),
    set: (service, account, secret) => store.set(service, account, secret),
    delete: (service, account) => store.delete(service, account),
    accounts: (service) => store.accounts(service),
  };
}

/** Every command's first step: finish an interrupted wipe, saying so. A refusal is bad input (exit 2). */
export async function recoverForCli(context: WipeCliContext, io: CliIo): Promise<WipeOutcome | null> {
  try {
    const outcome = await recoverInterruptedWipe(context.deps);
    if (outcome) {
      const result = outcome.ok ? 'SUCCEEDED' : 'FAILED (the kiosk is out of service)';
      io.stderr.write(`public-kiosk: finished an interrupted ${outcome.record.scope} wipe first: ${result}\n`);
    }
    return outcome;
  } catch (error) {
    throw asUsageError(error);
  }
}

export function asUsageError(error: unknown): unknown {
  return error instanceof WipeRefusedError ? new UsageError(error.message) : error;
}
