import type { ResolvedPolicyPaths } from '../../src/policy/resolve-paths';
import { PolicyPathError, resolvePolicyPaths } from '../../src/policy/resolve-paths';
import { formatPolicyIssue, loadPolicy } from '../../src/policy/load';
import type { Policy } from '../../src/policy/schema';
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

export function planBoot(argv: readonly string[], env: Record<string, string | undefined>, platform: NodeJS.Platform): BootPlan {
  const mode = { dev: argv.includes('--dev') };
  const policyFile = policyArgument(argv);
  const loaded = loadPolicy(policyFile === undefined ? { env, platform } : { explicitFile: policyFile, env, platform });
  if (!loaded.ok) return { mode, policyFile, policy: null, roots: null, problems: loaded.errors.map(formatPolicyIssue) };
  try {
    return { mode, policyFile, policy: loaded.policy, roots: resolvePolicyPaths(loaded.policy, platform, env), problems: [] };
  } catch (error) {
    if (!(error instanceof PolicyPathError)) throw error;
    return { mode, policyFile, policy: null, roots: null, problems: [error.message] };
  }
}
