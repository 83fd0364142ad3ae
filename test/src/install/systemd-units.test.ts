import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InstallError } from '../../../src/install/install-target';
import { onCalendarLines, systemdQuote, systemdUnits } from '../../../src/install/systemd-units';
import { nextShiftEnds } from '../../../src/schedule/shift-ends';
import { scheduleCases } from './schedule-cases';

const analyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
const haveSystemd = analyze.status === 0;
if (!haveSystemd) console.log('systemd-analyze not installed: the checks against systemd itself are skipped (apt-get install systemd)');

/** The instants systemd itself computes for the expressions, merged like the timer does. */
function systemdElapses(expressions: string[], base: string, iterations: number): string[] {
  const all = expressions.flatMap((expression) => {
    const r = spawnSync('systemd-analyze', ['calendar', `--iterations=${iterations}`, `--base-time=${base}`, expression], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' },
    });
    if (r.status !== 0) throw new Error(`systemd-analyze rejected '${expression}': ${r.stderr}`);
    return [...r.stdout.matchAll(/(?:Next elapse|Iter\. #\d+): \w{3} (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC/g)].map((m) => `${m[1]?.replace(' ', 'T')}.000Z`);
  });
  return [...new Set(all)].sort().slice(0, iterations);
}

describe('OnCalendar expressions from the policy schedule', () => {
  it.each(scheduleCases)('$name', ({ schedule, onCalendar }) => {
    expect(onCalendarLines(schedule)).toEqual(onCalendar);
  });

  // Across the spring DST change in Berlin (2026-03-29) and an ordinary week elsewhere.
  it.runIf(haveSystemd).each(scheduleCases)('systemd fires exactly at the shift ends the kiosk computes: $name', ({ schedule }) => {
    const base = '2026-03-26 00:00:00 UTC';
    const expected = nextShiftEnds({ ...schedule, warningSeconds: 0 }, new Date('2026-03-26T00:00:00Z'), 12).map((d) => d.toISOString());
    expect(systemdElapses(onCalendarLines(schedule), base, 12)).toEqual(expected);
  });

  it.each([
    ['an unknown zone', { timeZone: 'Mars/Olympus_Mons', shiftEnds: ['11:30'], days: ['mon' as const] }],
    ['a zone that would inject a directive', { timeZone: 'UTC\nExecStartPre=/bin/sh', shiftEnds: ['11:30'], days: ['mon' as const] }],
    ['a malformed time', { timeZone: 'UTC', shiftEnds: ['11:30\n'], days: ['mon' as const] }],
    ['no days', { timeZone: 'UTC', shiftEnds: ['11:30'], days: [] }],
  ])('refuses %s', (_what, schedule) => {
    expect(() => onCalendarLines(schedule)).toThrow(InstallError);
  });
});

describe('systemd units', () => {
  const target = { program: ['/opt/public-kiosk/public-kiosk-cli'], kioskUser: 'kiosk', kioskUid: 1001 };
  const [service, timer] = systemdUnits(scheduleCases[0]!.schedule, target);

  it('a oneshot service running wipe --if-due as the kiosk account, with its session bus', () => {
    expect(service?.name).toBe('public-kiosk-wipe.service');
    expect(service?.content).toContain('Type=oneshot\nUser=kiosk\n');
    expect(service?.content).toContain('ExecStart=/opt/public-kiosk/public-kiosk-cli wipe --if-due\n');
    expect(service?.content).toContain('Environment=DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1001/bus\n');
  });

  it('a persistent timer at every shift end and at start-up', () => {
    expect(timer?.name).toBe('public-kiosk-wipe.timer');
    expect(timer?.content).toContain(
      'OnCalendar=Mon..Fri *-*-* 11:30:00 Asia/Ho_Chi_Minh\nOnCalendar=Mon..Fri *-*-* 17:00:00 Asia/Ho_Chi_Minh\nOnBootSec=1min\nPersistent=true\n',
    );
    expect(timer?.content).toContain('Unit=public-kiosk-wipe.service\n');
    expect(timer?.content).toContain('[Install]\nWantedBy=timers.target\n');
  });

  it('passes a non-default policy file on, quoted for systemd', () => {
    const [withPolicy] = systemdUnits(scheduleCases[0]!.schedule, { ...target, policyFile: '/etc/kiosk policies/50%$.yaml' });
    expect(withPolicy?.content).toContain('ExecStart=/opt/public-kiosk/public-kiosk-cli wipe --if-due --policy "/etc/kiosk policies/50%%$$.yaml"\n');
    expect(systemdQuote('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(() => systemdQuote('a\nExecStartPre=/bin/sh')).toThrow(InstallError);
  });

  it('refuses an account name that could break the unit file', () => {
    expect(() => systemdUnits(scheduleCases[0]!.schedule, { ...target, kioskUser: 'kiosk\nUser=root' })).toThrow(InstallError);
  });

  it.runIf(haveSystemd)('systemd-analyze verify accepts both units', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pk-units-'));
    try {
      const program = path.join(dir, 'public-kiosk-cli');
      writeFileSync(program, '#!/bin/sh\nexit 0\n');
      chmodSync(program, 0o755);
      const units = systemdUnits(scheduleCases[1]!.schedule, { program: [program], kioskUser: userInfo().username, kioskUid: userInfo().uid });
      for (const unit of units) writeFileSync(path.join(dir, unit.name), unit.content);
      const r = spawnSync('systemd-analyze', ['verify', ...units.map((u) => path.join(dir, u.name))], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
