import { describe, expect, it } from 'vitest';
import { complianceAuditRecord } from '../../../src/compliance/audit-record';
import { checkDefinitions } from '../../../src/compliance/checks';
import { testPolicy } from '../../src/shell/policy-fixture';
import type { CheckStatus, ComplianceReport } from '../../../src/compliance/types';
import { makeShell, settle } from './harness';

function report(statuses: Partial<Record<string, CheckStatus>>): ComplianceReport {
  return {
    version: 1,
    checkedAt: '2025-06-02T02:00:00.000Z',
    platform: 'linux',
    checks: checkDefinitions.map((c) => ({ id: c.id, status: statuses[c.id] ?? 'pass', severity: c.severity, title: c.title, evidence: {}, remediation: c.remediation })),
  };
}

describe('kiosk: the compliance doctor', () => {
  it('runs at start and appends the compliance record; a clean machine stays in service', async () => {
    const k = makeShell({ complianceReports: [report({ 'kiosk-account': 'warn' })] });
    await k.start(null);
    await settle();
    expect(k.complianceRecords).toHaveLength(1);
    expect(k.complianceRecords[0]).toMatchObject({ type: 'compliance', platform: 'linux', counts: { pass: 8, warn: 1, fail: 0 } });
    expect(k.window.last?.state).toBe('welcome');
  });

  it('a fail of an outOfServiceOn id (remote-access) takes the kiosk out of service with reason compliance', async () => {
    const k = makeShell({ complianceReports: [report({ 'remote-access': 'fail' })] });
    await k.start(null);
    await settle();
    expect(k.window.last).toMatchObject({ state: 'out-of-service', outOfService: { reason: 'compliance' } });
    expect(await k.handlers['kiosk:start-session'](null)).toMatchObject({ ok: false });
    expect(k.compliance?.view()).toMatchObject({ outOfService: ['remote-access'] });
    // Persisted (a service record, \`status\`, a restart all see it), cleared only by a shift wipe.
    expect(k.outOfService).toEqual(['compliance']);
  });

  it('a fail outside outOfServiceOn, or an error of one inside it, is recorded but keeps the kiosk serving', async () => {
    const k = makeShell({ complianceReports: [report({ 'chat-apps': 'fail', 'network-zone': 'error' })] });
    await k.start(null);
    await settle();
    expect(k.complianceRecords[0]!.counts).toMatchObject({ fail: 1, error: 1 });
    expect(k.outOfService).toEqual([]);
    expect(k.window.last?.state).toBe('welcome');
  });

  it('an outOfServiceOn check answering error on errorAsFailAfter runs in a row (default 3, earlier runs from the audit log) counts as its fail', async () => {
    const earlier = (status: CheckStatus) => complianceAuditRecord(report({ 'network-zone': status, 'chat-apps': 'error' }));
    // Two earlier errors (before two relaunches) and this one: three in a row.
    const k = makeShell({ complianceReports: [report({ 'network-zone': 'error', 'chat-apps': 'error' })], previousComplianceRuns: [earlier('error'), earlier('error'), earlier('pass')] });
    await k.start(null);
    await settle();
    expect(k.window.last).toMatchObject({ state: 'out-of-service', outOfService: { reason: 'compliance' } });
    expect(k.compliance?.view()).toMatchObject({ outOfService: ['network-zone'] });
    expect(k.log.join('\n')).toContain('network-zone answered error 3 runs in a row');
    // A pass between the errors starts the count again; chat-apps is not in outOfServiceOn.
    const broken = makeShell({ complianceReports: [report({ 'network-zone': 'error', 'chat-apps': 'error' })], previousComplianceRuns: [earlier('error'), earlier('pass'), earlier('error')] });
    await broken.start(null);
    await settle();
    expect(broken.outOfService).toEqual([]);
    expect(broken.window.last?.state).toBe('welcome');
  });

  it('errorAsFailAfter from the policy: 1 makes a single error a fail', async () => {
    const k = makeShell({ policy: testPolicy((p) => void (p.compliance.errorAsFailAfter = 1)), complianceReports: [report({ 'remote-access': 'error' })] });
    await k.start(null);
    await settle();
    expect(k.outOfService).toEqual(['compliance']);
  });

  it('after the shift wipe (relaunched kiosk, start-up wipe done) it runs again: a tool installed during the day takes the kiosk out', async () => {
    const day = makeShell({ complianceReports: [report({})] });
    await day.start(null);
    await day.clock.advanceTo(new Date('2025-06-02T11:31:00+07:00'));
    expect(day.relaunches).toEqual(['shift-end']);
    const next = makeShell({ lastShiftWipeCovered: null, startup: { ran: true, ok: true, detail: '' }, relaunchedForWipe: true, complianceReports: [report({ 'remote-access': 'fail' })] });
    await next.start(null);
    await settle();
    // Once, after the start-up shift wipe: not also while it was running.
    expect(next.complianceRecords).toHaveLength(1);
    expect(next.complianceRecords.at(-1)!.checks[0]).toEqual({ id: 'remote-access', status: 'fail', severity: 'critical' });
    expect(next.window.last).toMatchObject({ state: 'out-of-service', outOfService: { reason: 'compliance' } });
  });

  it('staff:compliance gives nothing to someone not signed in', async () => {
    const k = makeShell({ complianceReports: [report({})] });
    await k.start(null);
    await settle();
    expect(await k.handlers['staff:compliance']()).toBeNull();
  });
});
