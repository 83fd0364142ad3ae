import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPrefix, runWindowsCli, toWindowsPath, type WinePrefix } from './support/wine';
import { repoRoot } from '../support/cli';

// Policy layers as an IT officer meets them on Windows: the bundled file, the machine policy in
// %ProgramData%\public-kiosk, ${VAR} paths expanded from the Windows environment, errors named with
// Windows file names.
// One prefix (one Windows machine) for the file; each test starts without a machine policy.
let win: WinePrefix;
beforeAll(() => {
  win = createPrefix();
});
afterAll(() => win?.dispose());
afterEach(() => rmSync(win.host('C:\\ProgramData\\public-kiosk'), { recursive: true, force: true }));

const machinePolicy = 'C:\\ProgramData\\public-kiosk\\policy.yaml';

function writeMachinePolicy(text: string): void {
  const file = win.host(machinePolicy);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('policy layers on Windows', () => {
  it('with no machine policy: the bundled policy, data under C:\\ProgramData\\public-kiosk', async () => {
    const r = await runWindowsCli(win, ['policy', 'check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Sources (lowest first): <built-in defaults> < ${toWindowsPath(path.join(repoRoot, 'policies', 'default.yaml'))}\n`);
    expect(r.stdout).toContain('Data on this machine (win32):');
    expect(r.stdout).toMatch(/session data C:\\ProgramData\\public-kiosk\\session-data\n/);
    expect(r.stdout).toMatch(/downloads +C:\\ProgramData\\public-kiosk\\downloads\n/);
    expect(r.stdout).toMatch(/state +C:\\ProgramData\\public-kiosk\\state\n/);
  });

  it('the machine policy in C:\\ProgramData\\public-kiosk overrides it; ${ProgramData}-style variables, any letter case', async () => {
    writeMachinePolicy(
      [
        'schedule:',
        '  shiftEnds: ["12:00", "16:45"]',
        'paths:',
        '  sessionData: { windows: "${PROGRAMDATA}\\\\Kiosk dữ liệu\\\\phiên", linux: /var/lib/x }',
        '  downloads: "${ProgramData}\\\\Kiosk dữ liệu\\\\tải về"',
        '  state: "${SystemDrive}\\\\KioskState"',
        'wipe:',
        '  extraPaths: [{ windows: "${PUBLIC}\\\\Documents\\\\Scans" }, { linux: /srv/scans }]',
        '',
      ].join('\n'),
    );
    const r = await runWindowsCli(win, ['policy', 'check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`< ${machinePolicy}\n`);
    expect(r.stdout).toMatch(/session data C:\\ProgramData\\Kiosk dữ liệu\\phiên\n/);
    expect(r.stdout).toMatch(/downloads +C:\\ProgramData\\Kiosk dữ liệu\\tải về\n/);
    expect(r.stdout).toMatch(/state +C:\\KioskState\n/);
    expect(r.stdout).toMatch(/shift wipe also empties: C:\\users\\Public\\Documents\\Scans\n/);
    const schedule = await runWindowsCli(win, ['schedule', '--from', '2026-12-01T00:00:00Z', '--count', '2']);
    expect(schedule.code).toBe(0);
    expect(schedule.stdout).toMatch(/12:00[\s\S]*16:45/);
  });

  it('--policy FILE on top, with a Windows path', async () => {
    writeMachinePolicy('schedule:\n  shiftEnds: ["12:00"]\n');
    const top = 'C:\\Kiosk\\thử nghiệm.yaml';
    mkdirSync(path.dirname(win.host(top)), { recursive: true });
    writeFileSync(win.host(top), 'schedule:\n  shiftEnds: ["10:15"]\n');
    const r = await runWindowsCli(win, ['policy', 'check', top]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`< ${machinePolicy} < ${top}\n`);
  });

  it('errors carry the Windows file name, line and column; the CLI then refuses to wipe (exit 2)', async () => {
    writeMachinePolicy('schedule:\n  shiftEnds: ["11:30", "25:00"]\nsession:\n  idleTimeoutSeconds: nine\n');
    const r = await runWindowsCli(win, ['policy', 'check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${machinePolicy}:2:24 schedule.shiftEnds[1]:`);
    expect(r.stderr).toContain(`${machinePolicy}:4:23 session.idleTimeoutSeconds:`);
    const wipe = await runWindowsCli(win, ['wipe']);
    expect(wipe.code).toBe(2);
    expect(wipe.stderr).toContain(machinePolicy);
  });

  it('an unset variable is an error naming it, never an empty string (no \\kiosk at the drive root)', async () => {
    writeMachinePolicy('paths:\n  state: "${KIOSK_NOT_SET}\\\\state"\n');
    const r = await runWindowsCli(win, ['policy', 'check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/paths\.state.*\$\{KIOSK_NOT_SET\}.*not set/);
  });
});
