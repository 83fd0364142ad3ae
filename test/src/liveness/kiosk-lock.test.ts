import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireKioskLock, heartbeat, release } from '../../../src/liveness/kiosk-lock';
import { lockPath, type LockRecord } from '../../../src/liveness/lock-record';
import { repoRoot } from '../../support/cli';
import { deadPid, startLockHolder, stopChild, writeLock } from './lock-holder';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'pk-lock-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const onDisk = (): LockRecord => JSON.parse(readFileSync(lockPath(root), 'utf8')) as LockRecord;

describe('acquireKioskLock', () => {
  it('creates the state root and writes pid, role and times', async () => {
    const stateRoot = path.join(root, 'state', 'nested');
    const result = await acquireKioskLock(stateRoot, { now: () => Date.parse('2026-03-02T04:30:00Z') });
    expect(result.acquired).toBe(true);
    const record = JSON.parse(readFileSync(lockPath(stateRoot), 'utf8')) as LockRecord;
    expect(record).toMatchObject({ version: 1, role: 'kiosk', pid: process.pid, startedAt: '2026-03-02T04:30:00.000Z', dueWipePendingSince: null });
    expect(readdirSync(stateRoot)).toEqual(['kiosk.lock']);
  });

  it('does not take a lock another live process holds', async () => {
    const { child, acquired } = await startLockHolder(root);
    try {
      expect(acquired).toBe(true);
      const second = await acquireKioskLock(root);
      expect(second).toMatchObject({ acquired: false, holder: { pid: child.pid, role: 'kiosk' } });
    } finally {
      await stopChild(child);
    }
  });

  it.each([
    ['its process is gone', () => ({ pid: deadPid() })],
    ['its heartbeat is older than two minutes', () => ({ heartbeatAt: new Date(Date.now() - 121_000).toISOString() })],
  ])('breaks a stale lock when %s', async (_why, fields) => {
    writeLock(root, fields());
    const result = await acquireKioskLock(root, { role: 'os-wipe' });
    expect(result.acquired).toBe(true);
    expect(onDisk()).toMatchObject({ pid: process.pid, role: 'os-wipe' });
    expect(onDisk().token).not.toBe('planted-token');
    expect(readdirSync(root)).toEqual(['kiosk.lock']);
  });

  it('breaks an unreadable lock file', async () => {
    writeFileSync(lockPath(root), '{"version":1,"pid":');
    expect((await acquireKioskLock(root)).acquired).toBe(true);
    expect(onDisk().pid).toBe(process.pid);
  });

  it('lets exactly one of several racing processes break a stale lock', async () => {
    writeLock(root, { pid: deadPid() });
    const builtLock = path.join(repoRoot, 'dist', 'src', 'liveness', 'kiosk-lock.js');
    // Every racer loads first, then all start at the same instant; each stays alive until all decided.
    const startAt = Date.now() + 1500;
    const script = `const lock = require(${JSON.stringify(builtLock)});
      setTimeout(() => lock.acquireKioskLock(process.argv[1]).then((r) => {
        process.stdout.write(r.acquired ? 'won' : 'lost'); setTimeout(() => {}, 1500);
      }), ${startAt} - Date.now());`;
    const runs = Array.from({ length: 6 }, () => new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['-e', script, root], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      child.on('exit', () => resolve(out));
    }));
    const outcomes = await Promise.all(runs);
    expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'lost')).toHaveLength(5);
  });
});

describe('heartbeat and release', () => {
  it('refreshes the heartbeat and keeps the pending-wipe time until cleared', async () => {
    let clock = Date.parse('2026-03-02T04:30:00Z');
    const result = await acquireKioskLock(root, { now: () => clock });
    if (!result.acquired) throw new Error('not acquired');
    clock += 15_000;
    expect(await heartbeat(result.handle, { dueWipePendingSince: '2026-03-02T04:30:10.000Z' }, () => clock)).toBe('held');
    clock += 15_000;
    expect(await heartbeat(result.handle, {}, () => clock)).toBe('held');
    expect(onDisk()).toMatchObject({ heartbeatAt: '2026-03-02T04:30:30.000Z', dueWipePendingSince: '2026-03-02T04:30:10.000Z' });
    await heartbeat(result.handle, { dueWipePendingSince: null }, () => clock);
    expect(onDisk().dueWipePendingSince).toBeNull();
  });

  it('reports a lock taken over by another process as lost, and release leaves that lock alone', async () => {
    const result = await acquireKioskLock(root);
    if (!result.acquired) throw new Error('not acquired');
    writeLock(root, { token: 'someone-else' });
    expect(await heartbeat(result.handle)).toBe('lost');
    await release(result.handle);
    expect(onDisk().token).toBe('someone-else');
  });

  it('release removes our own lock so the next holder acquires at once', async () => {
    const first = await acquireKioskLock(root);
    if (!first.acquired) throw new Error('not acquired');
    await release(first.handle);
    expect(readdirSync(root)).toEqual([]);
    expect((await acquireKioskLock(root)).acquired).toBe(true);
  });
});
