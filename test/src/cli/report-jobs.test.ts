import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nextShiftEnds } from '../../../src/schedule/shift-ends';
import { runCli } from '../../support/cli';
import { writeFleetLogs } from '../../support/report-fleet';

// `report --logs DIR --jobs N`: a fleet judged on worker threads gives the same report as one read
// kiosk after kiosk, and a worker's failure (an unreadable log) is the same exit 2.
const base = mkdtempSync(path.join(tmpdir(), 'pk-report-jobs-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const policy = path.join(base, 'policy.yaml');
writeFileSync(policy, `paths:\n  sessionData: ${base}/sd\n  downloads: ${base}/dl\n  state: ${base}/st\nschedule:\n  days: [mon, tue, wed, thu, fri, sat, sun]\n`);
const logs = path.join(base, 'logs');
const ends = nextShiftEnds({ timeZone: 'Asia/Ho_Chi_Minh', shiftEnds: ['11:30', '17:00'], days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], warningSeconds: 60 } as never, new Date('2026-02-28T17:00:00Z'), 62);
writeFleetLogs(logs, Array.from({ length: 9 }, (_, i) => `kiosk-${i + 1}`), ends);
// One kiosk's log tampered with (a record moved), so the problems travel back from a worker too.
writeFileSync(path.join(logs, 'kiosk-9.log'), '{"not":"a record"}\n', { flag: 'a' });

const report = (...extra: string[]) => runCli(['report', '--from', '2026-03-01', '--to', '2026-03-31', '--logs', logs, '--format', 'json', '--policy', policy, ...extra]);
const withoutTime = (stdout: string) => ({ ...JSON.parse(stdout), generatedAt: null });

describe('public-kiosk report --logs DIR --jobs N', () => {
  it('gives the same report on 1, 3 and the default number of worker threads', () => {
    const one = report('--jobs', '1');
    expect(one.code, one.stderr).toBe(1);
    const parsed = withoutTime(one.stdout);
    expect(parsed.kiosks).toHaveLength(9);
    expect(parsed.summary.logsNotVerified).toBe(1);
    expect(parsed.kiosks[8].log.problems[0]).toMatchObject({ file: 'kiosk-9.log', kind: 'unreadable' });
    for (const run of [report('--jobs', '3'), report()]) {
      expect(run.code, run.stderr).toBe(1);
      expect(withoutTime(run.stdout)).toEqual(parsed);
    }
  });

  it.each([['0'], ['-1'], ['two'], ['257'], ['1.5']])('refuses --jobs %s (exit 2, the option named)', (value) => {
    const run = report(`--jobs=${value}`);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--jobs must be a whole number from 1 to 256/);
  });

  it('takes --jobs only with --logs', () => {
    const run = runCli(['report', '--from', '2026-03-01', '--to', '2026-03-31', '--policy', policy, '--jobs', '2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--jobs goes with --logs/);
  });

  it('reports an unreadable log found by a worker as bad input (exit 2), naming it', () => {
    const broken = path.join(base, 'broken');
    writeFleetLogs(broken, ['a', 'b', 'c'], ends.slice(0, 4));
    rmSync(path.join(broken, 'b.log'));
    // A folder named like a log is skipped; a dangling link named like one cannot be read.
    symlinkSync(path.join(base, 'nowhere'), path.join(broken, 'b.log'));
    const run = runCli(['report', '--from', '2026-03-01', '--to', '2026-03-31', '--logs', broken, '--format', 'json', '--policy', policy, '--jobs', '2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/b\.log/);
  });
});
