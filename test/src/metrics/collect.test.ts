import { describe, expect, it } from 'vitest';
import type { AuditRecordInput } from '../../../src/audit/record-types';
import { collectMetricsSnapshot, type MetricsSources } from '../../../src/metrics/collect';
import type { ServiceState } from '../../../src/state/service-state';
import { testPolicy } from '../shell/policy-fixture';

/** Monday 2025-06-02 12:00 in Ho Chi Minh City: the 11:30 shift end has passed. */
const NOON = new Date('2025-06-02T05:00:00.000Z');
const SHIFT_1130 = '2025-06-02T04:30:00.000Z';

function sources(change: { state?: Partial<ServiceState>; latest?: Partial<Awaited<ReturnType<MetricsSources['readLatest']>>>; verify?: MetricsSources['verifyAuditLog'] } = {}): MetricsSources {
  return {
    schedule: testPolicy().schedule,
    now: () => NOON,
    build: { version: 't', platform: 'linux', nodeVersion: '20' },
    readServiceState: async () => ({ outOfService: null, lastShiftWipe: null, journalPending: false, ...change.state }),
    readLatest: async () => ({ sessionWipe: null, shiftWipe: null, compliance: null, policy: null, ...change.latest }),
    verifyAuditLog: change.verify ?? (async () => ({ ok: true, records: 3 })),
    backlog: async () => [{ destination: 'relp-tls://127.0.0.1:2514', records: 9 }],
  };
}

const wipe = (scope: 'session' | 'shift', result: 'succeeded' | 'failed'): AuditRecordInput => ({
  type: 'wipe', scope, trigger: 'shift-end', startedAt: '2025-06-02T04:30:01.000Z', endedAt: '2025-06-02T04:30:02.000Z',
  durationMs: 1000, filesRemoved: 0, bytesRemoved: 0, verification: result === 'succeeded' ? 'passed' : 'failed', result, errors: [],
});

describe('collectMetricsSnapshot', () => {
  it('the shift end that has passed, and none covered before any shift wipe', async () => {
    const s = await collectMetricsSnapshot(sources());
    expect(s.lastScheduledShiftEnd).toBe(SHIFT_1130);
    expect(s.lastCoveredShiftEnd).toBeNull();
    expect(s.backlog).toEqual([{ destination: 'relp-tls://127.0.0.1:2514', records: 9 }]);
  });

  it('a shift wipe covers the shift ends at or before its time, as the due check counts them', async () => {
    const before = await collectMetricsSnapshot(sources({ state: { lastShiftWipe: { at: '2025-06-02T04:29:00.000Z', coveredShiftEnd: null } } }));
    expect(before.lastCoveredShiftEnd).toBe('2025-05-30T10:00:00.000Z'); // Friday 17:00: 11:30 is still owed
    const after = await collectMetricsSnapshot(sources({ state: { lastShiftWipe: { at: '2025-06-02T04:31:00.000Z', coveredShiftEnd: SHIFT_1130 } } }));
    expect(after.lastCoveredShiftEnd).toBe(SHIFT_1130);
  });

  it('a last-wipe file dated in the future (clock set back, or a forged file) covers nothing', async () => {
    const s = await collectMetricsSnapshot(sources({ state: { lastShiftWipe: { at: '2030-01-01T00:00:00.000Z', coveredShiftEnd: '2030-01-01T00:00:00.000Z' } } }));
    expect(s.lastCoveredShiftEnd).toBeNull();
  });

  it('a wipe counts as a success only when it succeeded and verified; per scope', async () => {
    const s = await collectMetricsSnapshot(sources({ latest: { shiftWipe: wipe('shift', 'succeeded'), sessionWipe: wipe('session', 'failed') } }));
    expect(s.lastWipes).toEqual([
      { scope: 'shift', endedAt: '2025-06-02T04:30:02.000Z', succeeded: true },
      { scope: 'session', endedAt: '2025-06-02T04:30:02.000Z', succeeded: false },
    ]);
  });

  it('an interrupted wipe still pending reads as out of service (journal-unfinished)', async () => {
    expect((await collectMetricsSnapshot(sources({ state: { journalPending: true } }))).outOfService).toBe('journal-unfinished');
    const both = await collectMetricsSnapshot(sources({ state: { journalPending: true, outOfService: { reason: 'wipe-failed', since: NOON.toISOString() } } }));
    expect(both.outOfService).toBe('wipe-failed');
  });

  it('an audit log that cannot be verified at all reads as invalid, never as valid', async () => {
    const s = await collectMetricsSnapshot(sources({ verify: async () => Promise.reject(new Error('EACCES')) }));
    expect(s.auditLog).toEqual({ valid: false, records: 0 });
  });
});
