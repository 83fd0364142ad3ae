import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRecords } from '../src/cli/wipe-fixtures';
import { createPrefix, runWindowsCli, type WinePrefix } from './support/wine';
import { DOWNLOADS, holdFile, installKiosk, plantFromWindows, SESSION_DATA, sessionDataFiles, STATE } from './support/kiosk-tree';

// A file another Windows process holds open with share mode 0 — as a still-running Chromium holds its
// cache and LevelDB files — cannot be deleted (EBUSY). The wipe must fail, say so, and leave the kiosk
// out of service; once the file is released, the next wipe succeeds and puts it back in service.
let win: WinePrefix;
beforeAll(() => {
  win = createPrefix();
  installKiosk(win);
});
afterAll(() => win?.dispose());

describe('a file held open by another Windows process', () => {
  it('fails the wipe (exit 1, out of service); released, the next wipe succeeds and the kiosk is back in service', async () => {
    await plantFromWindows(win, [...sessionDataFiles(SESSION_DATA), { path: `${DOWNLOADS}\\s1\\đơn.pdf`, content: 'pdf' }]);
    const held = `${SESSION_DATA}\\Partitions\\citizen-a\\Local Storage\\leveldb\\000003.log`;
    const lock = await holdFile(win, held);

    const failed = await runWindowsCli(win, ['wipe', '--reason', 'shift-end']);
    expect(failed.stderr).toBe('');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^shift wipe \(shift-end\) FAILED/);
    expect(failed.stdout).toMatch(/EBUSY on session-data: \d+ entries left after 4 attempts/);
    expect(failed.stdout).toMatch(/OUT OF SERVICE \(wipe-failed\)/);
    expect(existsSync(win.host(held))).toBe(true);
    // The other roots were still emptied.
    expect(readdirSync(win.host(DOWNLOADS))).toEqual([]);
    const records = auditRecords(win.host(STATE));
    expect(records.map((r) => `${r.type}:${String(r.result ?? r.state)}`)).toEqual(['wipe:failed', 'service:out-of-service']);
    expect(JSON.stringify(records)).not.toContain('000003.log');

    const down = await runWindowsCli(win, ['status']);
    expect(down.stdout).toMatch(/^Service: OUT OF SERVICE since .* \(wipe-failed\)/);
    // A scheduled `wipe --if-due` while the file is still held fails the same way, and stays out of service.
    const again = await runWindowsCli(win, ['wipe', '--if-due']);
    expect(again.code).toBe(1);

    await lock.release();
    const fixed = await runWindowsCli(win, ['wipe']);
    expect(fixed.stderr).toBe('');
    expect(fixed.code).toBe(0);
    expect(readdirSync(win.host(SESSION_DATA))).toEqual([]);
    expect(auditRecords(win.host(STATE)).slice(-2).map((r) => `${r.type}:${String(r.result ?? r.state)}`)).toEqual(['wipe:succeeded', 'service:in-service']);
    const up = await runWindowsCli(win, ['status']);
    expect(up.stdout).toMatch(/^Service: in service\n/);
    expect((await runWindowsCli(win, ['audit', 'verify'])).code).toBe(0);
  });
});
