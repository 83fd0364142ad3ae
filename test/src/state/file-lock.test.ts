import { spawnSync } from 'node:child_process';
import { hostname, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireFileLock, LockTimeoutError } from '../../../src/state/file-lock';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pk-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('acquireFileLock', () => {
  it('holds the lock until released; a second taker waits and then times out', async () => {
    const file = path.join(dir, 'x.lock');
    const lock = await acquireFileLock(file, 'test', 1000);
    await expect(acquireFileLock(file, 'test', 150)).rejects.toBeInstanceOf(LockTimeoutError);
    await lock.release();
    expect(existsSync(file)).toBe(false);
    await (await acquireFileLock(file, 'test', 150)).release();
  });

  it('breaks a lock whose process is dead (kill -9), but never a live one', async () => {
    const file = path.join(dir, 'x.lock');
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(file, JSON.stringify({ pid: Number(dead.stdout.trim()), host: hostname(), token: 'old' }));
    const lock = await acquireFileLock(file, 'test', 1000);
    expect(JSON.parse(readFileSync(file, 'utf8')).pid).toBe(process.pid);
    await lock.release();
    writeFileSync(file, JSON.stringify({ pid: process.ppid, host: hostname(), token: 'alive' }));
    await expect(acquireFileLock(file, 'test', 150)).rejects.toBeInstanceOf(LockTimeoutError);
  });

  it('releases only its own lock', async () => {
    const file = path.join(dir, 'x.lock');
    const lock = await acquireFileLock(file, 'test', 1000);
    writeFileSync(file, JSON.stringify({ pid: process.ppid, host: hostname(), token: 'someone-else' }));
    await lock.release();
    expect(existsSync(file)).toBe(true);
  });
});
