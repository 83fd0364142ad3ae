import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWNLOADS, installKiosk, KIOSK, MACHINE_POLICY, SESSION_DATA, STATE } from './support/kiosk-tree';
import { createPrefix, runWindowsCli, type WinePrefix } from './support/wine';

// install-folders (what both installers run as an administrator) on Windows' Node under Wine. Wine's
// icacls accepts every call and enforces nothing, so this proves the folders, the account choice and
// that each call ran and passed; the icacls lines themselves are asserted in test/src/install/data-folders.
let win: WinePrefix;
beforeAll(() => {
  win = createPrefix();
});
afterAll(() => win?.dispose());

describe('install-folders on Windows', () => {
  it('over an existing folder with a planted policy: creates the data folders for the policy\'s install.kioskUser, every icacls call passing', async () => {
    installKiosk(win, 'install:\n  kioskUser: quay-01\n');
    const r = await runWindowsCli(win, ['install-folders']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`prepared ${KIOSK} (session-data, downloads, state) for the kiosk account quay-01\n`);
    expect(r.code).toBe(0);
    for (const dir of [SESSION_DATA, DOWNLOADS, STATE]) expect(existsSync(win.host(dir)), dir).toBe(true);
    expect(readFileSync(win.host(MACHINE_POLICY), 'utf8')).toBe('install:\n  kioskUser: quay-01\n');
  });
});
