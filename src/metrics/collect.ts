import type { AuditRecordInput, ComplianceAuditRecord, PolicyAuditRecord, WipeAuditRecord } from '../audit/record-types';
import type { Policy } from '../policy/schema';
import { latestShiftEndAtOrBefore } from '../schedule/shift-ends';
import type { ServiceState } from '../state/service-state';
import type { ForwardBacklogSource, MetricsSnapshot } from './snapshot';

/** What the collection reads, as ports: the CLI and the kiosk pass the real state root; tests pass fakes. */
export interface MetricsSources {
  schedule: Policy['schedule'];
  now(): Date;
  build: MetricsSnapshot['build'];
  readServiceState(): Promise<ServiceState>;
  readLatest(): Promise<{ sessionWipe: AuditRecordInput | null; shiftWipe: AuditRecordInput | null; compliance: AuditRecordInput | null; policy: AuditRecordInput | null }>;
  verifyAuditLog(): Promise<{ ok: boolean; records: number }>;
  backlog: ForwardBacklogSource;
  /** The signing key's fingerprint (never creates one); absent: not read. */
  readSigningKeyFingerprint?(): Promise<string | null>;
}

/** Reads one snapshot. A source that fails is reported as the bad value, never as a good one. */
export async function collectMetricsSnapshot(sources: MetricsSources): Promise<MetricsSnapshot> {
  const now = sources.now();
  const state = await sources.readServiceState();
  const latest = await sources.readLatest();
  const audit = await sources.verifyAuditLog().catch(() => ({ ok: false, records: 0 }));
  const backlog = await sources.backlog();
  const signingKey = sources.readSigningKeyFingerprint ? await sources.readSigningKeyFingerprint().catch(() => null) : undefined;
  const wipes = [latest.shiftWipe, latest.sessionWipe].filter((r): r is WipeAuditRecord => r?.type === 'wipe');
  const compliance = latest.compliance?.type === 'compliance' ? (latest.compliance as ComplianceAuditRecord) : null;
  const policy = latest.policy?.type === 'policy' ? (latest.policy as PolicyAuditRecord) : null;
  const outOfService = state.outOfService?.reason ?? (state.journalPending ? 'journal-unfinished' : null);
  return {
    build: sources.build,
    lastWipes: wipes.map((w) => ({ scope: w.scope, endedAt: w.endedAt, succeeded: w.result === 'succeeded' && w.verification === 'passed' })),
    lastScheduledShiftEnd: latestShiftEndAtOrBefore(sources.schedule, now)?.toISOString() ?? null,
    lastCoveredShiftEnd: coveredShiftEnd(sources.schedule, state.lastShiftWipe, now),
    outOfService,
    auditLog: { valid: audit.ok, records: audit.records },
    compliance: compliance ? { at: compliance.at, checks: compliance.checks } : null,
    policy: policy ? { event: policy.event, at: policy.at } : null,
    backlog,
    ...(signingKey === undefined ? {} : { signingKey }),
  };
}

/**
 * As the due check counts it: a shift wipe covers every shift end at or before the time it ran. A
 * record dated in the future proves nothing (the clock was wrong), so it covers nothing.
 */
function coveredShiftEnd(schedule: Policy['schedule'], last: ServiceState['lastShiftWipe'], now: Date): string | null {
  if (!last) return null;
  const at = Date.parse(last.at);
  if (!Number.isFinite(at) || at > now.getTime()) return null;
  return latestShiftEndAtOrBefore(schedule, new Date(at))?.toISOString() ?? null;
}
