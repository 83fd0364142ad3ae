import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { open, readFile, stat, unlink } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import path from 'node:path';
import { crashPoint } from '../crash/crash-points';
import { errorCode } from './atomic-file';

/**
 * A lock file shared by the kiosk and the OS-scheduled CLI (two processes, one state root). Created
 * with O_EXCL; holds pid, host and a random token. A lock whose process is gone (kill -9, power cut)
 * is broken by the next taker — only on the same host, where the pid can be checked.
 */
export interface FileLock {
  release(): Promise<void>;
}

export class LockTimeoutError extends Error {
  constructor(readonly purpose: string, waitedMs: number) {
    super(`another process holds the ${purpose} lock (waited ${Math.round(waitedMs / 1000)} s)`);
    this.name = 'LockTimeoutError';
  }
}

interface LockContent {
  pid: number;
  host: string;
  token: string;
}

/** A lock file still empty after this long belongs to a process that died between create and write. */
const EMPTY_LOCK_GRACE_MS = 5_000;

export async function acquireFileLock(file: string, purpose: string, timeoutMs: number): Promise<FileLock> {
  const token = randomBytes(12).toString('hex');
  const content = JSON.stringify({ pid: process.pid, host: hostname(), token } satisfies LockContent);
  const started = Date.now();
  for (let wait = 2; ; wait = Math.min(wait * 2, 100)) {
    if (await tryCreate(file, content)) return { release: () => releaseLock(file, token) };
    await breakIfStale(file);
    if (Date.now() - started > timeoutMs) throw new LockTimeoutError(purpose, Date.now() - started);
    await delay(wait);
  }
}

async function tryCreate(file: string, content: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx', 0o600);
    try {
      crashPoint('lock:created', path.basename(file));
      await handle.writeFile(content, 'utf8');
    } finally {
      await handle.close();
    }
    crashPoint('lock:written', path.basename(file));
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

async function breakIfStale(file: string): Promise<void> {
  const seen = await readFile(file, 'utf8').catch(() => null);
  if (seen === null) return;
  if (!(await isStale(file, seen))) return;
  // Unlink only if nobody replaced it since we looked (a second breaker may already have re-taken it).
  const again = await readFile(file, 'utf8').catch(() => null);
  if (again !== seen) return;
  await unlink(file).catch(() => undefined);
  crashPoint('lock:removed', path.basename(file));
}

async function isStale(file: string, text: string): Promise<boolean> {
  const holder = parseLock(text);
  if (!holder) {
    const info = await stat(file).catch(() => null);
    return info !== null && Date.now() - info.mtimeMs > EMPTY_LOCK_GRACE_MS;
  }
  return holder.host === hostname() && !processAlive(holder.pid);
}

function parseLock(text: string): LockContent | null {
  try {
    const value = JSON.parse(text) as Partial<LockContent>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string') {
      return { pid: value.pid, host: value.host, token: value.token };
    }
  } catch {
    // a torn or foreign file: handled as an unreadable lock by the caller
  }
  return null;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

async function releaseLock(file: string, token: string): Promise<void> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null || parseLock(text)?.token !== token) return;
  await unlink(file).catch(() => undefined);
  crashPoint('lock:removed', path.basename(file));
}
