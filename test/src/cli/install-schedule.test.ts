import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';

// `nobody` exists on every Linux system: the account lookup is real, the unit directory a temp one.
let dir: string;
let units: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pk-cli-schedule-'));
  units = path.join(dir, 'units');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const schedule = (args: string[], env: Record<string, string> = {}) =>
  runCli(['install-schedule', '--kiosk-user', 'nobody', '--systemd-dir', units, ...args], { env });

if (process.platform !== 'linux') console.log('install-schedule CLI tests: Linux only (they install systemd units into a temp dir)');

describe.runIf(process.platform === 'linux')('public-kiosk install-schedule (Linux, built CLI)', () => {
  it('--dry-run prints the units from the bundled policy and writes nothing', () => {
    const r = schedule(['--dry-run']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`--- ${path.join(units, 'public-kiosk-wipe.timer')}`);
    expect(r.stdout).toContain('OnCalendar=Mon..Fri *-*-* 11:30:00 Asia/Ho_Chi_Minh\nOnCalendar=Mon..Fri *-*-* 17:00:00 Asia/Ho_Chi_Minh\n');
    expect(r.stdout).toContain('User=nobody\n');
    expect(r.stdout).toMatch(/ExecStart=\S+ \S+public-kiosk\.js wipe --if-due\n/);
    expect(r.stdout).toContain(`(not activated: ${units} is not /etc/systemd/system)`);
    expect(() => readdirSync(units)).toThrow();
  });

  it('installs from a policy file, is idempotent, and follows a policy change', () => {
    const policy = path.join(dir, 'policy.yaml');
    writeFileSync(policy, 'schedule:\n  timeZone: Europe/Berlin\n  shiftEnds: ["12:00", "07:45"]\n  days: [sat, sun]\n');
    const first = schedule(['--policy', policy]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('created');
    const timer = readFileSync(path.join(units, 'public-kiosk-wipe.timer'), 'utf8');
    expect(timer).toContain('OnCalendar=Sat..Sun *-*-* 07:45:00 Europe/Berlin\nOnCalendar=Sat..Sun *-*-* 12:00:00 Europe/Berlin\n');
    expect(readFileSync(path.join(units, 'public-kiosk-wipe.service'), 'utf8')).toContain(`wipe --if-due --policy ${policy}\n`);

    const again = schedule(['--policy', policy]);
    expect(again.stdout).not.toContain('created');
    expect(again.stdout.match(/unchanged/g)).toHaveLength(2);

    writeFileSync(policy, 'schedule:\n  shiftEnds: ["16:30"]\n');
    expect(schedule(['--policy', policy]).stdout).toContain(`updated ${path.join(units, 'public-kiosk-wipe.timer')}`);
    expect(readFileSync(path.join(units, 'public-kiosk-wipe.timer'), 'utf8')).toContain('OnCalendar=Mon..Fri *-*-* 16:30:00 Asia/Ho_Chi_Minh\n');
  });

  it('an invalid policy is bad input and nothing is written', () => {
    const policy = path.join(dir, 'bad.yaml');
    writeFileSync(policy, 'schedule:\n  shiftEnds: ["25:00"]\n');
    const r = schedule(['--policy', policy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid policy');
    expect(() => readdirSync(units)).toThrow();
  });

  it('refuses an unknown account, and a real install for another OS', () => {
    const unknown = runCli(['install-schedule', '--kiosk-user', 'no-such-kiosk-account', '--systemd-dir', units]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("there is no account 'no-such-kiosk-account'");
    const other = schedule(['--os', 'windows']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('only previews (--dry-run)');
  });

  it('--dry-run --os windows previews the task XML in the policy zone', () => {
    const r = schedule(['--dry-run', '--os', 'windows'], { TZ: 'Asia/Ho_Chi_Minh' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- task \\public-kiosk\\Shift wipe');
    expect(r.stdout).toContain('<StartBoundary>2024-01-01T17:00:00+07:00</StartBoundary>');
    expect(r.stdout).toContain('<Arguments>--kiosk-cli wipe --if-due</Arguments>');
    expect(r.stdout).toContain('schtasks /Create /TN "\\public-kiosk\\Start kiosk" /XML "<Start kiosk.xml>" /F');
  });

  it('--remove deletes what was installed', () => {
    expect(schedule([]).code).toBe(0);
    const r = schedule(['--remove']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`removed ${path.join(units, 'public-kiosk-wipe.service')}`);
    expect(readdirSync(units)).toEqual([]);
  });
});
