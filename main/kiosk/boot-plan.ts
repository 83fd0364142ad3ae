import type { ResolvedPolicyPaths } from '../../src/policy/resolve-paths';
import { PolicyPathError, resolvePolicyPaths } from '../../src/policy/resolve-paths';
import { formatPolicyIssue, loadPolicy } from '../../src/policy/load';
import type { Policy } from '../../src/policy/schema';
import { machinePathsLayer } from '../../src/policy-pickup/last-applied';
import { LAST_APPLIED_POLICY } from '../../src/shell/launch-switches';
import type { ShellMode } from '../../src/shell/security-settings';

/**
 * What the kiosk needs before Electron is ready (userData must be set by then): the mode, the
 * policy and its data roots. Any problem at all leaves policy null: the kiosk then shows the
 * out-of-service screen and never a site, and the problems are logged for the IT officer.
 */
export interface BootPlan {
  mode: ShellMode;
  policyFile: string | undefined;
  policy: Policy | null;
  roots: ResolvedPolicyPaths | null;
  problems: string[];
}

/** `--policy FILE` or `--policy=FILE` (development and tests; installs use PUBLIC_KIOSK_POLICY or the machine file). */
export function policyArgument(argv: readonly string[]): string | undefined {
  const index = argv.findIndex((a) => a === '--policy' || a.startsWith('--policy='));
  if (index < 0) return undefined;
  const arg = argv[index] ?? '';
  return arg === '--policy' ? argv[index + 1] : arg.slice('--policy='.length);
}

/** The machine layer a start loads: the OS location (undefined), none (file null), or bytes already read. */
export interface MachineLayer {
  file: string | null;
  content?: Buffer | null;
}

export function planBoot(argv: readonly string[], env: Record<string, string | undefined>, platform: NodeJS.Platform, machine?: MachineLayer): BootPlan {
  const mode = { dev: argv.includes('--dev') };
  const policyFile = policyArgument(argv);
  const layer = machine === undefined ? {} : { machineFile: machine.file, ...(machine.content !== undefined ? { machineContent: machine.content } : {}) };
  const loaded = loadPolicy({ env, platform, ...layer, ...(policyFile === undefined ? {} : { explicitFile: policyFile }) });
  if (!loaded.ok) return { mode, policyFile, policy: null, roots: null, problems: loaded.errors.map(formatPolicyIssue) };
  try {
    return { mode, policyFile, policy: loaded.policy, roots: resolvePolicyPaths(loaded.policy, platform, env), problems: [] };
  } catch (error) {
    if (!(error instanceof PolicyPathError)) throw error;
    return { mode, policyFile, policy: null, roots: null, problems: [error.message] };
  }
}

/** The hash of a relaunch's `--last-applied-policy=HASH`, or null for a plain start. */
export function lastAppliedArgument(argv: readonly string[]): string | null {
  const arg = argv.find((a) => a.startsWith(`${LAST_APPLIED_POLICY}=`));
  const hash = arg?.slice(LAST_APPLIED_POLICY.length + 1) ?? '';
  return /^[0-9a-f]{64}$/.test(hash) ? hash : null;
}

/**
 * The state root a last-applied copy is looked for in: the one the machine policy file's `paths`
 * name (the file may be rejected for another mistake), or, when those do not load, the built-in
 * per-OS defaults' (with the bundled policy). Never one
 * the copy names for itself: a copy is only trusted in the state root that vouches for it.
 */
export function trustedStateRoot(argv: readonly string[], env: Record<string, string | undefined>, platform: NodeJS.Platform, machineFile: string): string | null {
  const paths = machinePathsLayer(machineFile);
  const fromMachineFile = paths === null ? null : planBoot(argv, env, platform, { file: machineFile, content: paths }).roots?.state;
  return fromMachineFile ?? planBoot(argv, env, platform, { file: null }).roots?.state ?? null;
}
