import { parseEndpoint, type CompliancePolicy } from '../policy/compliance-schema';
import type { ComplianceProbes, ConnectResult } from './probes';
import type { CheckOutcome } from './types';

export interface EndpointResult {
  endpoint: string;
  result: ConnectResult;
}

/**
 * Internal endpoints must not connect (one that does is a critical fail: the citizen zone reaches the
 * internal network); external ones must, or the result is `error` — a dead network cannot prove
 * separation. Nothing configured cannot prove anything either: warn, never pass.
 */
export function evaluateNetworkZone(internal: readonly EndpointResult[], external: readonly EndpointResult[]): CheckOutcome {
  const reachedInternal = internal.filter((r) => r.result === 'connected').map((r) => r.endpoint);
  const reachedExternal = external.filter((r) => r.result === 'connected').map((r) => r.endpoint);
  const evidence = {
    internalChecked: internal.length,
    internalReachable: reachedInternal,
    externalChecked: external.length,
    externalReachable: reachedExternal,
  };
  if (reachedInternal.length > 0) return { status: 'fail', severity: 'critical', evidence };
  if (internal.length === 0) return { status: 'warn', severity: 'medium', evidence: { ...evidence, reason: 'no-internal-endpoints-configured' } };
  if (external.length === 0) return { status: 'warn', severity: 'medium', evidence: { ...evidence, reason: 'no-external-endpoints-configured' } };
  if (reachedExternal.length === 0) return { status: 'error', evidence: { ...evidence, reason: 'network-down' } };
  return { status: 'pass', evidence };
}

/** All endpoints at once, each with the policy's timeout. */
export async function probeNetworkZone(probes: ComplianceProbes, policy: CompliancePolicy['networkZone']): Promise<CheckOutcome> {
  const test = (list: readonly string[]) =>
    Promise.all(
      list.map(async (endpoint): Promise<EndpointResult> => {
        const parsed = parseEndpoint(endpoint);
        if (!parsed) return { endpoint, result: 'unreachable' };
        return { endpoint, result: await probes.connect(parsed.host, parsed.port, policy.timeoutMs) };
      }),
    );
  const [internal, external] = await Promise.all([test(policy.internal), test(policy.external)]);
  return evaluateNetworkZone(internal, external);
}
