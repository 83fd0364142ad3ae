import { describe, expect, it } from 'vitest';
import { checkDefinitions } from '../../../src/compliance/checks';
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
    expect(k.complianceRecords[0]).toMatchObject({ type: 'compliance', platform: 'linux', counts: { pass: 7, warn: 1, fail: 0 } });
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
