import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runStartupWipe, startupWipeCommand, type SpawnSync } from '../../../main/kiosk/startup-wipe';
import { readRecentWipes } from '../../../src/audit/recent';
import type { ShiftWipeTrigger } from '../../../src/session/types';
import { cliEntry } from '../../support/cli';

/**
 * The start-up wipe against the real, built CLI (npm run build first): the arguments main/ builds
 * and the JSON and exit codes it reads must be the ones the `wipe` command really has. Only the
 * program differs: Node and bin/public-kiosk.js here, the kiosk binary with --kiosk-cli in Electron.
 */
let dir: string;
let policy: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pk-startup-wipe-'));
  for (const root of ['session-data/Cache', 'downloads/old-session', 'state']) mkdirSync(path.join(dir, root), { recursive: true });
  writeFileSync(path.join(dir, 'session-data', 'Cache', 'data_1'), 'left by the last shift');
  policy = path.join(dir, 'policy.yaml');
  const root = (name: string) => path.join(dir, name);
  writeFileSync(policy, `version: 1\npaths:\n  sessionData: ${root('session-data')}\n  downloads: ${root('downloads')}\n  state: ${root('state')}\nwipe:\n  credentialServices: []\n`);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const facts = { platform: 'win32' as const, execPath: 'kiosk.exe', isPackaged: true, appPath: '', policyFile: '' };

function runAsKiosk(trigger: ShiftWipeTrigger | null) {
  const command = startupWipeCommand({ ...facts, policyFile: policy }, trigger);
  expect(command.slice(0, 2)).toEqual(['kiosk.exe', '--kiosk-cli']);
  return runStartupWipe(spawnSync as SpawnSync, [process.execPath, cliEntry, ...command.slice(2)], { ...process.env, PUBLIC_KIOSK_POLICY: '' });
}

describe('the start-up wipe through the built CLI', () => {
  it.each([
    ['shift-end', 'shift-end'],
    ['staff', 'manual'],
  ] as const)('after a relaunch for a %s wipe: wipes unconditionally, recorded as %s', async (trigger, recorded) => {
    expect(runAsKiosk(trigger)).toEqual({ ran: true, ok: true, detail: 'wiped' });
    const [record] = await readRecentWipes(path.join(dir, 'state'), 1);
    expect(record).toMatchObject({ scope: 'shift', trigger: recorded, result: 'succeeded' });
    expect(existsSync(path.join(dir, 'session-data', 'Cache'))).toBe(false);
    expect(existsSync(path.join(dir, 'downloads', 'old-session'))).toBe(false);
  });

  it('reports a refused wipe (overlapping roots) as a failure, with the CLI’s reason', () => {
    writeFileSync(policy, `version: 1\npaths:\n  sessionData: /\n  downloads: ${dir}/downloads\n  state: ${dir}/state\nwipe:\n  credentialServices: []\n`);
    const result = runAsKiosk('recovery');
    expect(result).toMatchObject({ ran: true, ok: false });
    expect(result.ran && result.detail).toMatch(/start-up wipe: exit 2: .*overlaps paths\.sessionData/);
  });

  it('on a normal start: wipes when a shift wipe is owed, and not again', () => {
    expect(runAsKiosk(null)).toMatchObject({ ran: true, ok: true });
    expect(existsSync(path.join(dir, 'session-data', 'Cache'))).toBe(false);
    expect(runAsKiosk(null)).toEqual({ ran: false });
  });
});
