import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSessionCanaries, rememberCanaries } from '../../../src/wipe/canaries';
import { stateFiles } from '../../../src/state/state-files';
import { runCli } from '../../support/cli';
import { auditRecords, makeCliRoots, plant, type CliRoots } from './wipe-fixtures';

/**
 * A FIFO (named pipe) opened for reading blocks until someone writes to it: a wipe or canary scan
 * that opened one would hang for ever. Whoever can write a wiped folder (a page's download, the
 * scanner, the kiosk account) can leave one there. Real CLI processes with a time limit far below
 * "for ever": they must finish, remove every FIFO without opening it, and record the wipe.
 */
let roots: CliRoots;
afterEach(() => roots?.cleanup());

const LIMIT_MS = 30_000;

function mkfifo(file: string): string {
  execFileSync('mkfifo', ['-m', '0666', file]);
  expect(lstatSync(file).isFIFO()).toBe(true);
  return file;
}

describe.skipIf(process.platform === 'win32')('wipe and canary scan never block on a FIFO', () => {
  it('session wipe: FIFOs in the session data, a session path and next to kept data; removed or skipped, never opened', async () => {
    roots = makeCliRoots(1, [], 1);
    const scans = roots.sessionPaths[0] as string;
    const canaries = createSessionCanaries('ab12');
    await rememberCanaries(roots.state, canaries);
    plant(roots.sessionData, { 'Partitions/ab12/Cookies': canaries.cookie, 'Partitions/cd34/Cookies': 'other' });
    plant(scans, { 'scan.pdf': 'scan' });
    plant(roots.downloads, { 'cd34/keep.pdf': 'k' });
    mkfifo(path.join(roots.sessionData, 'Partitions', 'ab12', 'fifo'));
    mkfifo(path.join(scans, 'fifo'));
    // Not the session's: kept, and the verification scan walks past it.
    mkfifo(path.join(roots.sessionData, 'Partitions', 'cd34', 'fifo'));
    mkfifo(path.join(roots.downloads, 'cd34', 'fifo.pdf'));
    const result = runCli(['wipe', '--scope', 'session', '--session', 'ab12', '--json', ...roots.args], { timeout: LIMIT_MS });
    expect(result.code, `wipe did not finish: ${result.stderr}`).toBe(0);
    expect(readdirSync(scans)).toEqual([]);
    expect(existsSync(path.join(roots.sessionData, 'Partitions', 'ab12'))).toBe(false);
    expect(readdirSync(path.join(roots.sessionData, 'Partitions', 'cd34')).sort()).toEqual(['Cookies', 'fifo']);
    expect(auditRecords(roots.state)).toMatchObject([{ scope: 'session', result: 'succeeded', verification: 'passed', canarySessionsChecked: 1 }]);
  });

  it('shift wipe: FIFOs in session data, a session path, an extra path and among the canary records; the wipe completes', async () => {
    roots = makeCliRoots(1, [], 1);
    const scans = roots.sessionPaths[0] as string;
    await rememberCanaries(roots.state, createSessionCanaries('ef56'));
    plant(roots.sessionData, { 'Default/Cookies': 'x' });
    mkfifo(path.join(roots.sessionData, 'Default', 'fifo'));
    mkfifo(path.join(scans, 'fifo'));
    mkfifo(path.join(roots.extraPaths[0] as string, 'fifo'));
    // A canary record that is a FIFO: set aside as unreadable, never read.
    mkfifo(path.join(stateFiles(roots.state).canaries, 'zz99.json'));
    const result = runCli(['wipe', '--reason', 'shift-end', ...roots.args], { timeout: LIMIT_MS });
    expect(result.code, `wipe did not finish: ${result.stderr}`).not.toBeNull();
    for (const dir of [roots.sessionData, scans, roots.extraPaths[0] as string]) expect(readdirSync(dir)).toEqual([]);
    const [record] = auditRecords(roots.state);
    expect(record).toMatchObject({ scope: 'shift', canarySessionsChecked: 1 });
    expect(JSON.stringify(record)).toMatch(/1 canary record\(s\) unreadable/);
  });
});
