import { chmodSync, closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSessionCanaries, rememberCanaries, type SessionCanaries } from '../../../src/wipe/canaries';
import { runCli } from '../../support/cli';
import { auditRecords, makeCliRoots, plant, type CliRoots } from './wipe-fixtures';

/**
 * wipe.sessionPaths through the real CLI: a scanner's output folder emptied by every session wipe
 * and every shift wipe, kept itself (the scanner writes there next), verified, recorded.
 */
let roots: CliRoots;
afterEach(() => {
  if (roots) for (const dir of roots.sessionPaths) chmodTree(dir);
  roots?.cleanup();
});

function chmodTree(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    try {
      chmodSync(file, 0o700);
    } catch {
      // a dangling link
    }
  }
}

function scans(): string {
  return roots.sessionPaths[0] as string;
}

/** A scanner folder as a citizen leaves it: nested folders, a read-only scan, the session's canary, a link out. */
async function citizenScans(canaries: SessionCanaries): Promise<{ outside: string }> {
  await rememberCanaries(roots.state, canaries);
  const outside = path.join(roots.base, 'outside');
  plant(outside, { 'keep.txt': 'not a citizen file' });
  plant(scans(), {
    'cccd-mat-truoc.jpg': Buffer.alloc(4096, 1),
    '2026/11/28/scan-0001.pdf': `%PDF-1.7 ${canaries.download}`,
    'ocr/ho-so.txt': Buffer.from(`so CCCD ${canaries.localStorage}`, 'utf16le'),
  });
  chmodSync(path.join(scans(), 'cccd-mat-truoc.jpg'), 0o444);
  chmodSync(path.join(scans(), '2026/11/28/scan-0001.pdf'), 0o400);
  symlinkSync(outside, path.join(scans(), 'link-to-outside'));
  symlinkSync(path.join(outside, 'keep.txt'), path.join(scans(), 'link-to-file.txt'));
  return { outside };
}

function expectEmptiedAndKept(outside: string): void {
  expect(statSync(scans()).isDirectory()).toBe(true);
  expect(readdirSync(scans())).toEqual([]);
  // links are removed, never followed
  expect(readFileSync(path.join(outside, 'keep.txt'), 'utf8')).toBe('not a citizen file');
}

