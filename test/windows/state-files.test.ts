import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRecords } from '../src/cli/wipe-fixtures';
import { createPrefix, runWindowsCli, startWindowsCli, type WinePrefix } from './support/wine';
import { holdFile, installKiosk, SESSION_DATA, STATE } from './support/kiosk-tree';

// State files on Windows: every write is a temporary file renamed over the old one, which Windows
// refuses while another process has the target open without FILE_SHARE_DELETE (antivirus, backup,
// an editor). The audit log's chain and head survive Windows line endings being "fixed" by an editor.
let win: WinePrefix;
beforeAll(() => {
  win = createPrefix();
  installKiosk(win);
});
afterAll(() => win?.dispose());

const lastShiftWipe = `${STATE}\\last-shift-wipe.json`;
const readLast = () => readFileSync(win.host(lastShiftWipe), 'utf8');
const stateLeftovers = () => readdirSync(win.host(STATE)).filter((f) => /\.tmp$|journal/.test(f));

async function shiftWipe(): Promise<void> {
  writeFileSync(win.host(`${SESSION_DATA}\\Cookies`), 'c');
  const r = await runWindowsCli(win, ['wipe']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

describe('atomic state writes on Windows', () => {
  it('replace the file over an existing one', async () => {
    await shiftWipe();
    const first = readLast();
    await shiftWipe();
    expect(readLast()).not.toBe(first);
    const at = (text: string) => Date.parse((JSON.parse(text) as { at: string }).at);
    expect(at(readLast())).toBeGreaterThan(at(first));
    expect(auditRecords(win.host(STATE)).filter((r) => r.type === 'wipe')).toHaveLength(2);
    expect(stateLeftovers()).toEqual([]);
  });

  it('wait for a process that holds the file with share mode 0 to let go (an antivirus scan), then replace it', async () => {
    const before = readLast();
    const scanner = await holdFile(win, lastShiftWipe);
    writeFileSync(win.host(`${SESSION_DATA}\\Cookies`), 'c');
    const wipe = startWindowsCli(win, ['wipe']);
    // The writer is retrying once its temporary file sits beside the held one; then the scan ends.
    while (!readdirSync(win.host(STATE)).some((f) => f.startsWith('last-shift-wipe.json.') && f.endsWith('.tmp'))) await delay(10);
    await scanner.release();
    const r = await wipe.exited;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readLast()).not.toBe(before);
    expect(stateLeftovers()).toEqual([]);
  });

  it('the audit log: intact after these writes; a Notepad-style CRLF save is reported as damage (exit 1)', async () => {
    const ok = await runWindowsCli(win, ['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^Audit log intact; \d+ record\(s\)/);
    const log = win.host(`${STATE}\\audit.log`);
    writeFileSync(log, readFileSync(log, 'utf8').replace(/\n/g, '\r\n'));
    const damaged = await runWindowsCli(win, ['audit', 'verify']);
    expect(damaged.code).toBe(1);
    expect(damaged.stdout + damaged.stderr).toMatch(/damag|problem|invalid|not intact/i);
  });
});
