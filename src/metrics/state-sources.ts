import { readLatestRecords } from '../audit/latest';
import { loadSigningKey } from '../audit/signing-key';
import { verifyAuditLogSince, type PeriodicVerification } from '../audit/verify-since';
import { expandPolicyPath, pathForPlatform } from '../policy/resolve-paths';
import type { Policy } from '../policy/schema';
import type { CredentialStore } from '../secrets/credential-store';
import { readServiceState } from '../state/service-state';
import type { AuditRecordInput } from '../audit/record-types';
import type { MetricsSources } from './collect';
import type { ForwardBacklogSource, MetricsSnapshot } from './snapshot';

export interface StateMetricsOptions {
  policy: Policy;
  stateRoot: string;
  store: CredentialStore | null;
  backlog: ForwardBacklogSource;
  build: MetricsSnapshot['build'];
  now?: () => Date;
}

/**
 * The metrics sources of a kiosk's state root: service state files and the audit log. The audit log is
 * read once per collection, from the last verified point on (src/audit/verify-since.ts): the newest
 * records and the verdict come from that one read, so a rewrite every minute costs the same in the
 * log's first week and its tenth year. `audit verify` stays the full check.
 */
export function stateMetricsSources(options: StateMetricsOptions): MetricsSources {
  const { stateRoot } = options;
  // collectMetricsSnapshot asks for the newest records, then the verdict: both from one verification.
  let pending: Promise<PeriodicVerification> | null = null;
  const verification = () => (pending ??= verifyAuditLogSince(stateRoot, options.store));
  return {
    schedule: options.policy.schedule,
    now: options.now ?? (() => new Date()),
    build: options.build,
    readServiceState: () => readServiceState(stateRoot),
    readLatest: async () => {
      pending = null;
      const latest = await verification().then(
        (v) => v.latest,
        () => null,
      );
      if (latest === null) return readLatestRecords(stateRoot, latestSelectors);
      return { sessionWipe: latest['wipe:session'] ?? null, shiftWipe: latest['wipe:shift'] ?? null, compliance: latest.compliance ?? null, policy: latest.policy ?? null };
    },
    verifyAuditLog: async () => {
      const result = verification();
      pending = null;
      return result;
    },
    backlog: options.backlog,
    readSigningKeyFingerprint: async () => (await loadSigningKey(options.store, false))?.fingerprint ?? null,
  };
}

const latestSelectors = {
  sessionWipe: (r: AuditRecordInput) => r.type === 'wipe' && r.scope === 'session',
  shiftWipe: (r: AuditRecordInput) => r.type === 'wipe' && r.scope === 'shift',
  compliance: (r: AuditRecordInput) => r.type === 'compliance',
  policy: (r: AuditRecordInput) => r.type === 'policy',
};

/** The policy's textfile-collector folder on this machine, or null when metrics are not configured. */
export function metricsTextfileDir(policy: Policy, platform: NodeJS.Platform, env: Record<string, string | undefined>): string | null {
  const value = policy.reporting.prometheus.textfileDir;
  const text = value === undefined ? undefined : pathForPlatform(value, platform);
  if (text === undefined) return null;
  const expanded = expandPolicyPath(text, platform, env);
  // The policy check refused a bad path already; reaching this means the environment changed since.
  if (!expanded.ok) throw new Error(`reporting.prometheus.textfileDir: ${expanded.message}`);
  return expanded.value;
}
