import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { crashPoint } from '../crash/crash-points';
import { errorCode, removeFileDurably, writeFileAtomic } from '../state/atomic-file';
import { readRegularTextIfExists } from '../state/regular-file';
import { stateFiles } from '../state/state-files';
import { normalizeSessionId } from './targets';

/**
 * Random markers the kiosk plants in a citizen session at its start, one per kind of storage. After
 * a wipe they must be found nowhere. They live in the state root only (never in the audit log) until
 * the next successful shift wipe has scanned for them.
 */
export const CANARY_KINDS = ['cookie', 'localStorage', 'sessionStorage', 'indexedDB', 'cacheStorage', 'download'] as const;
export type CanaryKind = (typeof CANARY_KINDS)[number];

export type SessionCanaries = { sessionId: string; createdAt: string } & Record<CanaryKind, string>;

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * 24 letters and digits (~143 bits), no shared prefix: usable as a cookie name or value, a storage
 * key, a file's content; and a common prefix could be compressed into a back-reference by LevelDB's
 * Snappy blocks, hiding later markers from the scan.
 */
export function randomCanary(): string {
  return [...randomBytes(24)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

export function createSessionCanaries(sessionId: string, now = new Date()): SessionCanaries {
  const id = normalizeSessionId(sessionId);
  const values = Object.fromEntries(CANARY_KINDS.map((kind) => [kind, randomCanary()])) as Record<CanaryKind, string>;
  return { sessionId: id, createdAt: now.toISOString(), ...values };
}

export function canaryValues(canaries: SessionCanaries): string[] {
  return CANARY_KINDS.map((kind) => canaries[kind]);
}

export async function rememberCanaries(stateRoot: string, canaries: SessionCanaries): Promise<void> {
  const dir = stateFiles(stateRoot).canaries;
  await mkdir(dir, { recursive: true, mode: 0o700 });
  crashPoint('dir:made', 'canaries');
  await writeFileAtomic(path.join(dir, `${normalizeSessionId(canaries.sessionId)}.json`), `${JSON.stringify(canaries)}\n`);
}

export interface LoadedCanaries {
  sessions: SessionCanaries[];
  /** Canary files that could not be read; each is set aside (renamed *.bad) and makes this wipe fail. */
  unreadable: number;
}

/** One session's canaries, or every remembered session's when `sessionId` is omitted. */
export async function loadCanaries(stateRoot: string, sessionId?: string): Promise<LoadedCanaries> {
  const dir = stateFiles(stateRoot).canaries;
  const names = sessionId !== undefined ? [`${normalizeSessionId(sessionId)}.json`] : await listCanaryFiles(dir);
  const result: LoadedCanaries = { sessions: [], unreadable: 0 };
  for (const name of names) {
    const file = path.join(dir, name);
    // A FIFO or link named like a record is set aside unread: a plain read of a FIFO never returns.
    const text = await readRegularTextIfExists(file).catch(() => '');
    if (text === null) continue;
    const parsed = parseCanaries(text);
    if (parsed) {
      result.sessions.push(parsed);
    } else {
      result.unreadable += 1;
      await rename(file, `${file}.bad`).catch(() => undefined);
      crashPoint('wipe:canary-set-aside', name);
    }
  }
  return result;
}

export async function forgetCanaries(stateRoot: string, sessionIds: readonly string[]): Promise<void> {
  const dir = stateFiles(stateRoot).canaries;
  for (const id of sessionIds) await removeFileDurably(path.join(dir, `${normalizeSessionId(id)}.json`));
}

async function listCanaryFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.json'));
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}

function parseCanaries(text: string): SessionCanaries | null {
  try {
    const value = JSON.parse(text) as Partial<Record<string, unknown>>;
    const valid =
      typeof value.sessionId === 'string' &&
      typeof value.createdAt === 'string' &&
      CANARY_KINDS.every((kind) => typeof value[kind] === 'string' && /^[A-Za-z0-9]{16,}$/.test(value[kind] as string));
    return valid ? (value as SessionCanaries) : null;
  } catch {
    return null;
  }
}
