import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { allowRulesYaml } from '../../../src/blocked-journal/allow-yaml';
import { summariseBlocked, type KioskRecord } from '../../../src/blocked-journal/ranking';
import { policySchema } from '../../../src/policy/schema';

const sid = (n: number) => `session-${String(n).padStart(8, '0')}-abcdef`;
let line = 0;
function rec(kioskId: string, at: string, session: number, hosts: [string, string, string, number][], type = 'blocked', otherCount = 0): KioskRecord {
  line += 1;
  return { kioskId, file: 'audit.log', line, rec: { type, at, session: sid(session), hosts: hosts.map(([host, kind, rule, count]) => ({ host, kind, rule, count })), otherCount } };
}

const all = [
  rec('kiosk-a', '2026-12-01T08:00:00.000Z', 1, [['napas.com.vn', 'navigation', 'not-allowed', 9], ['chat.zalo.me', 'frame', 'category:chat-apps', 1]]),
  rec('kiosk-a', '2026-12-02T08:00:00.000Z', 2, [['napas.com.vn', 'navigation', 'not-allowed', 1], ['pay.vnpay.vn', 'popup', 'not-allowed', 1]]),
  rec('kiosk-b', '2026-12-03T08:00:00.000Z', 1, [['napas.com.vn', 'navigation', 'not-allowed', 2], ['napas.com.vn', 'frame', 'not-allowed', 1]], 'blocked', 4),
  rec('kiosk-b', '2026-12-03T09:00:00.000Z', 3, [['kcb.vn', 'navigation', 'not-allowed', 1]], 'rehearsal'),
  rec('kiosk-b', '2026-11-01T08:00:00.000Z', 4, [['old.example.vn', 'navigation', 'not-allowed', 1]]),
  { kioskId: 'kiosk-b', file: 'audit.log', line: 99, rec: { type: 'blocked', at: 'yesterday', hosts: [] } },
  { kioskId: 'kiosk-b', file: 'audit.log', line: 100, rec: { type: 'wipe', startedAt: '2026-12-02T08:00:00.000Z' } },
];
const start = Date.parse('2026-12-01T00:00:00.000Z');
const end = Date.parse('2026-12-04T00:00:00.000Z');

describe('summariseBlocked', () => {
  it('ranks hosts by the sessions that hit them (a session id counts per kiosk), within the period', () => {
    const summary = summariseBlocked(all, 'blocked', start, end);
    expect(summary.records).toBe(3);
    expect(summary.otherCount).toBe(4);
    expect(summary.rows.map((r) => [r.host, r.kind, r.rule, r.sessions, r.count])).toEqual([
      ['napas.com.vn', 'navigation', 'not-allowed', 3, 12],
      ['chat.zalo.me', 'frame', 'category:chat-apps', 1, 1],
      ['napas.com.vn', 'frame', 'not-allowed', 1, 1],
      ['pay.vnpay.vn', 'popup', 'not-allowed', 1, 1],
    ]);
    expect(summary.rows[0]).toMatchObject({ kiosks: ['kiosk-a', 'kiosk-b'], firstSeen: '2026-12-01T08:00:00.000Z', lastSeen: '2026-12-03T08:00:00.000Z' });
  });

  it('names a record of the wanted type that does not parse, with its file and line', () => {
    expect(summariseBlocked(all, 'blocked', start, end).problems).toEqual([{ kioskId: 'kiosk-b', file: 'audit.log', line: 99, detail: 'a blocked record without a valid at' }]);
  });

  it('reads rehearsal records apart from citizen ones', () => {
    const summary = summariseBlocked(all, 'rehearsal', start, end);
    expect(summary.rows.map((r) => r.host)).toEqual(['kcb.vn']);
    expect(summary.problems).toEqual([]);
  });
});

describe('allowRulesYaml', () => {
  it('turns the not-allowed hosts into sites.allow entries a policy accepts, each with its evidence', () => {
    const text = allowRulesYaml(summariseBlocked(all, 'blocked', start, end), { from: '2026-12-01', to: '2026-12-03' });
    const doc = parse(text) as { sites: { allow: { host: string; note: string }[] } };
    expect(doc.sites.allow.map((r) => r.host)).toEqual(['napas.com.vn', 'pay.vnpay.vn']);
    expect(text).toContain('# 3 citizen session(s) on 2 kiosk(s) (kiosk-a, kiosk-b); as frame, navigation; first seen 2026-12-01T08:00:00.000Z, last seen 2026-12-03T08:00:00.000Z');
    expect(text).not.toContain('zalo');
    const hostRule = policySchema.shape.sites.shape.allow.element;
    for (const rule of doc.sites.allow) expect(hostRule.safeParse(rule).success).toBe(true);
  });

  it('keeps a hostile kiosk name inside its comment line', () => {
    const hostile = [rec('evil\nsites:\n  allow: [{host: "*"}]', '2026-12-02T08:00:00.000Z', 7, [['x.example.vn', 'navigation', 'not-allowed', 1]])];
    const doc = parse(allowRulesYaml(summariseBlocked(hostile, 'blocked', start, end), { from: 'a', to: 'b' })) as { sites: { allow: { host: string }[] } };
    expect(doc.sites.allow).toEqual([expect.objectContaining({ host: 'x.example.vn' })]);
  });

  it('refuses a forwarded record whose host is a wildcard or a URL, so no edited log becomes an allow-everything rule', () => {
    const edited = [rec('kiosk-c', '2026-12-02T08:00:00.000Z', 8, [['*', 'navigation', 'not-allowed', 1]]), rec('kiosk-c', '2026-12-02T09:00:00.000Z', 9, [['a.vn/x', 'navigation', 'not-allowed', 1]])];
    const summary = summariseBlocked(edited, 'blocked', start, end);
    expect(summary.rows).toEqual([]);
    expect(summary.problems.map((p) => p.detail)).toEqual(['a blocked record without a valid hosts.0.host', 'a blocked record without a valid hosts.0.host']);
  });

  it('writes an empty list when nothing was refused by the allowlist', () => {
    const doc = parse(allowRulesYaml(summariseBlocked([], 'rehearsal', start, end), { from: 'a', to: 'b' })) as { sites: { allow: unknown[] } };
    expect(doc.sites.allow).toEqual([]);
  });
});
