import { describe, expect, it } from 'vitest';
import { escapeLabelValue, renderExposition } from '../../../src/metrics/exposition';
import { metricFamilies } from '../../../src/metrics/families';
import type { MetricsSnapshot } from '../../../src/metrics/snapshot';
import { promtool, runTool } from '../../support/prometheus-tools';

function snapshot(change: Partial<MetricsSnapshot> = {}): MetricsSnapshot {
  return {
    build: { version: '1.2.3', platform: 'linux', nodeVersion: '24.1.0' },
    lastWipes: [
      { scope: 'shift', endedAt: '2025-06-02T04:30:05.000Z', succeeded: true },
      { scope: 'session', endedAt: '2025-06-02T05:00:00.900Z', succeeded: false },
    ],
    lastScheduledShiftEnd: '2025-06-02T04:30:00.000Z',
    lastCoveredShiftEnd: '2025-06-02T04:30:00.000Z',
    outOfService: null,
    auditLog: { valid: true, records: 42 },
    compliance: null,
    policy: null,
    backlog: [],
    ...change,
  };
}

const render = (s: MetricsSnapshot) => renderExposition(metricFamilies(s));
const sample = (text: string, series: string) => text.split('\n').find((line) => line.startsWith(`${series} `))?.slice(series.length + 1);

describe('metric families', () => {
  it('carries the audit signing key fingerprint as a label, and no sample where records are not signed', () => {
    const fingerprint = 'ab'.repeat(32);
    expect(sample(render(snapshot({ signingKey: fingerprint })), `public_kiosk_audit_signing_key_info{fingerprint="${fingerprint}"}`)).toBe('1');
    expect(render(snapshot({ signingKey: null }))).not.toMatch(/^public_kiosk_audit_signing_key_info/m);
    expect(render(snapshot({ signingKey: null }))).toMatch(/^# TYPE public_kiosk_audit_signing_key_info gauge$/m);
  });

  it('writes the wipe times per scope in seconds and success as 0/1, under the agreed names', () => {
    const text = render(snapshot());
    expect(sample(text, 'public_kiosk_last_wipe_timestamp_seconds{scope="shift"}')).toBe('1748838605');
    expect(sample(text, 'public_kiosk_last_wipe_timestamp_seconds{scope="session"}')).toBe('1748840400');
    expect(sample(text, 'public_kiosk_last_wipe_success{scope="shift"}')).toBe('1');
    expect(sample(text, 'public_kiosk_last_wipe_success{scope="session"}')).toBe('0');
    expect(sample(text, 'public_kiosk_last_scheduled_shift_end_timestamp_seconds')).toBe('1748838600');
    expect(sample(text, 'public_kiosk_audit_log_records_total')).toBe('42');
    expect(sample(text, 'public_kiosk_build_info{version="1.2.3",platform="linux",nodejs="24.1.0"}')).toBe('1');
  });

  it('out of service: one series per reason, 1 only for the current one; an unknown reason is added', () => {
    const inService = render(snapshot());
    expect(inService.match(/^public_kiosk_out_of_service\{reason="[^"]+"\} 1$/gm)).toBeNull();
    expect(sample(inService, 'public_kiosk_out_of_service{reason="wipe-failed"}')).toBe('0');
    const failed = render(snapshot({ outOfService: 'wipe-failed' }));
    expect(failed.match(/^public_kiosk_out_of_service\{.*\} 1$/gm)).toEqual(['public_kiosk_out_of_service{reason="wipe-failed"} 1']);
    const odd = render(snapshot({ outOfService: 'from-a-newer-version' }));
    expect(sample(odd, 'public_kiosk_out_of_service{reason="from-a-newer-version"}')).toBe('1');
  });

  it('compliance: a state set per check (1 for its status, 0 for the four others), nothing before the first run', () => {
    expect(render(snapshot())).not.toMatch(/^public_kiosk_compliance_check_status\{/m);
    const text = render(snapshot({ compliance: { at: '2025-06-02T01:00:00.000Z', checks: [{ id: 'no-remote-access-tools', status: 'fail', severity: 'critical' }] } }));
    const lines = text.split('\n').filter((l) => l.startsWith('public_kiosk_compliance_check_status{'));
    expect(lines).toHaveLength(5);
    expect(lines.filter((l) => l.endsWith(' 1'))).toEqual(['public_kiosk_compliance_check_status{check="no-remote-access-tools",severity="critical",status="fail"} 1']);
    expect(sample(text, 'public_kiosk_compliance_last_run_timestamp_seconds')).toBe('1748826000');
  });

  it('every family has HELP and TYPE even with no samples (backlog with no destination)', () => {
    const text = render(snapshot());
    for (const name of ['reporting_backlog_records', 'compliance_check_status', 'policy_update_timestamp_seconds']) {
      expect(text).toContain(`# HELP public_kiosk_${name} `);
      expect(text).toContain(`# TYPE public_kiosk_${name} gauge`);
    }
    expect(text).not.toMatch(/^public_kiosk_reporting_backlog_records/m);
  });

  it('escapes label values a hostile destination name could use to forge a series', () => {
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    const text = render(snapshot({ backlog: [{ destination: 'evil"} 1\npublic_kiosk_out_of_service{reason="x\\', records: 7 }] }));
    expect(text.split('\n').filter((l) => l.startsWith('public_kiosk_out_of_service{') && l.endsWith(' 1'))).toEqual([]);
    expect(text).toContain('public_kiosk_reporting_backlog_records{destination="evil\\"} 1\\npublic_kiosk_out_of_service{reason=\\"x\\\\"} 7');
  });

  it('is a pure function of the snapshot', () => {
    expect(render(snapshot())).toBe(render(snapshot()));
    expect(render(snapshot({ policy: { event: 'rejected', at: '2025-06-02T02:00:00.000Z' } }))).toMatch(/^public_kiosk_policy_update_rejected 1$/m);
  });

  it('promtool check metrics is clean on a full file, hostile labels included', () => {
    const text = render(snapshot({
      outOfService: 'wipe-failed',
      compliance: { at: '2025-06-02T01:00:00.000Z', checks: [{ id: 'a', status: 'pass', severity: 'low' }, { id: 'b', status: 'error', severity: 'high' }] },
      policy: { event: 'applied', at: '2025-06-02T02:00:00.000Z' },
      backlog: [{ destination: 'syslog.so-yte.example:2514', records: 3 }, { destination: 'q"\\\n', records: 0 }],
    }));
    const result = runTool(promtool(), ['check', 'metrics'], text);
    expect(result).toEqual({ code: 0, output: '' });
  });

  it('promtool would have caught a broken file (the check can fail)', () => {
    const result = runTool(promtool(), ['check', 'metrics'], '# TYPE x_seconds counter\nx_seconds 1\n');
    expect(result.code).not.toBe(0);
  });
});
