import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';

const dir = mkdtempSync(path.join(tmpdir(), 'pk-schedule-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function policyFile(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

// A machine policy layer on top of the bundled default (Asia/Ho_Chi_Minh, 11:30 and 17:00, mon–fri).
const hcm = policyFile('hcm.yaml', ['ui:', '  language: vi']);
const berlin = policyFile('berlin.yaml', ['schedule:', '  timeZone: Europe/Berlin', "  shiftEnds: ['02:30', '17:00']", '  days: [mon, tue, wed, thu, fri, sat, sun]']);

describe('public-kiosk schedule (real process)', () => {
  it('lists the next shift ends in the policy local time, weekends skipped', () => {
    const result = runCli(['schedule', '--policy', hcm, '--from', '2025-06-06T12:00+07:00', '--count', '3']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Next 3 shift ends in Asia/Ho_Chi_Minh, after 2025-06-06 12:00 +07:00:');
    expect(result.stdout).toMatch(/ {2}Fri 2025-06-06 17:00 \+07:00\n {2}Mon 2025-06-09 11:30 \+07:00\n {2}Mon 2025-06-09 17:00 \+07:00\n/);
    expect(result.stdout).toContain('shift ends 11:30, 17:00 on mon, tue, wed, thu, fri');
  });

  it('--json gives local time and UTC, and --from without an offset is read in the policy zone', () => {
    const result = runCli(['schedule', '--policy', hcm, '--from', '2025-06-02 08:00', '--count', '2', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      timeZone: 'Asia/Ho_Chi_Minh',
      from: '2025-06-02T01:00:00.000Z',
      shiftEnds: [
        { utc: '2025-06-02T04:30:00.000Z', local: '2025-06-02 11:30 +07:00', weekday: 'mon' },
        { utc: '2025-06-02T10:00:00.000Z', local: '2025-06-02 17:00 +07:00', weekday: 'mon' },
      ],
    });
    expect(report.policySources).toEqual(expect.arrayContaining([hcm]));
  });

  it('marks daylight-saving days in a zone that has them', () => {
    const spring = runCli(['schedule', '--policy', berlin, '--from', '2025-03-29T18:00', '--count', '2', '--json']);
    expect(spring.code).toBe(0);
    const springEnds = (JSON.parse(spring.stdout) as { shiftEnds: { utc: string; local: string; note?: string }[] }).shiftEnds;
    expect(springEnds[0]).toMatchObject({ utc: '2025-03-30T01:30:00.000Z', local: '2025-03-30 03:30 +02:00', note: expect.stringMatching(/does not exist/) });
    expect(springEnds[1]).toEqual({ utc: '2025-03-30T15:00:00.000Z', local: '2025-03-30 17:00 +02:00', weekday: 'sun' });
    const autumn = runCli(['schedule', '--policy', berlin, '--from', '2025-10-25T18:00', '--count', '1']);
    expect(autumn.stdout).toContain('Sun 2025-10-26 02:30 +02:00  (daylight saving: this time occurs twice that day; the wipe runs at the first)');
  });

  it('starts from now without --from, and lists 10 by default', () => {
    const before = Date.now();
    const result = runCli(['schedule', '--policy', hcm, '--json']);
    const ends = (JSON.parse(result.stdout) as { shiftEnds: { utc: string }[] }).shiftEnds;
    expect(ends).toHaveLength(10);
    expect(Date.parse(ends[0]?.utc ?? '')).toBeGreaterThan(before);
  });

  it.each([
    [['--from', 'yesterday'], /--from 'yesterday' is not a date-time; use ISO 8601/],
    [['--from', '2025-02-30'], /--from '2025-02-30' is not a date-time/],
    [['--count', '0'], /--count '0' must be a whole number from 1 to 1000/],
    [['--count', '2.5'], /--count '2.5' must be a whole number/],
    [['--count', '1001'], /--count '1001' must be a whole number from 1 to 1000/],
    [['--count', 'ten'], /--count 'ten'/],
    [['extra'], /schedule takes no arguments/],
    [['--form', '2025-06-02'], /schedule: Unknown option '--form'/],
  ])('bad input %j: one clear line, exit 2', (args, message) => {
    const result = runCli(['schedule', '--policy', hcm, ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an invalid policy is bad input (exit 2) naming the problem', () => {
    const broken = policyFile('broken.yaml', ['schedule:', '  timeZone: Asia/Hanoi']);
    const result = runCli(['schedule', '--policy', broken]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('schedule.timeZone');
  });

  it('--help documents the options', () => {
    const result = runCli(['schedule', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: public-kiosk schedule [--from ISO] [--count N] [--json] [--policy FILE]');
    expect(result.stdout).toContain('--count VALUE');
  });
});
