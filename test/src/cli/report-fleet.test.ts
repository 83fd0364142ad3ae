import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeKiosk, statusLines, type KioskAt, type ReportShape } from './report-fixtures';
import { sealedLog, sessionWipe, shiftWipe } from './report-fleet-logs';

// A department's folder of kiosk logs (`report --logs DIR`): copied state roots and syslog files,
// from real wipes under libfaketime, plus an older-format log and a kiosk named to attack the reader.
let kiosks: KioskAt[] = [];
afterEach(() => {
  for (const kiosk of kiosks) kiosk.roots.cleanup();
  kiosks = [];
});

const HOSTILE = `=HYPERLINK("http:x")<img src=x onerror=alert(1)>`;

describe('public-kiosk report --logs DIR (a fleet)', () => {
  it('reports two kiosks with different outcomes, an older log by inference, foreign lines and hostile names', () => {
    const a = makeKiosk();
    const b = makeKiosk();
    kiosks.push(a, b);
    // Monday 2026-03-02: A wipes at both shift ends; B only at 11:30 (it was switched off at noon).
    expect(a.at('2026-03-02T04:31:00Z', ['wipe', '--if-due']).code).toBe(0);
    expect(a.at('2026-03-02T10:03:00Z', ['wipe', '--if-due']).code).toBe(0);
    expect(b.at('2026-03-02T04:44:00Z', ['wipe', '--if-due']).code).toBe(0);
    expect(b.at('2026-03-02T04:50:00Z', ['wipe', '--scope', 'session', '--session', 's9', '--reason', 'idle']).code).toBe(0);

    const logs = path.join(a.roots.base, 'fleet');
    mkdirSync(logs);
    cpSync(a.roots.state, path.join(logs, 'kiosk-a'), { recursive: true });
    // rsyslog, one file per host, message only: a leading space, and a line that is not a record.
    const bLines = readFileSync(path.join(b.roots.state, 'audit.log'), 'utf8').trimEnd().split('\n');
    writeFileSync(path.join(logs, 'kiosk-b.log'), [` ${bLines[0]}`, ' -- MARK --', ...bLines.slice(1).map((l) => ` ${l}`), ''].join('\n'));
    writeFileSync(path.join(logs, `${HOSTILE}.log`), readFileSync(path.join(a.roots.state, 'audit.log')));
    // Written before records named their shift end; keyed with a key that stays on the kiosk.
    const old = [
      shiftWipe('2026-03-02T04:33:00.000Z', 'succeeded'),
      sessionWipe('2026-03-02T05:10:00.000Z'),
      sessionWipe('2026-03-02T05:40:00.000Z', 'failed'),
      { type: 'staff', at: '2026-03-02T06:00:00.000Z', staffId: 'it-officer', action: 'sign-in', outcome: 'success' },
      { type: 'policy', at: '2026-03-02T06:01:00.000Z', event: 'applied', hash: 'a'.repeat(64) },
      {
        type: 'compliance',
        at: '2026-03-02T06:02:00.000Z',
        platform: 'linux',
        checks: [
          { id: 'remote-access-tools', status: 'fail', severity: 'high' },
          { id: 'chat-apps', status: 'pass', severity: 'critical' },
        ],
        counts: { pass: 1, fail: 1, warn: 0, notApplicable: 0, error: 0 },
      },
      { type: 'a-later-kind', at: '2026-03-02T06:03:00.000Z' },
      shiftWipe('2026-03-02T10:20:00.000Z', 'succeeded'),
    ];
    writeFileSync(path.join(logs, 'old-kiosk.jsonl'), sealedLog(old, randomBytes(32)));
    writeFileSync(path.join(logs, 'README.txt'), 'not a log: ignored');

    const args = ['report', '--from', '2026-03-02', '--to', '2026-03-02', '--logs', logs];
    const result = a.at('2026-03-03T06:00:00Z', [...args, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as ReportShape;
    const byId = new Map(report.kiosks.map((k) => [k.kioskId, k]));
    expect(report.kiosks.map((k) => k.kioskId)).toEqual([HOSTILE, 'kiosk-a', 'kiosk-b', 'old-kiosk']);

    expect(statusLines(byId.get('kiosk-a')!)).toEqual(['2026-03-02 11:30 on-time', '2026-03-02 17:00 on-time']);
    expect(byId.get('kiosk-a')!.log).toMatchObject({ verified: true, method: 'chain', problems: [] });

    const kb = byId.get('kiosk-b')!;
    expect(statusLines(kb)).toEqual(['2026-03-02 11:30 on-time', '2026-03-02 17:00 missed']);
    expect(kb.log.verified).toBe(false);
    expect(kb.log.problems).toContainEqual({ file: 'kiosk-b.log', line: 2, kind: 'unreadable', detail: 'not a sealed audit record' });
    expect(kb.sessions).toEqual({ succeeded: 1, failed: 0 });

    const ok = byId.get('old-kiosk')!;
    expect(ok.shiftEnds.map((e) => `${e.status} ${e.coverage}`)).toEqual(['on-time inferred', 'caught-up inferred']);
    expect(ok.log).toMatchObject({ verified: true, method: 'chain' });
    expect(ok.sessions).toEqual({ succeeded: 1, failed: 1 });
    expect(ok.compliance).toMatchObject({ runs: 1, failing: [{ id: 'remote-access-tools', severity: 'high', runs: 1 }] });
    expect(report.summary).toMatchObject({ kiosks: 4, 'on-time': 6, 'caught-up': 1, missed: 1, inferred: 2, logsNotVerified: 1 });

    // The hostile name is data everywhere: a spreadsheet does not run it, the page does not render it.
    const csv = a.at('2026-03-03T06:00:00Z', [...args, '--format', 'csv']).stdout.split('\r\n');
    expect(csv[1]).toBe(`"'=HYPERLINK(""http:x"")<img src=x onerror=alert(1)>",2026-03-02T04:30:00.000Z,2026-03-02 11:30 +07:00,on-time,${csv[1]!.split(',')[4]},recorded,0,true,chain`);
    const html = a.at('2026-03-03T06:00:00Z', args).stdout;
    expect(html).toContain('=HYPERLINK(&quot;http:x&quot;)&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html.match(/<g class="cell"/g)).toHaveLength(8);

    // The policy's grace decides on time: at 30 minutes the old kiosk's 17:20 wipe is on time too.
    writeFileSync(a.roots.policyFile, `${readFileSync(a.roots.policyFile, 'utf8')}reporting:\n  onTimeGraceMinutes: 30\n`);
    const lenient = JSON.parse(a.at('2026-03-03T06:00:00Z', [...args, '--format', 'json']).stdout) as ReportShape;
    expect(lenient.kiosks.find((k) => k.kioskId === 'old-kiosk')!.shiftEnds.map((e) => e.status)).toEqual(['on-time', 'on-time']);

    // An entry that cannot be read: bad input, not a report that quietly leaves a kiosk out.
    symlinkSync(path.join(logs, 'gone'), path.join(logs, 'ghost.log'));
    const broken = a.at('2026-03-03T06:00:00Z', [...args, '--format', 'json']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/cannot read "ghost\.log" in the logs folder: ENOENT/);
    expect(broken.stdout).toBe('');
  });
});
