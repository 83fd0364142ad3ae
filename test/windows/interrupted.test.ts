import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRecords } from '../src/cli/wipe-fixtures';
import { createPrefix, runWindowsCli, startWindowsCli, waitForFile, type WinePrefix } from './support/wine';
import { DOWNLOADS, installKiosk, plantFromWindows, SESSION_DATA, STATE, type PlantedFile } from './support/kiosk-tree';

// The Windows process running a wipe is killed outright (SIGKILL to the Wine process: no handler, no
// cleanup, like TerminateProcess or a power cut) while it deletes. The next command finishes the wipe
// first; every wipe has exactly one record.
let win: WinePrefix;
beforeAll(() => {
  win = createPrefix();
  installKiosk(win);
});
afterAll(() => win?.dispose());

function bigTree(): PlantedFile[] {
  const files: PlantedFile[] = [];
  for (let i = 0; i < 1500; i += 1) files.push({ path: `${SESSION_DATA}\\Default\\Cache\\Cache_Data\\f_${i.toString(16).padStart(6, '0')}`, content: 'c'.repeat(256) });
  files.push({ path: `${DOWNLOADS}\\citizen-a\\hồ sơ.pdf`, content: 'pdf' });
  return files;
}

describe('a wipe killed mid-way on Windows', () => {
  it('is finished by the next command, with one record for each wipe', async () => {
    await plantFromWindows(win, bigTree());
    const journal = win.host(`${STATE}\\wipe-journal.json`);
    const running = startWindowsCli(win, ['wipe', '--reason', 'shift-end']);
    let exitedEarly: string | null = null;
    void running.exited.then((r) => (exitedEarly = `the wipe exited first (${r.code})`));
    await waitForFile(journal, 60_000, () => exitedEarly);
    // Killed once deletion is under way: some cache files gone, most still there.
    const cache = win.host(`${SESSION_DATA}\\Default\\Cache\\Cache_Data`);
    while (readdirSync(cache).length >= 1500) {
      if (exitedEarly) throw new Error(exitedEarly);
      await delay(5);
    }
    running.child.kill('SIGKILL');
    const killed = await running.exited;
    expect(killed.code).toBeNull();
    expect(existsSync(journal)).toBe(true);
    const interrupted = (JSON.parse(readFileSync(journal, 'utf8')) as { wipeId: string }).wipeId;
    const left = readdirSync(win.host(`${SESSION_DATA}\\Default\\Cache\\Cache_Data`)).length;

    const next = await runWindowsCli(win, ['status']);
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(/finished an interrupted shift wipe first: SUCCEEDED/);
    expect(next.stdout).toMatch(/^Service: in service\n/);
    expect(next.stdout).toMatch(/Interrupted wipe pending: no/);
    expect(existsSync(journal)).toBe(false);
    expect(readdirSync(win.host(SESSION_DATA))).toEqual([]);
    expect(readdirSync(win.host(DOWNLOADS))).toEqual([]);
    expect(readdirSync(win.host(STATE)).filter((f) => /journal|\.lock$|\.tmp$/.test(f))).toEqual([]);

    const again = await runWindowsCli(win, ['wipe']);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    const wipes = auditRecords(win.host(STATE)).filter((r) => r.type === 'wipe');
    expect(wipes.map((r) => r.result)).toEqual(['succeeded', 'succeeded']);
    expect(wipes.filter((r) => r.wipeId === interrupted)).toHaveLength(1);
    expect(new Set(wipes.map((r) => r.wipeId)).size).toBe(2);
    expect((await runWindowsCli(win, ['audit', 'verify'])).code).toBe(0);
    console.log(`windows interrupted wipe: killed with ${left} of 1500 cache files left`);
    expect(left).toBeGreaterThan(0);
    expect(path.basename(journal)).toBe('wipe-journal.json');
  });
});
