import path from 'node:path';
import { readTextIfExists, writeFileAtomic } from '../state/atomic-file';
import { destinationSlug } from './destination';

/** The last record a collector acknowledged: the log it belongs to, its seq and seal, where it ends. */
export interface ForwardCursor {
  logId: string;
  seq: number;
  seal: string;
  /** Byte offset after that record's line: a hint; the next line must chain from `seal`. */
  offset: number;
}

/** Per collector, in the state root (`forward-<transport>-<host>-<port>.json`), written atomically. */
export interface DestinationState {
  v: 1;
  destination: string;
  cursor: ForwardCursor | null;
  lastError: { at: string; message: string } | null;
  lastSuccessAt: string | null;
  /** Records sent again, or lines that could not be read, at the last run. */
  notes?: string[];
}

export function destinationStateFile(stateRoot: string, id: string): string {
  return path.join(stateRoot, `forward-${destinationSlug(id)}.json`);
}

export function emptyState(id: string): DestinationState {
  return { v: 1, destination: id, cursor: null, lastError: null, lastSuccessAt: null };
}

/** A damaged file is not trusted and not fatal: the cursor starts over (duplicates, never a gap). */
export async function readDestinationState(stateRoot: string, id: string): Promise<DestinationState & { damaged?: true }> {
  const text = await readTextIfExists(destinationStateFile(stateRoot, id));
  if (text === null) return emptyState(id);
  try {
    const parsed = JSON.parse(text) as DestinationState;
    const cursor = parsed.cursor;
    const cursorValid =
      cursor === null ||
      (typeof cursor === 'object' && /^[a-f0-9]{32}$/.test(cursor.logId) && Number.isSafeInteger(cursor.seq) && cursor.seq > 0 && /^[a-f0-9]{64}$/.test(cursor.seal) && Number.isSafeInteger(cursor.offset) && cursor.offset >= 0);
    if (parsed.v !== 1 || parsed.destination !== id || !cursorValid) throw new Error('invalid');
    return parsed;
  } catch {
    return { ...emptyState(id), damaged: true };
  }
}

export async function writeDestinationState(stateRoot: string, state: DestinationState): Promise<void> {
  await writeFileAtomic(destinationStateFile(stateRoot, state.destination), `${JSON.stringify(state)}\n`);
}
