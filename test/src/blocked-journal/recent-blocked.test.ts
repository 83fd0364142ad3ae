import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import { readBlockedSince, startOfLocalDay } from '../../../src/blocked-journal/recent-blocked';
import { stateFiles } from '../../../src/state/state-files';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const session = (n: number) => `${String(n).padStart(8, '0')}-aaaa-4bbb-8ccc-dddddddddddd`;

describe('blocked today (the staff panel)', () => {
  it('starts the day at local midnight in the policy time zone', () => {
    // 2026-12-04 01:30 in Ho Chi Minh City is 2026-12-03 18:30 UTC.
    expect(new Date(startOfLocalDay(Date.parse('2026-12-03T18:30:00Z'), 'Asia/Ho_Chi_Minh')).toISOString()).toBe('2026-12-03T17:00:00.000Z');
    expect(new Date(startOfLocalDay(Date.parse('2026-12-03T16:59:00Z'), 'Asia/Ho_Chi_Minh')).toISOString()).toBe('2026-12-02T17:00:00.000Z');
  });

  it("reads this kiosk's blocked records of today from the real audit log, ranked, and nothing else", async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pk-blocked-'));
    roots.push(root);
    const log = openAuditLog(root, null);
    const record = (at: string, n: number, host: string, type: 'blocked' | 'rehearsal' = 'blocked') =>
      log.append({ type, at, session: session(n), hosts: [{ host, kind: 'navigation', rule: 'not-allowed', count: 2 }], otherCount: 1 });
    await record('2026-12-02T20:00:00.000Z', 1, 'yesterday.example.vn');
    await record('2026-12-03T18:00:00.000Z', 2, 'napas.com.vn');
    await record('2026-12-03T19:00:00.000Z', 3, 'napas.com.vn');
    await record('2026-12-03T19:30:00.000Z', 4, 'kcb.vn', 'rehearsal');
    await log.append({ type: 'service', at: '2026-12-03T19:31:00.000Z', state: 'in-service', reason: 'shift-wipe-succeeded' });
    const now = Date.parse('2026-12-03T20:00:00.000Z');
    const today = await readBlockedSince(stateFiles(root).auditLog, startOfLocalDay(now, 'Asia/Ho_Chi_Minh'), now);
    expect(today.records).toBe(2);
    expect(today.otherCount).toBe(2);
    expect(today.rows.map((r) => [r.host, r.sessions, r.count])).toEqual([['napas.com.vn', 2, 4]]);
  });

  it('reads a kiosk with no audit log yet as nothing blocked', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pk-blocked-'));
    roots.push(root);
    const today = await readBlockedSince(stateFiles(root).auditLog, 0, Date.now());
    expect(today).toMatchObject({ records: 0, rows: [] });
  });
});
