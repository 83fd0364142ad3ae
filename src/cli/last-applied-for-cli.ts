import { readFileSync } from 'node:fs';
import { verifyAuditLog } from '../audit/verify-log';
import { defaultMachinePolicyFile, loadPolicy, type LoadPolicyOptions } from '../policy/load';
import { PolicyPathError, resolvePolicyPaths } from '../policy/resolve-paths';
import { checkLastApplied, lastAppliedCopy, machinePathsLayer, newestAppliedPolicyHash } from '../policy-pickup/last-applied';
import { machinePolicyHash } from '../policy-pickup/observe';
import { errorCode } from '../state/atomic-file';
import type { CliIo, OptionSpec, OptionValues } from './command';
import { stringOption } from './command';
import { UsageError } from './exit-codes';

/**
 * `wipe --last-applied-policy=HASH`: the kiosk's start-up wipe after a relaunch that runs on the
 * state root's last-applied copy (src/policy-pickup/last-applied.ts), so the wipe empties the very
 * roots the kiosk runs with. The copy is looked for in the state root the machine policy file (or
 * the built-in defaults) names, never one the copy names, and is trusted on the same terms as at
 * the kiosk's start; anything else is bad input (exit 2) and nothing is wiped.
 */
export const lastAppliedOption: OptionSpec = { 'last-applied-policy': { type: 'string' } };
export const lastAppliedOptionHelp = {
  'last-applied-policy': "Run on the state root's last-applied machine policy copy with this sha256 (the kiosk's own start-up wipe after a relaunch).",
};

const wanted = (values: OptionValues): string | null => {
  const hash = stringOption(values, 'last-applied-policy');
  if (hash === undefined) return null;
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new UsageError('--last-applied-policy needs the copy\'s sha256 (64 hex digits)');
  return hash;
};

/**
 * The state root vouching for the copy: the machine file's `paths`', else the built-in defaults' (with a
 * development checkout's --policy FILE on top, as the kiosk it starts has; the packaged `wipe` refuses --policy).
 */
export function trustedStateRootForCli(values: OptionValues, io: CliIo, platform: NodeJS.Platform = process.platform): string {
  const explicitFile = stringOption(values, 'policy');
  const machineFile = defaultMachinePolicyFile(platform, io.env);
  const paths = machinePathsLayer(machineFile);
  const layers = [...(paths === null ? [] : [{ machineFile, machineContent: paths }]), { machineFile: null }];
  for (const layer of layers) {
    const loaded = loadPolicy({ env: io.env, platform, ...(explicitFile ? { explicitFile } : {}), ...layer });
    if (!loaded.ok) continue;
    try {
      return resolvePolicyPaths(loaded.policy, platform, io.env).state;
    } catch (error) {
      if (!(error instanceof PolicyPathError)) throw error;
    }
  }
  throw new UsageError(`--last-applied-policy: no state root to find the copy in (${defaultMachinePolicyFile(platform, io.env)} and the built-in defaults do not load)`);
}

/** The machine layer for policyForCli: the copy's bytes, read once and matching the hash asked for. */
export function lastAppliedLayer(values: OptionValues, io: CliIo): Partial<LoadPolicyOptions> {
  const hash = wanted(values);
  if (hash === null) return {};
  const file = lastAppliedCopy(trustedStateRootForCli(values, io));
  let content: Buffer | null;
  try {
    content = readFileSync(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw new UsageError(`--last-applied-policy: ${file} cannot be read (${errorCode(error) ?? String(error)})`);
    content = null;
  }
  if (machinePolicyHash(content) !== hash) throw new UsageError(`--last-applied-policy: ${file} is not the policy asked for`);
  return { machineFile: file, machineContent: content };
}

/** After the context is built: the roots must be the vouching state root's, its log must vouch for the hash. */
export async function vouchForLastApplied(values: OptionValues, io: CliIo, stateRoot: string, store: Parameters<typeof verifyAuditLog>[1]): Promise<void> {
  const hash = wanted(values);
  if (hash === null) return;
  const trusted = trustedStateRootForCli(values, io);
  if (trusted !== stateRoot) throw new UsageError('--last-applied-policy: the copy names another state root than the machine policy does');
  const verdict = await checkLastApplied({
    stateRoot,
    hash,
    newestAppliedHash: () => newestAppliedPolicyHash(stateRoot),
    auditLogVerifies: async () => (await verifyAuditLog(stateRoot, store)).ok,
  });
  if (!verdict.ok) throw new UsageError(`--last-applied-policy: ${verdict.reason}`);
}
