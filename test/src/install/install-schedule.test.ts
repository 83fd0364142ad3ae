import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installSchedule, removeSchedule, type InstallScheduleRequest } from '../../../src/install/install-schedule';
import { InstallError } from '../../../src/install/install-target';
import { applyLinuxPlan } from '../../../src/install/linux-schedule';
import type { ProgramRunner } from '../../../src/install/run-program';
import { systemdUnits } from '../../../src/install/systemd-units';
import { scheduleCases } from './schedule-cases';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pk-install-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Records every OS tool call; answers `id -u kiosk` and `schtasks /Query` like a real machine would. */
function fakeRunner(existingTasks: string[] = []): { run: ProgramRunner; calls: string[]; xml: string[] } {
  const calls: string[] = [];
  const xml: string[] = [];
  const run: ProgramRunner = async (program, args) => {
    calls.push([program, ...args].join(' '));
    if (program === 'id') return args.at(-1) === 'kiosk' ? { code: 0, output: '1001\n' } : { code: 1, output: 'no such user' };
    if (program === 'schtasks' && args[0] === '/Query') return { code: existingTasks.includes(args[2] ?? '') ? 0 : 1, output: '' };
    if (program === 'schtasks' && args[0] === '/Create') {
      const bytes = readFileSync(args[4] ?? '');
      expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
      xml.push(bytes.subarray(2).toString('utf16le'));
    }
    return { code: 0, output: '' };
  };
  return { run, calls, xml };
}

function request(overrides: Partial<InstallScheduleRequest>): InstallScheduleRequest {
  return {
    os: 'linux',
    schedule: scheduleCases[0]!.schedule,
    target: { program: ['/opt/public-kiosk/public-kiosk-cli'], kioskUser: 'kiosk' },
    dryRun: false,
    systemdDir: dir,
    autostart: true,
    machineTimeZone: 'Asia/Ho_Chi_Minh',
    now: new Date('2026-03-02T00:00:00Z'),
    run: fakeRunner().run,
    ...overrides,
  };
}

describe('install-schedule on Linux', () => {
  it('writes both units, then changes nothing when run again with the same policy', async () => {
    const first = await installSchedule(request({}));
    expect(first).toContain(`created ${path.join(dir, 'public-kiosk-wipe.timer')}`);
    expect(readdirSync(dir).sort()).toEqual(['public-kiosk-wipe.service', 'public-kiosk-wipe.timer']);
    const mtime = statSync(path.join(dir, 'public-kiosk-wipe.timer')).mtimeMs;
    const second = await installSchedule(request({}));
    expect(second).toContain(`unchanged ${path.join(dir, 'public-kiosk-wipe.timer')}`);
    expect(statSync(path.join(dir, 'public-kiosk-wipe.timer')).mtimeMs).toBe(mtime);
  });

  it('updates the timer after a policy change', async () => {
    await installSchedule(request({}));
    const out = await installSchedule(request({ schedule: scheduleCases[2]!.schedule }));
    expect(out).toContain(`updated ${path.join(dir, 'public-kiosk-wipe.timer')}`);
    expect(readFileSync(path.join(dir, 'public-kiosk-wipe.timer'), 'utf8')).toContain('OnCalendar=Sat..Sun *-*-* 12:00:00 Asia/Ho_Chi_Minh\n');
  });

  it('dry run prints the units and writes nothing', async () => {
    const out = await installSchedule(request({ dryRun: true }));
    expect(out).toContain('OnCalendar=Mon..Fri *-*-* 17:00:00 Asia/Ho_Chi_Minh');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('activates with systemctl only in the real unit directory', async () => {
    const { run, calls } = fakeRunner();
    const units = systemdUnits(scheduleCases[0]!.schedule, { program: ['/x'], kioskUser: 'kiosk', kioskUid: 1001 });
    await applyLinuxPlan({ dir, units, activate: true }, run);
    expect(calls).toEqual(['systemctl daemon-reload', 'systemctl enable public-kiosk-wipe.timer', 'systemctl restart public-kiosk-wipe.timer']);
    const other = fakeRunner();
    await installSchedule(request({ run: other.run }));
    expect(other.calls).toEqual(['id -u -- kiosk']);
  });

  it('refuses an account that does not exist, and a relative program', async () => {
    await expect(installSchedule(request({ target: { program: ['/x'], kioskUser: 'nobody-here' } }))).rejects.toThrow(/no account 'nobody-here'/);
    await expect(installSchedule(request({ target: { program: ['public-kiosk'], kioskUser: 'kiosk' } }))).rejects.toThrow(InstallError);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('remove deletes the units and is fine when they are already gone', async () => {
    await installSchedule(request({}));
    expect(await removeSchedule({ os: 'linux', systemdDir: dir, dryRun: false, run: fakeRunner().run })).toContain('removed');
    expect(readdirSync(dir)).toEqual([]);
    expect(await removeSchedule({ os: 'linux', systemdDir: dir, dryRun: false, run: fakeRunner().run })).toContain('absent');
  });
});

describe('install-schedule on Windows', () => {
  const program = ['C:\\Program Files\\public-kiosk\\public-kiosk.exe', '--kiosk-cli'];

  it('registers both tasks from UTF-16 XML with /F, so a second run replaces them', async () => {
    const fake = fakeRunner();
    const out = await installSchedule(request({ os: 'windows', target: { program, kioskUser: 'kiosk' }, run: fake.run }));
    expect(out).toContain('registered \\public-kiosk\\Shift wipe\nregistered \\public-kiosk\\Start kiosk');
    expect(fake.calls.filter((c) => c.startsWith('schtasks /Create')).map((c) => c.replace(/\/XML \S+/, '/XML FILE'))).toEqual([
      'schtasks /Create /TN \\public-kiosk\\Shift wipe /XML FILE /F',
      'schtasks /Create /TN \\public-kiosk\\Start kiosk /XML FILE /F',
    ]);
    expect(fake.xml[0]).toContain('<StartBoundary>2024-01-01T11:30:00+07:00</StartBoundary>');
  });

  it('deletes the start task when autostart is turned off', async () => {
    const fake = fakeRunner(['\\public-kiosk\\Start kiosk']);
    await installSchedule(request({ os: 'windows', target: { program, kioskUser: 'kiosk' }, autostart: false, run: fake.run }));
    expect(fake.calls.at(-1)).toBe('schtasks /Delete /TN \\public-kiosk\\Start kiosk /F');
  });
});
