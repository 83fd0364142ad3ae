import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/cli';
import { buildRecordingStub, FAIL_ON, INSTALLED_EXE, regQuery, takeCalls } from './support/msi';
import { createPrefix, type WinePrefix } from './support/wine';

// build/installer.nsh executed: its customInstall / customUnInstall inside a 64-bit test harness
// (fixtures/nsis-harness.nsi) that Debian's makensis builds, around the recording stub, run silently
// by Wine. Not executed: electron-builder's own template around it (its UAC, StdUtils, WinShell and
// 7-Zip plug-ins are not in Debian and its release build is 32-bit, which this machine cannot run).
let work: string;
let setup: string;
let win: WinePrefix;
const q = (args: string) => `"${INSTALLED_EXE}" --kiosk-cli ${args}`;
const remembered = () => regQuery(win, 'HKLM\\SOFTWARE\\public-kiosk');

beforeAll(() => {
  if (!existsSync('/usr/bin/makensis')) throw new Error('makensis is missing: run `node scripts/test-deps/ensure.mjs` (npm test does)');
  work = mkdtempSync(path.join(tmpdir(), 'pk-nsis-'));
  buildRecordingStub(path.join(work, 'stub.exe'));
  setup = path.join(work, 'pk-harness.exe');
  execFileSync('makensis', ['-V2', '-XTarget amd64-unicode', `-DINCLUDE=${path.join(repoRoot, 'build', 'installer.nsh')}`, `-DSTUB=${path.join(work, 'stub.exe')}`, `-DOUT=${setup}`, path.join(__dirname, 'fixtures', 'nsis-harness.nsi')]);
  win = createPrefix();
});
afterAll(() => {
  win?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

const run = async (...args: string[]) => (await win.run(['/S', ...args], { program: setup })).code;

describe('the NSIS include, executed under Wine', () => {
  it('first install with /KIOSKUSER: install-folders then install-schedule for that account, which is remembered', async () => {
    expect(await run('/KIOSKUSER=kiosk01')).toBe(0);
    expect(takeCalls(win)).toEqual([q('install-folders --kiosk-user "kiosk01"'), q('install-schedule --kiosk-user "kiosk01"')]);
    expect(await remembered()).toMatch(/KioskUser\s+REG_SZ\s+kiosk01/);
  });

  it('a re-run without /KIOSKUSER keeps the first install\'s account (it used to fall back to "kiosk")', async () => {
    expect(await run()).toBe(0);
    expect(takeCalls(win)).toEqual([q('install-folders --kiosk-user "kiosk01"'), q('install-schedule --kiosk-user "kiosk01"')]);
  });

  it('a failing step aborts the install with exit 2 and the remembered account is unchanged', async () => {
    writeFileSync(win.host(FAIL_ON), 'install-schedule');
    const code = await run('/KIOSKUSER=other');
    rmSync(win.host(FAIL_ON));
    expect(code).toBe(2);
    expect(takeCalls(win)).toEqual([q('install-folders --kiosk-user "other"'), q('install-schedule --kiosk-user "other"')]);
    expect(await remembered()).toMatch(/KioskUser\s+REG_SZ\s+kiosk01/);
  });

  it('an empty /KIOSKUSER= stops before any step', async () => {
    expect(await run('/KIOSKUSER=')).toBe(2);
    expect(takeCalls(win)).toEqual([]);
  });

  it('uninstall removes the tasks, the citizens\' folders and the remembered account, and keeps the state folder', async () => {
    mkdirSync(win.host('C:\\ProgramData\\public-kiosk\\session-data\\Default'), { recursive: true });
    mkdirSync(win.host('C:\\ProgramData\\public-kiosk\\state'), { recursive: true });
    writeFileSync(win.host('C:\\ProgramData\\public-kiosk\\state\\audit.log'), 'records\n');
    expect(await run('--uninstall')).toBe(0);
    expect(takeCalls(win)).toEqual([q('install-schedule --remove')]);
    expect(existsSync(win.host('C:\\ProgramData\\public-kiosk\\session-data'))).toBe(false);
    expect(existsSync(win.host('C:\\ProgramData\\public-kiosk\\state\\audit.log'))).toBe(true);
    expect(await remembered()).toBeNull();
  });

  it('an update\'s uninstall step (--updated) leaves tasks and folders alone', async () => {
    expect(await run('/KIOSKUSER=kiosk01')).toBe(0);
    takeCalls(win);
    expect(await run('--uninstall', '--updated')).toBe(0);
    expect(takeCalls(win)).toEqual([]);
    expect(await remembered()).toMatch(/KioskUser\s+REG_SZ\s+kiosk01/);
  });
});
