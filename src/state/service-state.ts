import { stat } from 'node:fs/promises';
import { readTextIfExists, removeFileDurably, writeFileAtomic } from './atomic-file';
import { stateFiles } from './state-files';

/**
 * The kiosk's service state, kept as separate small files in the state root so that the kiosk and
 * the OS-scheduled CLI never overwrite each other's update. Unreadable files read fail-closed: a
 * damaged out-of-service flag still means out of service, a damaged last-wipe file means no wipe.
 */
/**
 * Where service changes are recorded (the audit log satisfies it). Declared here, not imported from
 * src/audit/, because the audit log itself is built on this folder's files.
 */
export interface ServiceRecordSink {
  append(record: { type: 'service'; at: string; state: 'out-of-service' | 'in-service'; reason: string }): Promise<void>;
}

export interface ServiceState {
  outOfService: { reason: string; since: string } | null;
  lastShiftWipe: { at: string; coveredShiftEnd: string | null } | null;
  /** A wipe was started and has not finished: no citizen session may start until it is recovered. */
  journalPending: boolean;
}

/** Reason codes are short kebab-case words, never data (they go into the audit log). */
const reasonPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

export async function readServiceState(stateRoot: string): Promise<ServiceState> {
  const files = stateFiles(stateRoot);
  return {
    outOfService: await readOutOfService(files.outOfService),
    lastShiftWipe: await readLastShiftWipe(files.lastShiftWipe),
    journalPending: (await readTextIfExists(files.journal)) !== null,
  };
}

async function readOutOfService(file: string): Promise<ServiceState['outOfService']> {
  const text = await readTextIfExists(file);
  if (text === null) return null;
  const value = parseObject(text);
  if (value && typeof value.reason === 'string' && typeof value.since === 'string') {
    return { reason: value.reason, since: value.since };
  }
  const info = await stat(file).catch(() => null);
  return { reason: 'state-unreadable', since: (info?.mtime ?? new Date()).toISOString() };
}

async function readLastShiftWipe(file: string): Promise<ServiceState['lastShiftWipe']> {
  const text = await readTextIfExists(file);
  const value = text === null ? null : parseObject(text);
  if (!value || typeof value.at !== 'string' || Number.isNaN(Date.parse(value.at))) return null;
  const covered = value.coveredShiftEnd;
  return { at: value.at, coveredShiftEnd: typeof covered === 'string' ? covered : null };
}

/**
 * Takes the kiosk out of service. The flag is written before the audit record so that a failing
 * audit log can never leave the kiosk serving; an existing flag keeps its original time and reason.
 */
export async function markOutOfService(stateRoot: string, reason: string, audit: ServiceRecordSink, now = new Date()): Promise<void> {
  if (!reasonPattern.test(reason)) throw new Error(`out-of-service reason must be a short code, got ${JSON.stringify(reason)}`);
  const file = stateFiles(stateRoot).outOfService;
  if ((await readTextIfExists(file)) !== null) return;
  const since = now.toISOString();
  await writeFileAtomic(file, `${JSON.stringify({ reason, since })}\n`);
  await audit.append({ type: 'service', at: since, state: 'out-of-service', reason });
}

/** Puts the kiosk back in service; only a successful shift wipe calls this. */
export async function clearOutOfService(stateRoot: string, reason: string, audit: ServiceRecordSink, now = new Date()): Promise<void> {
  const file = stateFiles(stateRoot).outOfService;
  if ((await readTextIfExists(file)) === null) return;
  await audit.append({ type: 'service', at: now.toISOString(), state: 'in-service', reason });
  await removeFileDurably(file);
}

export async function recordShiftWipe(stateRoot: string, at: Date, coveredShiftEnd: Date | null): Promise<void> {
  const value = { at: at.toISOString(), coveredShiftEnd: coveredShiftEnd ? coveredShiftEnd.toISOString() : null };
  await writeFileAtomic(stateFiles(stateRoot).lastShiftWipe, `${JSON.stringify(value)}\n`);
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
