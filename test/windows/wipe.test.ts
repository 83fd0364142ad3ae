import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRecords } from '../src/cli/wipe-fixtures';
import { createPrefix, runWindowsCli, type WinePrefix } from './support/wine';
import { DOWNLOADS, filesBelow, installKiosk, partitionFiles, plantFromWindows, SESSION_DATA, sessionDataFiles, STATE } from './support/kiosk-tree';

// Shift and session wipes of a Chromium-shaped tree under C:\ProgramData\public-kiosk, with paths
// past MAX_PATH, Vietnamese names and read-only files, an extra path on a second drive (D:) and the
// downloads root — where session wipes delete a citizen's folder — on a third (E:).
// (This branch has no `wipe.sessionPaths` yet: the session wipe's second-drive case is the downloads root.)
const E_DOWNLOADS = 'E:\\Tải về';
const D_SCANS = 'D:\\Máy quét';
let win: WinePrefix;
let scans: string;
let citizenDownloads: string;
beforeAll(() => {
  win = createPrefix();
  scans = win.addDrive('D');
  citizenDownloads = win.addDrive('E');
  installKiosk(win, ['paths:', '  downloads: "E:\\\\Tải về"', 'wipe:', '  extraPaths: ["D:\\\\Máy quét"]', ''].join('\n'));
  mkdirSync(win.host(E_DOWNLOADS));
  mkdirSync(win.host(D_SCANS));
});
afterAll(() => win?.dispose());


function downloadFiles(id: string) {
  return [
    { path: `${E_DOWNLOADS}\\${id}\\Tờ khai đăng ký khai sinh.pdf`, content: '%PDF' },
    { path: `${E_DOWNLOADS}\\${id}\\Giấy xác nhận cư trú – Nguyễn Văn Ánh.jpg`, content: 'jpeg', readOnly: true },
  ];
}

describe('wipes on Windows roots', () => {
  it('a session wipe removes that citizen\'s partition and downloads (long paths, Vietnamese names, read-only) and nothing else', async () => {
    const seen = await plantFromWindows(win, [...sessionDataFiles(SESSION_DATA), ...downloadFiles('citizen-a'), ...downloadFiles('citizen-b')]);
    expect(Math.max(...seen.map((f) => f.length))).toBeGreaterThan(260);
    expect(seen.filter((f) => f.readOnly).length).toBeGreaterThanOrEqual(6);

    const r = await runWindowsCli(win, ['wipe', '--scope', 'session', '--session', 'citizen-a', '--reason', 'session-end']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^session wipe \(session-end\) SUCCEEDED/);
    expect(existsSync(win.host(`${SESSION_DATA}\\Partitions\\citizen-a`))).toBe(false);
    expect(existsSync(win.host(`${E_DOWNLOADS}\\citizen-a`))).toBe(false);
    // The other citizen and the rest of the profile are untouched.
    expect(filesBelow(win.host(`${SESSION_DATA}\\Partitions\\citizen-b`))).toHaveLength(partitionFiles(SESSION_DATA, 'citizen-b').length);
    expect(filesBelow(win.host(`${E_DOWNLOADS}\\citizen-b`))).toHaveLength(2);
    expect(existsSync(win.host(`${SESSION_DATA}\\Default\\Preferences`))).toBe(true);
    const [record] = auditRecords(win.host(STATE)).filter((x) => x.type === 'wipe');
    expect(record).toMatchObject({ scope: 'session', result: 'succeeded', verification: 'passed', filesRemoved: partitionFiles(SESSION_DATA, 'x').length + 2 });
    // No personal data in the record: not the session's file names, not the Windows paths.
    expect(JSON.stringify(record)).not.toMatch(/Tờ khai|Nguyễn|citizen-a|ProgramData|Tải về/);
  });

  it('a shift wipe empties session data, downloads on E: and the extra path on D:, keeps the roots and the state', async () => {
    await plantFromWindows(win, [
      ...sessionDataFiles(SESSION_DATA),
      ...downloadFiles('citizen-c'),
      { path: `${D_SCANS}\\2026-11-28\\Căn cước công dân mặt trước.png`, content: 'png', readOnly: true },
      { path: `${D_SCANS}\\scan0001.pdf`, content: 'pdf' },
    ]);
    const r = await runWindowsCli(win, ['wipe', '--reason', 'shift-end']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^shift wipe \(shift-end\) SUCCEEDED/);
    expect(readdirSync(win.host(SESSION_DATA))).toEqual([]);
    expect(readdirSync(win.host(E_DOWNLOADS))).toEqual([]);
    expect(readdirSync(win.host(D_SCANS))).toEqual([]);
    expect(existsSync(win.host(DOWNLOADS))).toBe(true); // the unused default root is left alone
    expect(readdirSync(win.host(STATE)).sort()).toEqual(['audit.head', 'audit.log', 'audit.log-id', 'last-shift-wipe.json']);
    // Nothing else on the drives was touched.
    expect(readdirSync(scans)).toEqual(['Máy quét']);
    expect(readdirSync(citizenDownloads)).toEqual(['Tải về']);

    const status = await runWindowsCli(win, ['status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^Service: in service\n/);
    expect(status.stdout).toMatch(/Last successful shift wipe: \d{4}-/);
    const verify = await runWindowsCli(win, ['audit', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toBe(`Audit log intact; ${auditRecords(win.host(STATE)).length} record(s), sealing unkeyed, key store-unavailable.\n`);
    expect(path.basename(win.host(STATE))).toBe('state');
  });
});
