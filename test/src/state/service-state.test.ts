import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRecordInput } from '../../../src/audit/record-types';
import { clearOutOfService, markOutOfService, readServiceState, recordShiftWipe } from '../../../src/state/service-state';

let state: string;
let records: AuditRecordInput[];
const audit = { append: async (r: AuditRecordInput) => void records.push(r) };
beforeEach(() => {
  state = mkdtempSync(path.join(tmpdir(), 'pk-state-'));
  records = [];
});
afterEach(() => rmSync(state, { recursive: true, force: true }));

describe('service state', () => {
  it('starts in service with no shift wipe and no journal', async () => {
    expect(await readServiceState(state)).toEqual({ outOfService: null, lastShiftWipe: null, journalPending: false });
  });

  it('goes out of service once (first reason and time kept) and back in service with a record each way', async () => {
    await markOutOfService(state, 'wipe-failed', audit, new Date('2026-01-05T04:31:00Z'));
    await markOutOfService(state, 'audit-unavailable', audit, new Date('2026-01-05T05:00:00Z'));
    expect((await readServiceState(state)).outOfService).toEqual({ reason: 'wipe-failed', since: '2026-01-05T04:31:00.000Z' });
    await clearOutOfService(state, 'shift-wipe-succeeded', audit);
    expect((await readServiceState(state)).outOfService).toBeNull();
    expect(records.map((r) => (r.type === 'service' ? `${r.state}:${r.reason}` : r.type))).toEqual(['out-of-service:wipe-failed', 'in-service:shift-wipe-succeeded']);
  });

  it('keeps the flag when the audit log fails, and refuses a reason that is not a code', async () => {
    await expect(markOutOfService(state, 'wipe-failed', { append: () => Promise.reject(new Error('disk full')) })).rejects.toThrow('disk full');
    expect((await readServiceState(state)).outOfService?.reason).toBe('wipe-failed');
    await expect(markOutOfService(state, 'failed at /home/x', audit)).rejects.toThrow(/short code/);
  });

  it('reads a damaged flag as out of service and a damaged last-wipe file as no wipe', async () => {
    writeFileSync(path.join(state, 'out-of-service.json'), 'garbage');
    writeFileSync(path.join(state, 'last-shift-wipe.json'), '{"at":"yesterday"}');
    const read = await readServiceState(state);
    expect(read.outOfService?.reason).toBe('state-unreadable');
    expect(read.lastShiftWipe).toBeNull();
  });

  it('records the last successful shift wipe and the shift end it covers', async () => {
    await recordShiftWipe(state, new Date('2026-01-05T04:35:00Z'), new Date('2026-01-05T04:30:00Z'));
    expect((await readServiceState(state)).lastShiftWipe).toEqual({ at: '2026-01-05T04:35:00.000Z', coveredShiftEnd: '2026-01-05T04:30:00.000Z' });
  });
});
