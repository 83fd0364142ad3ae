import type { MetricFamily, MetricSample } from './exposition';
import type { MetricsSnapshot } from './snapshot';

/**
 * Out-of-service reasons always written (0 or 1), so that a series exists before the first fault and
 * `public_kiosk_out_of_service == 1` is an alert expression on its own. Any other persisted reason
 * (a newer version's, a damaged file's) is written too when it is the current one.
 */
export const knownOutOfServiceReasons = [
  'wipe-failed',
  'session-clear-failed',
  'wipe-overdue',
  'journal-unfinished',
  'state-unreadable',
  'compliance',
  'internal-error',
] as const;

const complianceStatuses = ['pass', 'fail', 'warn', 'not-applicable', 'error'] as const;
const wipeScopes = ['session', 'shift'] as const;

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);
const flag = (on: boolean): number => (on ? 1 : 0);

/** The metric families of the textfile, from a snapshot. Pure: same snapshot, same bytes. */
export function metricFamilies(s: MetricsSnapshot): MetricFamily[] {
  const family = (name: string, type: MetricFamily['type'], help: string, samples: MetricSample[]): MetricFamily => ({ name: `public_kiosk_${name}`, type, help, samples });
  const wipes = wipeScopes.flatMap((scope) => s.lastWipes.filter((w) => w.scope === scope).slice(0, 1));
  const reasons: string[] = [...knownOutOfServiceReasons];
  if (s.outOfService !== null && !reasons.includes(s.outOfService)) reasons.push(s.outOfService);
  return [
    family('build_info', 'gauge', 'Version of the kiosk software that wrote this file (always 1).', [
      { labels: { version: s.build.version, platform: s.build.platform, nodejs: s.build.nodeVersion }, value: 1 },
    ]),
    family('last_wipe_timestamp_seconds', 'gauge', 'When the newest recorded wipe of each scope ended (Unix time).',
      wipes.map((w) => ({ labels: { scope: w.scope }, value: seconds(w.endedAt) }))),
    family('last_wipe_success', 'gauge', 'Whether the newest recorded wipe of each scope succeeded and verified (1) or failed (0).',
      wipes.map((w) => ({ labels: { scope: w.scope }, value: flag(w.succeeded) }))),
    family('last_scheduled_shift_end_timestamp_seconds', 'gauge', 'The latest scheduled shift end that has passed (Unix time); 0 when none in the last 8 days.', [
      { value: s.lastScheduledShiftEnd === null ? 0 : seconds(s.lastScheduledShiftEnd) },
    ]),
    family('last_covered_shift_end_timestamp_seconds', 'gauge', 'The latest shift end covered by a successful shift wipe (Unix time); 0 when none is recorded.', [
      { value: s.lastCoveredShiftEnd === null ? 0 : seconds(s.lastCoveredShiftEnd) },
    ]),
    family('out_of_service', 'gauge', 'Whether the kiosk is out of service (1) for this reason; 0 for every other reason.',
      reasons.map((reason) => ({ labels: { reason }, value: flag(s.outOfService === reason) }))),
    family('audit_log_valid', 'gauge', 'Whether the audit log verifies: every seal, the chain, the order and the head (1), or not (0).', [
      { value: flag(s.auditLog.valid) },
    ]),
    family('audit_log_records_total', 'counter', 'Records in the current audit log (starts again at 0 when a new log is started).', [
      { value: s.auditLog.records },
    ]),
    family('compliance_last_run_timestamp_seconds', 'gauge', 'When the newest compliance check (doctor) ran (Unix time); no sample before the first run.',
      s.compliance ? [{ value: seconds(s.compliance.at) }] : []),
    family('compliance_check_status', 'gauge', 'Status of each compliance check in the newest run: 1 for its status, 0 for the others.',
      (s.compliance?.checks ?? []).flatMap((check) =>
        complianceStatuses.map((status) => ({ labels: { check: check.id, severity: check.severity, status }, value: flag(check.status === status) })))),
    family('policy_update_rejected', 'gauge', 'Whether the newest change of the machine policy file was rejected (1): the kiosk keeps running its previous policy.', [
      { value: flag(s.policy?.event === 'rejected') },
    ]),
    family('policy_update_timestamp_seconds', 'gauge', 'When the machine policy file was last applied or rejected (Unix time); no sample before the first.',
      s.policy ? [{ labels: { event: s.policy.event }, value: seconds(s.policy.at) }] : []),
    family('audit_signing_key_info', 'gauge', "The audit signing key's fingerprint (sha256 of its Ed25519 public key), always 1; a change of label is a key change. No sample where records are not signed.",
      s.signingKey ? [{ labels: { fingerprint: s.signingKey }, value: 1 }] : []),
    family('reporting_backlog_records', 'gauge', 'Audit records not yet acknowledged by each reporting destination.',
      s.backlog.map((b) => ({ labels: { destination: b.destination }, value: b.records }))),
  ];
}
