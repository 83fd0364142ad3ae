import { readLatestRecords } from '../audit/latest';
import { loadSigningKey } from '../audit/signing-key';
import { verifyAuditLog } from '../audit/verify-log';
import { expandPolicyPath, pathForPlatform } from '../policy/resolve-paths';
import type { Policy } from '../policy/schema';
import type { CredentialStore } from '../secrets/credential-store';
import { readServiceState } from '../state/service-state';
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

/** The metrics sources of a kiosk's state root: service state files and the audit log. */
export function stateMetricsSources(options: StateMetricsOptions): MetricsSources {
  const { stateRoot } = options;
  return {
    schedule: options.policy.schedule,
    now: options.now ?? (() => new Date()),
    build: options.build,
    readServiceState: () => readServiceState(stateRoot),
    readLatest: () =>
      readLatestRecords(stateRoot, {
        sessionWipe: (r) => r.type === 'wipe' && r.scope === 'session',
        shiftWipe: (r) => r.type === 'wipe' && r.scope === 'shift',
        compliance: (r) => r.type === 'compliance',
        policy: (r) => r.type === 'policy',
      }),
    verifyAuditLog: () => verifyAuditLog(stateRoot, options.store),
    backlog: options.backlog,
    readSigningKeyFingerprint: async () => (await loadSigningKey(options.store, false))?.fingerprint ?? null,
  };
}

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
