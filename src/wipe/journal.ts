import { readTextIfExists, removeFileDurably, writeFileAtomic } from '../state/atomic-file';
import { stateFiles } from '../state/state-files';
import type { WipeTrigger } from '../audit/record-types';
import type { WipeRoots } from './types';

/**
 * The intent of a wipe, made durable in the state root before anything is deleted. While it
 * exists a wipe is unfinished: the next start of the CLI or the kiosk finishes it first.
 */
export interface WipeJournal {
  version: 1;
  wipeId: string;
  scope: 'session' | 'shift';
  trigger: WipeTrigger;
  sessionId: string | null;
  coveredShiftEnd: string | null;
  startedAt: string;
  roots: WipeRoots;
  credentialServices: string[];
}

/** A journal that exists but cannot be read: its intent is unknown, so recovery wipes everything. */
export const UNREADABLE_JOURNAL = 'unreadable' as const;

export async function writeJournal(stateRoot: string, journal: WipeJournal): Promise<void> {
  await writeFileAtomic(stateFiles(stateRoot).journal, `${JSON.stringify(journal)}\n`);
}

export async function readJournal(stateRoot: string): Promise<WipeJournal | typeof UNREADABLE_JOURNAL | null> {
  const text = await readTextIfExists(stateFiles(stateRoot).journal);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<WipeJournal>;
    const roots = value.roots;
    const valid =
      value.version === 1 &&
      typeof value.wipeId === 'string' &&
      (value.scope === 'session' || value.scope === 'shift') &&
      typeof value.trigger === 'string' &&
      typeof value.startedAt === 'string' &&
      typeof roots?.sessionData === 'string' &&
      typeof roots.downloads === 'string' &&
      typeof roots.state === 'string' &&
      Array.isArray(roots.extraPaths) &&
      (roots.sessionPaths === undefined || Array.isArray(roots.sessionPaths)) &&
      Array.isArray(value.credentialServices);
    if (!valid) return UNREADABLE_JOURNAL;
    // A journal written before session paths existed names none.
    return { ...(value as WipeJournal), roots: { ...roots, sessionPaths: roots.sessionPaths ?? [] } };
  } catch {
    return UNREADABLE_JOURNAL;
  }
}

export async function clearJournal(stateRoot: string): Promise<void> {
  await removeFileDurably(stateFiles(stateRoot).journal);
}
