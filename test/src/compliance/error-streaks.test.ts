import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import { complianceAuditRecord } from '../../../src/compliance/audit-record';
import { checkDefinitions } from '../../../src/compliance/checks';
import { ErrorStreaks } from '../../../src/compliance/error-streaks';
import { readPreviousComplianceRuns } from '../../../src/compliance/previous-runs';
import type { CheckStatus, ComplianceReport } from '../../../src/compliance/types';

const state = mkdtempSync(path.join(tmpdir(), 'pk-streaks-'));
afterAll(() => rmSync(state, { recursive: true, force: true }));

let minute = 0;
function report(statuses: Partial<Record<string, CheckStatus>>): ComplianceReport {
  minute += 1;
  return {
    version: 1,
    checkedAt: new Date(Date.UTC(2026, 11, 4, 2, minute)).toISOString(),
    platform: 'linux',
    checks: checkDefinitions.map((c) => ({ id: c.id, status: statuses[c.id] ?? 'pass', severity: c.severity, title: c.title, evidence: {}, remediation: c.remediation })),
  };
}

describe('errors in a row count as a fail (compliance.errorAsFailAfter)', () => {
  it('counts per id, only for outOfServiceOn ids, and any other answer starts again', () => {
    const streaks = new ErrorStreaks();
    const on = ['network-zone'] as const;
    expect(streaks.record(report({ 'network-zone': 'error', 'chat-apps': 'error' }), on, 2)).toEqual([]);
    expect(streaks.record(report({ 'network-zone': 'error', 'chat-apps': 'error' }), on, 2)).toEqual(['network-zone']);
    expect(streaks.record(report({ 'network-zone': 'fail' }), on, 2)).toEqual([]);
    expect(streaks.record(report({ 'network-zone': 'error' }), on, 2)).toEqual([]);
  });

  it('starts from the earlier runs in the real audit log, newest first, across other records', async () => {
    const log = openAuditLog(state, null);
    await log.append(complianceAuditRecord(report({ 'network-zone': 'error' })));
    await log.append(complianceAuditRecord(report({ 'network-zone': 'pass' })));
    await log.append(complianceAuditRecord(report({ 'network-zone': 'error' })));
    await log.append({ type: 'staff', at: new Date(Date.UTC(2026, 11, 4, 3)).toISOString(), staffId: '(unknown)', action: 'sign-in', outcome: 'failure' });
    await log.append(complianceAuditRecord(report({ 'network-zone': 'error' })));
    const previous = await readPreviousComplianceRuns(state, 100);
    expect(previous.map((r) => r.checks.find((c) => c.id === 'network-zone')?.status)).toEqual(['error', 'error', 'pass', 'error']);
    const streaks = new ErrorStreaks();
    streaks.seed(previous);
    // Two earlier errors in a row (the pass before them ends the run) and this one: three.
    expect(streaks.record(report({ 'network-zone': 'error' }), ['network-zone'], 3)).toEqual(['network-zone']);
    expect(await readPreviousComplianceRuns(path.join(state, 'none'), 5)).toEqual([]);
  });
});
