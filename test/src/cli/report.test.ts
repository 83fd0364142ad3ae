import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeKiosk, statusLines, type KioskAt, type ReportShape } from './report-fixtures';
import { auditRecords } from './wipe-fixtures';

// `public-kiosk report` over logs written by real wipes (the built CLI, real files) run at chosen
// moments under libfaketime. Policy: Asia/Ho_Chi_Minh (UTC+7), 11:30 and 17:00, Monday to Friday.
let kiosks: KioskAt[] = [];
afterEach(() => {
  for (const kiosk of kiosks) kiosk.roots.cleanup();
  kiosks = [];
});
const kiosk = (policyExtra = '') => {
  const made = makeKiosk(policyExtra);
  kiosks.push(made);
  return made;
};
const json = (stdout: string) => JSON.parse(stdout) as ReportShape;

describe('public-kiosk report on one kiosk (real wipes, faked clock)', () => {
  it('gives every status: on time, failed, a weekend without shift ends, missed, a caught-up Tuesday, pending', () => {
    const k = kiosk();
    const nobody = { asNobody: true };
    // Friday 2026-03-06: 11:30 (04:30Z) wiped two minutes later; a citizen session wiped.
    expect(k.at('2026-03-06T04:32:00Z', ['wipe', '--if-due'], nobody).code).toBe(0);
    expect(k.at('2026-03-06T05:00:00Z', ['wipe', '--scope', 'session', '--session', 's1', '--reason', 'session-end'], nobody).code).toBe(0);
    // 17:00 (10:00Z): a folder root owns and nobody may empty: the shift wipe FAILS, out of service.
    const locked = path.join(k.roots.sessionData, 'locked-by-root');
    mkdirSync(locked);
    writeFileSync(path.join(locked, 'held'), 'x');
    chmodSync(locked, 0o555);
    const failed = k.at('2026-03-06T10:05:00Z', ['wipe', '--if-due'], nobody);
    expect(failed.stdout).toMatch(/FAILED/);
    expect(failed.code).toBe(1);
    // Nothing over the weekend, nothing at Monday 11:30; Monday 17:00 on time (back in service).
    chmodSync(locked, 0o777);
    expect(k.at('2026-03-09T10:01:00Z', ['wipe', '--if-due'], nobody).code).toBe(0);
    // Tuesday 11:30 (04:30Z): the kiosk was off; the OS start-up check catches up at 14:00 local.
    const caughtUp = k.at('2026-03-10T07:00:00Z', ['wipe', '--if-due'], nobody);
    expect(caughtUp.stdout).toMatch(/catch-up/);

    // Read on Tuesday at 17:30 local: the 17:00 shift end's window runs to Wednesday 11:30.
    const result = k.at('2026-03-10T10:30:00Z', ['report', '--from', '2026-03-06', '--to', '2026-03-10', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const report = json(result.stdout);
    expect(report.kiosks).toHaveLength(1);
    const [one] = report.kiosks;
    expect(statusLines(one!)).toEqual([
      '2026-03-06 11:30 on-time',
      '2026-03-06 17:00 failed',
      '2026-03-09 11:30 missed',
      '2026-03-09 17:00 on-time',
      '2026-03-10 11:30 caught-up',
      '2026-03-10 17:00 pending',
    ]);
    expect(one!.shiftEnds[0]).toMatchObject({ at: '2026-03-06T04:30:00.000Z', coverage: 'recorded', failedAttempts: 0 });
    expect(one!.shiftEnds[0]!.wipedAt).toMatch(/^2026-03-06T04:32:0\d\.\d{3}Z$/);
    expect(one!.shiftEnds[1]).toMatchObject({ wipedAt: null, failedAttempts: 1 });
    expect(one!.shiftEnds[4]!.wipedAt).toMatch(/^2026-03-10T07:00:/);
    expect(one!.sessions).toEqual({ succeeded: 1, failed: 0 });
    expect(one!.outOfService).toHaveLength(1);
    expect(one!.outOfService[0]).toMatchObject({ reason: 'wipe-failed' });
    expect(one!.outOfService[0]!.from).toMatch(/^2026-03-06T10:0/);
    expect(one!.outOfService[0]!.to).toMatch(/^2026-03-09T10:01:/);
    expect(one!.log).toMatchObject({ verified: true, method: 'full', problems: [] });
    expect(report.summary).toMatchObject({ 'on-time': 2, 'caught-up': 1, failed: 1, missed: 1, pending: 1, kiosks: 1 });

    // The weekend alone has no shift end to judge: nothing missed, exit 0.
    const weekend = k.at('2026-03-10T10:30:00Z', ['report', '--from', '2026-03-07', '--to', '2026-03-08', '--format', 'json']);
    expect(weekend.code).toBe(0);
    expect(json(weekend.stdout).kiosks[0]!.shiftEnds).toEqual([]);

    // CSV: one row per kiosk × shift end, for a spreadsheet.
    const csv = k.at('2026-03-10T10:30:00Z', ['report', '--from', '2026-03-06', '--to', '2026-03-10', '--format', 'csv']);
    const rows = csv.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe('kioskId,shiftEnd,local,status,wipedAt,coverage,failedAttempts,logVerified,verification');
    expect(rows).toHaveLength(7);
    expect(rows[2]).toMatch(/,2026-03-06T10:00:00\.000Z,2026-03-06 17:00 \+07:00,failed,,,1,true,full$/);

    // HTML to a file, English: the summary line names the counts; the page holds one cell per shift end.
    const out = path.join(k.roots.base, 'report.html');
    const html = k.at('2026-03-10T10:30:00Z', ['report', '--from', '2026-03-06', '--to', '2026-03-10', '--out', out, '--lang', 'en']);
    expect(html.code).toBe(1);
    expect(html.stdout).toMatch(/^Report written to .*report\.html: 1 kiosk\(s\), 2 on time, 1 caught up, 1 failed, 1 missed, 1 pending; 0 log\(s\) not verified\.$/m);
    const page = readFileSync(out, 'utf8');
    expect(page.match(/<g class="cell"/g)).toHaveLength(6);
    expect(page).toContain('End-of-shift wipe report');
    expect(page).not.toMatch(/<script|<link|src="http|url\(http/i);
  });

  it('follows the zone across a DST change (Europe/Berlin, 2026-03-29)', () => {
    const k = kiosk(['schedule:', '  timeZone: Europe/Berlin', '  shiftEnds: ["11:30"]', '  days: [sat, sun]', '  warningSeconds: 60'].join('\n'));
    // 11:30 is 10:30Z on Saturday (CET) and 09:30Z on Sunday (CEST).
    expect(k.at('2026-03-28T10:31:00Z', ['wipe', '--if-due']).code).toBe(0);
    expect(k.at('2026-03-29T09:40:00Z', ['wipe', '--if-due']).code).toBe(0);
    const result = k.at('2026-03-29T12:00:00Z', ['report', '--from', '2026-03-28', '--to', '2026-03-29', '--format', 'json']);
    expect(result.code).toBe(0);
    const [one] = json(result.stdout).kiosks;
    expect(one!.shiftEnds.map((e) => `${e.at} ${e.local} ${e.status}`)).toEqual([
      '2026-03-28T10:30:00.000Z 2026-03-28 11:30 +01:00 on-time',
      '2026-03-29T09:30:00.000Z 2026-03-29 11:30 +02:00 on-time',
    ]);
    // A manual shift wipe names the shift end it covers too: the latest at or before it.
    expect(k.at('2026-03-29T12:00:00Z', ['wipe', '--reason', 'manual']).code).toBe(0);
    const shiftRecords = auditRecords(k.roots.state).filter((r) => r.type === 'wipe');
    expect(shiftRecords.map((r) => `${String(r.trigger)} ${String(r.coveredShiftEnd)}`)).toEqual([
      'shift-end 2026-03-28T10:30:00.000Z',
      'shift-end 2026-03-29T09:30:00.000Z',
      'manual 2026-03-29T09:30:00.000Z',
    ]);
  });

  it('reads the logs set aside by audit start-new-log, and shows an edited record', () => {
    const k = kiosk();
    expect(k.at('2026-03-02T04:31:00Z', ['wipe', '--if-due']).code).toBe(0);
    // What `audit start-new-log` does (it needs a reachable credential store, which this machine's
    // CLI tests do not have): both files renamed after the moment they were replaced.
    for (const name of ['audit.log', 'audit.head']) {
      renameSync(path.join(k.roots.state, name), path.join(k.roots.state, `${name}.replaced-2026-03-02T05-00-00-000Z`));
    }
    expect(k.at('2026-03-02T10:02:00Z', ['wipe', '--if-due']).code).toBe(0);
    const args = ['report', '--from', '2026-03-02', '--to', '2026-03-02', '--format', 'json'];
    const intact = k.at('2026-03-03T05:00:00Z', args);
    expect(intact.code).toBe(0);
    expect(statusLines(json(intact.stdout).kiosks[0]!)).toEqual(['2026-03-02 11:30 on-time', '2026-03-02 17:00 on-time']);

    // Someone moves the 17:00 wipe's start: its seal no longer matches; it is not counted.
    const log = path.join(k.roots.state, 'audit.log');
    const text = readFileSync(log, 'utf8');
    const moved = text.replace(/"startedAt":"2026-03-02T10:02:/, '"startedAt":"2026-03-02T10:01:');
    expect(moved).not.toBe(text);
    writeFileSync(log, moved);
    const edited = k.at('2026-03-03T05:00:00Z', args);
    expect(edited.code).toBe(1);
    const [one] = json(edited.stdout).kiosks;
    expect(one!.log.verified).toBe(false);
    expect(one!.log.problems).toContainEqual({ file: 'audit.log', line: 1, kind: 'edited', detail: 'record 1 does not match its seal' });
    expect(statusLines(one!)).toEqual(['2026-03-02 11:30 on-time', '2026-03-02 17:00 missed']);
  });
});

describe('public-kiosk report: bad input is exit 2 with one clear line', () => {
  const cases: [string[], RegExp][] = [
    [['--from', '2026-03-10', '--to', '2026-03-01'], /--from 2026-03-10 is after --to 2026-03-01/],
    [['--from', '2026-02-30', '--to', '2026-03-01'], /--from must be a calendar day written YYYY-MM-DD.*"2026-02-30"/],
    [['--from', 'yesterday', '--to', '2026-03-01'], /--from must be a calendar day/],
    [['--from', '2025-01-01', '--to', '2026-01-02'], /the period is 367 days; a report covers at most 366/],
    [['--to', '2026-03-01'], /report needs --from/],
    [['--from', '2026-03-01', '--to', '2026-03-01', '--format', 'pdf'], /--format must be html, json, csv/],
    [['--from', '2026-03-01', '--to', '2026-03-01', '--lang', 'fr'], /--lang must be vi, en/],
  ];
  it.each(cases)('%j', (args, message) => {
    const k = kiosk();
    const result = k.at('2026-03-03T03:00:00Z', ['report', ...args]);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(2);
  });
});
