import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import type { BlockedAuditRecord } from '../../../src/audit/record-types';
import { runCli } from '../../support/cli';
import { sealedLog, sessionWipe } from './report-fleet-logs';
import { makeCliRoots, type CliRoots } from './wipe-fixtures';

// `public-kiosk blocked` (the built CLI, a real process) over this kiosk's own audit log (records
// appended through the real audit log) and over a folder of forwarded logs, as `report --logs` reads it.
let roots: CliRoots[] = [];
afterEach(() => {
  for (const r of roots) r.cleanup();
  roots = [];
});
function kiosk(): CliRoots {
  const made = makeCliRoots(0);
  roots.push(made);
  return made;
}

const sid = (n: number) => `0000000${n}-aaaa-4bbb-8ccc-dddddddddddd`;
function blocked(at: string, n: number, hosts: [string, BlockedAuditRecord['hosts'][number]['kind'], BlockedAuditRecord['hosts'][number]['rule'], number][], type: 'blocked' | 'rehearsal' = 'blocked'): BlockedAuditRecord {
  return { type, at, session: sid(n), hosts: hosts.map(([host, kind, rule, count]) => ({ host, kind, rule, count })), otherCount: 0 };
}
const run = (args: string[], r: CliRoots) => runCli(['blocked', ...args], { env: { HOME: r.base } });

describe('public-kiosk blocked on this kiosk', () => {
  it('ranks the hosts of the period by the sessions that hit them; --yaml gives allow rules for the not-allowed ones only', async () => {
    const k = kiosk();
    const log = openAuditLog(k.state, null);
    await log.append(blocked('2026-12-01T02:00:00.000Z', 1, [['napas.com.vn', 'navigation', 'not-allowed', 4], ['chat.zalo.me', 'frame', 'category:chat-apps', 1]]));
    await log.append(blocked('2026-12-02T02:00:00.000Z', 2, [['napas.com.vn', 'navigation', 'not-allowed', 1]]));
    await log.append(blocked('2026-12-02T03:00:00.000Z', 3, [['kcb.vn', 'navigation', 'not-allowed', 1]], 'rehearsal'));
    await log.append(blocked('2026-10-01T03:00:00.000Z', 4, [['old.example.vn', 'navigation', 'not-allowed', 1]]));

    const json = run(['--from', '2026-12-01', '--to', '2026-12-03', '--json', ...k.args], k);
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.stdout) as { records: number; rows: { host: string; rule: string; sessions: number; count: number }[] };
    expect(summary.records).toBe(2);
    expect(summary.rows.map((r) => [r.host, r.rule, r.sessions, r.count])).toEqual([
      ['napas.com.vn', 'not-allowed', 2, 5],
      ['chat.zalo.me', 'category:chat-apps', 1, 1],
    ]);

    const yaml = run(['--from', '2026-12-01', '--to', '2026-12-03', '--yaml', ...k.args], k);
    expect(yaml.code).toBe(0);
    const doc = parse(yaml.stdout) as { sites: { allow: { host: string }[] } };
    expect(doc.sites.allow.map((r) => r.host)).toEqual(['napas.com.vn']);
    expect(yaml.stdout).toMatch(/# 2 citizen session\(s\) on 1 kiosk\(s\)/);

    const rehearsals = run(['--from', '2026-12-01', '--to', '2026-12-03', '--rehearsals', '--yaml', ...k.args], k);
    expect(rehearsals.code).toBe(0);
    expect((parse(rehearsals.stdout) as { sites: { allow: { host: string }[] } }).sites.allow.map((r) => r.host)).toEqual(['kcb.vn']);

    const text = run(['--from', '2026-12-01', '--to', '2026-12-03', ...k.args], k);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^2\t5\t1\tnavigation\tnot-allowed\tnapas\.com\.vn$/m);
  });

  it.each([
    [['--from', '2025-01-01', '--to', '2026-12-03'], /at most 366/],
    [['--from', '2026-02-30', '--to', '2026-03-03'], /--from must be a calendar day/],
    [['--to', 'yesterday'], /--to must be a calendar day/],
    [['--from', '2026-12-04', '--to', '2026-12-01'], /after --to/],
    [['--json', '--yaml'], /--json and --yaml/],
    [['--logs', '/nonexistent/pk-logs'], /logs folder|cannot read/],
    [['extra'], /takes no arguments/],
  ])('exits 2 on bad input: %j', (args, message) => {
    const k = kiosk();
    const result = run([...args, ...k.args], k);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('public-kiosk blocked --logs (forwarded logs of several kiosks)', () => {
  it('counts sessions per kiosk and names the kiosks, first and last seen in the comment', () => {
    const k = kiosk();
    const folder = path.join(k.base, 'fleet');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'kiosk-a.log'), sealedLog([sessionWipe('2026-12-01T01:00:00.000Z'), blocked('2026-12-01T01:00:01.000Z', 1, [['napas.com.vn', 'popup', 'not-allowed', 2]])]));
    // The same session id on another kiosk is another session.
    writeFileSync(path.join(folder, 'kiosk-b.log'), sealedLog([blocked('2026-12-02T01:00:01.000Z', 1, [['napas.com.vn', 'navigation', 'not-allowed', 1]])]));
    const result = runCli(['blocked', '--logs', folder, '--from', '2026-12-01', '--to', '2026-12-02', '--yaml', '--policy', k.policyFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '# 1 citizen session(s) on 2 kiosk(s) (kiosk-a, kiosk-b); as navigation, popup; first seen 2026-12-01T01:00:01.000Z, last seen 2026-12-02T01:00:01.000Z',
    );
    expect((parse(result.stdout) as { sites: { allow: { host: string }[] } }).sites.allow).toEqual([expect.objectContaining({ host: 'napas.com.vn' })]);
  });

  it('refuses --logs with --state', () => {
    const k = kiosk();
    const result = runCli(['blocked', '--logs', k.base, '--state', k.state, '--policy', k.policyFile]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--logs and --state/);
  });
});
