import { describe, expect, it } from 'vitest';
import { faultFromServiceState } from '../../../src/shell/service-fault';

const since = '2025-06-02T04:30:00.000Z';
const inService = { outOfService: null, lastShiftWipe: null, journalPending: false };

describe('faultFromServiceState', () => {
  it.each([
    [inService, null],
    [{ ...inService, journalPending: true }, 'journal-unfinished'],
    [{ ...inService, outOfService: { reason: 'wipe-failed', since } }, 'wipe-failed'],
    [{ ...inService, outOfService: { reason: 'session-clear-failed', since } }, 'wipe-failed'],
    [{ ...inService, outOfService: { reason: 'wipe-overdue', since } }, 'wipe-overdue'],
    [{ ...inService, outOfService: { reason: 'compliance', since } }, 'compliance'],
    [{ ...inService, outOfService: { reason: 'audit-unavailable', since } }, 'internal-error'],
    [{ ...inService, outOfService: { reason: 'state-unreadable', since } }, 'internal-error'],
    [{ ...inService, outOfService: { reason: 'wipe-failed', since }, journalPending: true }, 'wipe-failed'],
  ] as const)('%j → %s', (state, fault) => {
    expect(faultFromServiceState(state)).toBe(fault);
  });
});
