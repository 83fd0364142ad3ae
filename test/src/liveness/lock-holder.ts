import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../support/cli';
import { lockPath, type LockRecord, type LockRole } from '../../../src/liveness/lock-record';

const builtLock = path.join(repoRoot, 'dist', 'src', 'liveness', 'kiosk-lock.js');

/**
 * Another real process that takes the lock with the built code and heartbeats it, as the kiosk
 * does. Resolves once it reports whether it got the lock.
 */
export async function startLockHolder(
  stateRoot: string,
  options: { role?: LockRole; dueWipePendingSince?: string } = {},
): Promise<{ child: ChildProcess; acquired: boolean }> {
  const update = JSON.stringify(options.dueWipePendingSince ? { dueWipePendingSince: options.dueWipePendingSince } : {});
  const script = `
    const lock = require(${JSON.stringify(builtLock)});
    lock.acquireKioskLock(process.argv[1], { role: ${JSON.stringify(options.role ?? 'kiosk')} }).then(async (r) => {
      if (r.acquired) await lock.heartbeat(r.handle, ${update});
      process.stdout.write(JSON.stringify({ acquired: r.acquired }) + '\\n');
      if (r.acquired) setInterval(() => void lock.heartbeat(r.handle), 200);
      else process.exit(0);
    });`;
  const child = spawn(process.execPath, ['-e', script, stateRoot], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes('\n')) resolve(text.split('\n')[0] ?? '');
    });
    child.on('exit', (code) => reject(new Error(`lock holder exited early with ${code}`)));
  });
  return { child, acquired: (JSON.parse(line) as { acquired: boolean }).acquired };
}

export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill();
  });
}

/** The pid of a process that has exited: no process has it (until the OS reuses it). */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

export function writeLock(stateRoot: string, fields: Partial<LockRecord>): LockRecord {
  const now = new Date().toISOString();
  const record: LockRecord = {
    version: 1,
    role: 'kiosk',
    pid: process.pid,
    token: 'planted-token',
    startedAt: now,
    heartbeatAt: now,
    dueWipePendingSince: null,
    ...fields,
  };
  writeFileSync(lockPath(stateRoot), JSON.stringify(record));
  return record;
}
