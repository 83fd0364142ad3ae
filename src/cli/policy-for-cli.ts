import type { CliIo, OptionValues } from './command';
import { stringOption } from './command';
import { UsageError } from './exit-codes';
import { lastAppliedLayer } from './last-applied-for-cli';
import { formatPolicyIssue, loadPolicy, type LoadPolicyOptions, type PolicyIssue } from '../policy/load';
import type { Policy } from '../policy/schema';

/**
 * The effective policy for a CLI command: `--policy FILE` wins over PUBLIC_KIOSK_POLICY, both over
 * the machine file and the bundled default. An invalid policy is bad input (exit 2) listing every
 * problem as FILE:LINE:COL path: message; a command never runs on a policy it could not validate.
 */
export function policyForCli(values: OptionValues, io: CliIo, overrides: Partial<LoadPolicyOptions> = {}): { policy: Policy; sources: string[]; notes: PolicyIssue[] } {
  const explicitFile = stringOption(values, 'policy');
  if (explicitFile === '') throw new UsageError('--policy needs a file name');
  const result = loadPolicy({ env: io.env, ...(explicitFile !== undefined ? { explicitFile } : {}), ...lastAppliedLayer(values, io), ...overrides });
  if (!result.ok) {
    const count = result.errors.length;
    const lines = result.errors.map(formatPolicyIssue);
    throw new UsageError(`invalid policy (${count} ${count === 1 ? 'problem' : 'problems'}):\n${lines.join('\n')}`);
  }
  return { policy: result.policy, sources: result.sources, notes: result.notes };
}