describe('public-kiosk wipe with wipe.sessionPaths', () => {
  it('a session wipe empties the scanner folder (nested, read-only, links out) and keeps the folder; verified and recorded', async () => {
    roots = makeCliRoots(1, [], 1);
    const canaries = createSessionCanaries('ab12');
    const { outside } = await citizenScans(canaries);
    plant(roots.sessionData, { 'Partitions/ab12/Cookies': canaries.cookie, 'Partitions/cd34/Cookies': 'other' });
    plant(roots.downloads, { 'ab12/f.pdf': 'f' });
    plant(roots.extraPaths[0] as string, { 'kept-until-shift-end.txt': 'e' });
    const result = runCli(['wipe', '--scope', 'session', '--session', 'ab12', '--reason', 'session-end', '--json', ...roots.args]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expectEmptiedAndKept(outside);
    expect(readdirSync(roots.downloads)).toEqual([]);
    expect(readdirSync(path.join(roots.sessionData, 'Partitions'))).toEqual(['cd34']);
    // the shift-only extra path waits for the shift wipe
    expect(readdirSync(roots.extraPaths[0] as string)).toEqual(['kept-until-shift-end.txt']);
    const [record] = auditRecords(roots.state);
    // 2 session files + 5 entries in the scanner folder (3 files, 2 links)
    expect(record).toMatchObject({ type: 'wipe', scope: 'session', trigger: 'session-end', result: 'succeeded', verification: 'passed', filesRemoved: 7, canarySessionsChecked: 1, errors: [] });
    expect(JSON.stringify(record)).not.toContain(scans());
  });

  it('a shift wipe empties it too, with the other roots', async () => {
    roots = makeCliRoots(1, [], 1);
    const { outside } = await citizenScans(createSessionCanaries('ef56'));
    plant(roots.sessionData, { 'Default/Cookies': 'x' });
    plant(roots.extraPaths[0] as string, { 'e.txt': 'e' });
    const result = runCli(['wipe', '--reason', 'shift-end', ...roots.args]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/SUCCEEDED .*: 7 files/);
    expectEmptiedAndKept(outside);
    for (const dir of [roots.sessionData, roots.downloads, roots.extraPaths[0] as string]) expect(readdirSync(dir)).toEqual([]);
    expect(auditRecords(roots.state)).toMatchObject([{ scope: 'shift', result: 'succeeded', verification: 'passed', filesRemoved: 7, canarySessionsChecked: 1 }]);
  });

  it('a scanner folder that does not exist is nothing to wipe: success, and it is not created', () => {
    roots = makeCliRoots(1, [], 1);
    rmSync(scans(), { recursive: true });
    plant(roots.downloads, { 'ab12/f.pdf': 'f' });
    const session = runCli(['wipe', '--scope', 'session', '--session', 'ab12', ...roots.args]);
    expect(session.stderr).toBe('');
    expect(session.code).toBe(0);
    const shift = runCli(['wipe', ...roots.args]);
    expect(shift.code).toBe(0);
    expect(existsSync(scans())).toBe(false);
    expect(auditRecords(roots.state)).toMatchObject([{ result: 'succeeded' }, { result: 'succeeded' }]);
  });

  it('a file the scanner is still writing is removed; what it writes after the wipe lands nowhere (Linux)', () => {
    roots = makeCliRoots(1, [], 1);
    const file = path.join(scans(), 'scan-in-progress.jpg');
    const fd = openSync(file, 'w');
    try {
      writeSync(fd, Buffer.alloc(1024, 7));
      const result = runCli(['wipe', '--scope', 'session', '--session', 'ab12', ...roots.args]);
      expect(result.code).toBe(0);
      expect(readdirSync(scans())).toEqual([]);
      writeSync(fd, Buffer.alloc(1024, 8));
    } finally {
      closeSync(fd);
    }
    expect(readdirSync(scans())).toEqual([]);
  });

  it('refuses a scanner folder that is a symbolic link, and one whose missing path runs through a link into the state root (exit 2, nothing deleted)', () => {
    roots = makeCliRoots(1, [], 1);
    const real = path.join(roots.base, 'real-scans');
    plant(real, { 'scan.jpg': 'j' });
    plant(roots.downloads, { 'ab12/f.pdf': 'f' });
    rmSync(scans(), { recursive: true });
    symlinkSync(real, scans());
    const linked = runCli(['wipe', '--scope', 'session', '--session', 'ab12', ...roots.args]);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toMatch(/session path 1 .* is a symbolic link/);
    expect(readdirSync(real)).toEqual(['scan.jpg']);
    expect(readdirSync(roots.downloads)).toEqual(['ab12']);
    expect(auditRecords(roots.state)).toEqual([]);

    // a folder not there yet, whose path runs through a link into the state root: judged where it would really be
    rmSync(scans());
    const viaLink = path.join(roots.base, 'via-link');
    symlinkSync(roots.base, viaLink);
    const policy = readFileSync(roots.policyFile, 'utf8').replace(JSON.stringify(scans()), JSON.stringify(path.join(viaLink, 'state', 'scans')));
    plant(roots.base, { 'policy-2.yaml': policy });
    const intoState = runCli(['wipe', '--scope', 'session', '--session', 'ab12', '--policy', path.join(roots.base, 'policy-2.yaml')]);
    expect(intoState.code).toBe(2);
    expect(intoState.stderr).toMatch(/session path 1 lies inside state root/);
    expect(readdirSync(roots.downloads)).toEqual(['ab12']);
  });
});
