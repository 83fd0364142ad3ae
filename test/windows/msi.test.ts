import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEQUENCE, UPGRADE_CODE } from '../../build/msi.mjs';
import { buildTestMsis, FAIL_ON, INSTALLED_EXE, installedProducts, msiexec, msiTable, package_, regQuery } from './support/msi';
import { filesBelow } from './support/kiosk-tree';
import { createPrefix, type WinePrefix } from './support/wine';

// The fleet MSI (npm run dist:msi), built with wixl around a stub public-kiosk.exe that records the
// command lines the installer runs, then installed, upgraded, repaired and removed by Wine's msiexec
// in one 64-bit prefix, step by step. Wine's icacls and ACLs are not real: the folder rights are set by
// `install-folders` (its icacls lines are asserted in test/src/install/ and test/windows/install-folders).
let work: string;
let msi: Record<string, string>;
let win: WinePrefix;
const STATE_FILE = 'C:\\ProgramData\\public-kiosk\\state\\audit.log';
const q = (args: string) => `"${INSTALLED_EXE}" --kiosk-cli ${args}`;
// Wine puts a per-machine shortcut in the user's Start menu (Windows: ProgramData's); either will do here.
const shortcuts = () => filesBelow(win.driveC).filter((f) => f.includes('Start Menu') && f.endsWith('public-kiosk.lnk'));

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'pk-msi-'));
  msi = buildTestMsis(work, ['0.1.0', '0.2.0']);
  win = createPrefix();
});
afterAll(() => {
  win?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

const row = (table: string[][], key: string) => table.find((r) => r[0] === key);

describe('the MSI tables (msiinfo export)', () => {
  it('runs the CLI as deferred, non-impersonating actions in explicit order; only removal may fail', () => {
    const actions = msiTable(msi['0.1.0']!, 'CustomAction');
    // 3090 = exe from an installed file (18) + in-script (1024) + no impersonation (2048); 3154 adds "ignore exit code" (64).
    expect(row(actions, 'PrepareDataFolders')).toEqual(['PrepareDataFolders', '3090', 'PublicKioskExe', '--kiosk-cli install-folders [PKUSERARGUMENT]', '']);
    expect(row(actions, 'RegisterTasks')).toEqual(['RegisterTasks', '3090', 'PublicKioskExe', '--kiosk-cli install-schedule [PKUSERARGUMENT]', '']);
    expect(row(actions, 'RemoveTasks')).toEqual(['RemoveTasks', '3154', 'PublicKioskExe', '--kiosk-cli install-schedule --remove', '']);
    expect(row(actions, 'SetKioskUserArgument')?.slice(2, 4)).toEqual(['PKUSERARGUMENT', '--kiosk-user "[KIOSKUSER]"']);
    expect(row(actions, 'UseRememberedKioskUser')?.slice(2, 4)).toEqual(['KIOSKUSER', '[REMEMBEREDKIOSKUSER]']);
    const sequence = msiTable(msi['0.1.0']!, 'InstallExecuteSequence');
    const at = (name: string) => Number(row(sequence, name)?.[2]);
    expect(row(sequence, 'RemoveTasks')?.[1]).toBe('REMOVE~="ALL" AND NOT UPGRADINGPRODUCTCODE');
    expect(row(sequence, 'PrepareDataFolders')?.[1]).toBe('NOT REMOVE~="ALL"');
    expect(at('PrepareDataFolders')).toBe(SEQUENCE.prepareFolders);
    expect(at('InstallFiles')).toBeLessThan(at('PrepareDataFolders'));
    expect(at('PrepareDataFolders')).toBeLessThan(at('RegisterTasks'));
    expect(at('RegisterTasks')).toBeLessThan(at('InstallFinalize'));
    expect(at('InstallInitialize')).toBeLessThan(at('RemoveExistingProducts'));
    expect(at('RemoveTasks')).toBeLessThan(at('RemoveFiles'));
    expect(at('AppSearch')).toBeLessThan(at('UseRememberedKioskUser'));
    expect(at('UseRememberedKioskUser')).toBeLessThan(at('LaunchConditions'));
  });

  it('one component per ProgramData folder (the state folder unregistered, so never removed), the Start-menu shortcut, the fixed UpgradeCode', () => {
    const components = msiTable(msi['0.1.0']!, 'Component');
    expect(['KioskDataRoot', 'SessionData', 'Downloads', 'State'].map((dir) => components.filter((c) => c[2] === dir).length)).toEqual([1, 1, 1, 1]);
    expect(row(components, 'StateFolder')?.[1]).toBe('');
    expect(msiTable(msi['0.1.0']!, 'CreateFolder').map((r) => r[0]).sort()).toEqual(['Downloads', 'KioskDataRoot', 'SessionData', 'State']);
    expect(row(msiTable(msi['0.1.0']!, 'Shortcut'), 'PublicKioskShortcut')?.slice(1, 5)).toEqual(['ProgramMenuFolder', 'public-kiosk', 'StartMenuShortcut', '[INSTALLDIR]public-kiosk.exe']);
    const upgrade = msiTable(msi['0.2.0']!, 'Upgrade');
    expect(upgrade.map((r) => r[0])).toEqual([`{${UPGRADE_CODE}}`, `{${UPGRADE_CODE}}`]);
    const properties = msiTable(msi['0.2.0']!, 'Property');
    expect(row(properties, 'UpgradeCode')?.[1]).toBe(`{${UPGRADE_CODE}}`);
    expect(row(properties, 'ProductVersion')?.[1]).toBe('0.2.0');
    expect(row(properties, 'ALLUSERS')?.[1]).toBe('1');
    expect(row(properties, 'SecureCustomProperties')?.[1]?.split(';')).toContain('KIOSKUSER');
    expect(row(msiTable(msi['0.1.0']!, 'LaunchCondition'), 'Installed OR REMOVE~="ALL" OR NOT KIOSKUSER OR (NOT (KIOSKUSER >< "/") AND NOT (KIOSKUSER >< "[") AND NOT (KIOSKUSER >< "]") AND NOT (KIOSKUSER >< ":") AND NOT (KIOSKUSER >< ";") AND NOT (KIOSKUSER >< "|") AND NOT (KIOSKUSER >< "=") AND NOT (KIOSKUSER >< ",") AND NOT (KIOSKUSER >< "+") AND NOT (KIOSKUSER >< "*") AND NOT (KIOSKUSER >< "?") AND NOT (KIOSKUSER >< "<") AND NOT (KIOSKUSER >< ">") AND NOT (KIOSKUSER >< "%") AND NOT (KIOSKUSER >< "^") AND NOT (KIOSKUSER >< "&") AND NOT (KIOSKUSER >< "`") AND NOT (KIOSKUSER << " ") AND NOT (KIOSKUSER >> " "))')?.[1]).toMatch(/is not a Windows account name.*nothing was changed/);
  });
});

describe('msiexec under Wine, one machine from first install to removal', () => {
  const exists = (windowsPath: string) => existsSync(win.host(windowsPath));

  it('an invalid KIOSKUSER fails the install at its launch condition and changes nothing', async () => {
    const r = await msiexec(win, ['/i', package_(msi['0.1.0']!), 'KIOSKUSER=bad/name']);
    expect(r.code).toBe(1603 % 256);
    expect(r.log).toMatch(/Action ended [\d:]+: LaunchConditions\. Return value 0\./);
    expect(r.log).toContain('KIOSKUSER = bad/name');
    expect(r.calls).toEqual([]);
    expect(exists(INSTALLED_EXE)).toBe(false);
    expect(exists('C:\\ProgramData\\public-kiosk')).toBe(false);
    expect(await installedProducts(win)).toEqual([]);
  });

  it('a failing folder step (install-folders exits 3) rolls the whole install back', async () => {
    writeFileSync(win.host(FAIL_ON), 'install-folders');
    const r = await msiexec(win, ['/i', package_(msi['0.1.0']!), 'KIOSKUSER=kiosk01']);
    rmSync(win.host(FAIL_ON));
    expect(r.code).not.toBe(0);
    expect(r.calls).toEqual([q('install-folders --kiosk-user "kiosk01"')]);
    expect(exists(INSTALLED_EXE)).toBe(false);
    expect(await installedProducts(win)).toEqual([]);
    expect(await regQuery(win, 'HKLM\\SOFTWARE\\public-kiosk')).toBeNull();
  });

  it('without KIOSKUSER: the CLI steps get no account (the machine policy\'s install.kioskUser decides)', async () => {
    const r = await msiexec(win, ['/i', package_(msi['0.1.0']!)]);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([q('install-folders '), q('install-schedule ')]);
    const removed = await msiexec(win, ['/x', package_(msi['0.1.0']!)]);
    expect(removed.code).toBe(0);
    expect(removed.calls).toEqual([q('install-schedule --remove')]);
  });

  it('with KIOSKUSER: files in Program Files, the folders, the Uninstall key, the account remembered', async () => {
    const r = await msiexec(win, ['/i', package_(msi['0.1.0']!), 'KIOSKUSER=kiosk01']);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([q('install-folders --kiosk-user "kiosk01"'), q('install-schedule --kiosk-user "kiosk01"')]);
    expect(readdirSync(win.host('C:\\Program Files\\public-kiosk')).sort()).toEqual(['ffmpeg.dll', 'public-kiosk.exe', 'resources']);
    for (const folder of ['session-data', 'downloads', 'state']) expect(exists(`C:\\ProgramData\\public-kiosk\\${folder}`), folder).toBe(true);
    expect(await installedProducts(win)).toHaveLength(1);
    expect(await regQuery(win, 'HKLM\\SOFTWARE\\public-kiosk')).toMatch(/KioskUser\s+REG_SZ\s+kiosk01/);
    expect(shortcuts()).toHaveLength(1);
    writeFileSync(win.host(STATE_FILE), 'the audit log\n');
  });

  it('0.1.0 → 0.2.0 without KIOSKUSER: one product, the remembered account, tasks registered last, data kept', async () => {
    const before = await installedProducts(win);
    const r = await msiexec(win, ['/i', package_(msi['0.2.0']!)]);
    expect(r.code).toBe(0);
    const after = await installedProducts(win);
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
    // Real Windows sets UPGRADINGPRODUCTCODE in the old product's removal, so its RemoveTasks does not run;
    // Wine's RemoveExistingProducts does not, so here it runs first. Either way the new version registers last.
    expect(r.calls.filter((c) => !c.endsWith('--remove'))).toEqual([q('install-folders --kiosk-user "kiosk01"'), q('install-schedule --kiosk-user "kiosk01"')]);
    expect(r.calls.at(-1)).toBe(q('install-schedule --kiosk-user "kiosk01"'));
    expect(readFileSync(win.host(STATE_FILE), 'utf8')).toBe('the audit log\n');
  });

  it('a repair runs both steps again for the remembered account', async () => {
    // Windows: msiexec /fa PACKAGE. Wine's msiexec refuses /f; REINSTALL=ALL is the same repair.
    const r = await msiexec(win, ['/i', package_(msi['0.2.0']!), 'REINSTALL=ALL', 'REINSTALLMODE=omus']);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([q('install-folders --kiosk-user "kiosk01"'), q('install-schedule --kiosk-user "kiosk01"')]);
  });

  it('uninstall removes the tasks, the program files and the Uninstall key, and keeps the state folder (and says so in the log)', async () => {
    const r = await msiexec(win, ['/x', package_(msi['0.2.0']!)]);
    expect(r.code).toBe(0);
    expect(r.calls).toEqual([q('install-schedule --remove')]);
    expect(exists('C:\\Program Files\\public-kiosk')).toBe(false);
    expect(await installedProducts(win)).toEqual([]);
    expect(shortcuts()).toEqual([]);
    expect(readFileSync(win.host(STATE_FILE), 'utf8')).toBe('the audit log\n');
    expect(r.log).toMatch(/PKKEPT = public-kiosk: uninstall keeps C:\\ProgramData\\public-kiosk\\state \(the audit log is evidence\)/);
  });
});
