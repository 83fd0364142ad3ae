import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REMEMBERED_KEY, REMEMBERED_VALUE } from '../../build/msi.mjs';
import { repoRoot } from '../support/cli';

// The NSIS include as text (electron-builder's template is not built here: its UAC, StdUtils, WinShell
// and 7-Zip plug-ins are not in Debian). The folder rights are the CLI's install-folders, whose icacls
// lines test/src/install/data-folders.test.ts asserts; Wine runs it in test/windows/install-folders.
const nsh = readFileSync(path.join(repoRoot, 'build', 'installer.nsh'), 'utf8');
const macro = (name: string) => nsh.slice(nsh.indexOf(`!macro ${name}`), nsh.indexOf('!macroend', nsh.indexOf(`!macro ${name}`)));

describe('build/installer.nsh', () => {
  it('sets no folder rights itself: the one plan in install-folders does, then install-schedule, in that order', () => {
    expect(nsh.split('\n').filter((line) => !line.startsWith(';') && /icacls/i.test(line))).toEqual([]);
    const install = macro('customInstall');
    expect(install.indexOf('!insertmacro publicKioskStep "install-folders"')).toBeGreaterThan(0);
    expect(install.indexOf('!insertmacro publicKioskStep "install-schedule"')).toBeGreaterThan(install.indexOf('publicKioskStep "install-folders"'));
  });

  it('checks the exit code of each step and aborts the install on any failure', () => {
    const step = macro('publicKioskStep');
    expect(step).toMatch(/nsExec::ExecToLog '"\$INSTDIR\\\$\{APP_EXECUTABLE_FILENAME\}" --kiosk-cli \$\{WORDS\} \$PkUserArgument'\n\s+Pop \$0\n\s+\$\{If\} \$0 != 0\n/);
    expect(step).toMatch(/SetErrorLevel 2\n\s+Abort "public-kiosk: \$\{WORDS\} failed \(exit \$0\)"/);
  });

  it('a re-run without /KIOSKUSER keeps the account of the first install (the key the MSI uses), an empty one stops', () => {
    expect(nsh).toContain(`!define PK_REMEMBERED_KEY "${REMEMBERED_KEY}"`);
    expect(nsh).toContain(`!define PK_REMEMBERED_VALUE "${REMEMBERED_VALUE}"`);
    const install = macro('customInstall');
    expect(install).toMatch(/\$\{If\} \$\{Errors\}\n(\s*;.*\n)*\s+ReadRegStr \$PkKioskUser HKLM "\$\{PK_REMEMBERED_KEY\}" "\$\{PK_REMEMBERED_VALUE\}"\n\s+\$\{ElseIf\} \$PkKioskUser == ""\n[^]*?Abort "public-kiosk: \/KIOSKUSER= is empty"/);
    expect(install).toContain(`StrCpy $PkUserArgument '--kiosk-user "$PkKioskUser"'`);
    // Remembered only once both steps passed.
    expect(install.indexOf('WriteRegStr HKLM "${PK_REMEMBERED_KEY}"')).toBeGreaterThan(install.indexOf('publicKioskStep "install-schedule"'));
  });

  it('uninstall (not update) removes the tasks and the citizens\' folders and says that the state folder stays', () => {
    const uninstall = macro('customUnInstall');
    expect(uninstall).toMatch(/\$\{IfNot\} \$\{isUpdated\}\n[^]*--kiosk-cli install-schedule --remove/);
    expect(uninstall).not.toMatch(/RMDir[^\n]*state/);
    expect(uninstall).toContain('DetailPrint "public-kiosk: kept $1\\public-kiosk\\state (the audit log is evidence) and policy.yaml"');
  });
});
