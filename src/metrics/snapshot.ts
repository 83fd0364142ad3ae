import type { ComplianceAuditRecord } from '../audit/record-types';

/** A reporting destination's unsent records (the syslog forwarder's cursor lag). */
export interface ForwardBacklog {
  destination: string;
  records: number;
}

/**
 * Port for the reporting backlog: the syslog forwarder implements it. Where no forwarder is wired the
 * caller passes `noForwardBacklog`, and the metric family is still written (empty), so that alert
 * rules and dashboards see a kiosk that reports nothing rather than a metric that does not exist.
 */
export type ForwardBacklogSource = () => Promise<ForwardBacklog[]>;
export const noForwardBacklog: ForwardBacklogSource = async () => [];

/** Everything the metrics file says, read at one moment. The file is a pure function of this. */
export interface MetricsSnapshot {
  build: { version: string; platform: string; nodeVersion: string };
  /** The newest wipe record of each scope that has one. */
  lastWipes: { scope: 'session' | 'shift'; endedAt: string; succeeded: boolean }[];
  /** The latest scheduled shift end at or before now (null: none in the look-back window). */
  lastScheduledShiftEnd: string | null;
  /** The latest shift end a successful shift wipe covers (null: none recorded). */
  lastCoveredShiftEnd: string | null;
  /** The reason code the kiosk is out of service for, or null when in service. */
  outOfService: string | null;
  /** The audit log verifies (seals, chain, head), and how many records it holds. */
  auditLog: { valid: boolean; records: number };
  compliance: Pick<ComplianceAuditRecord, 'at' | 'checks'> | null;
  /** The newest machine-policy pick-up record: a rejected change means the kiosk runs an older policy. */
  policy: { event: 'applied' | 'rejected'; at: string } | null;
  backlog: ForwardBacklog[];
  /** Fingerprint of the audit signing key (sha256 of its public key), null where records are not signed. */
  signingKey?: string | null;
}
