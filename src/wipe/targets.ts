import path from 'node:path';
import { WipeRefusedError, type WipeRequest, type WipeRoots } from './types';

export type TargetKind = 'session-data' | 'downloads' | 'extra-path' | 'session-path' | 'session-partition' | 'session-downloads';

/**
 * 'empty': the folder stays and everything inside goes. 'remove': the folder itself goes (if present).
 * 'empty-if-present': like 'empty', and a folder that does not exist is already clean.
 */
export interface WipeTarget {
  kind: TargetKind;
  /** What the audit record may say about it: a kind (and an index), never the path. */
  label: string;
  path: string;
  mode: 'empty' | 'remove' | 'empty-if-present';
}

/**
 * A session id is a partition name the kiosk made up (random): letters, digits, '-' and '_' only, so
 * it can never climb out of its folder and needs no escaping. `persist:` is accepted and dropped.
 */
const sessionIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function normalizeSessionId(sessionId: string | undefined): string {
  const id = (sessionId ?? '').replace(/^persist:/, '');
  if (!sessionIdPattern.test(id)) {
    throw new WipeRefusedError([`session id must be 1-128 letters, digits, '-' or '_' (got ${JSON.stringify(sessionId ?? '')})`]);
  }
  return id;
}

/**
 * Electron stores `persist:NAME` under `Partitions/<EscapePath(ToLowerASCII(NAME))>`
 * (shell/browser/electron_browser_context.cc, MakePartitionName); for our alphabet only the case changes.
 */
export function partitionFolderName(sessionId: string): string {
  return normalizeSessionId(sessionId).toLowerCase();
}

export function planTargets(request: WipeRequest, roots: WipeRoots): WipeTarget[] {
  // Scans of the citizen's ID card must not wait for the shift end: emptied with every session.
  const sessionPaths = (roots.sessionPaths ?? []).map(
    (p, i): WipeTarget => ({ kind: 'session-path', label: `session path ${i + 1}`, path: p, mode: 'empty-if-present' }),
  );
  if (request.scope === 'session') {
    const id = normalizeSessionId(request.sessionId);
    return [
      { kind: 'session-partition', label: 'session partition', path: path.join(roots.sessionData, 'Partitions', partitionFolderName(id)), mode: 'remove' },
      { kind: 'session-downloads', label: 'session downloads', path: path.join(roots.downloads, id), mode: 'remove' },
      ...sessionPaths,
    ];
  }
  return [
    { kind: 'session-data', label: 'session-data', path: roots.sessionData, mode: 'empty' },
    { kind: 'downloads', label: 'downloads', path: roots.downloads, mode: 'empty' },
    ...roots.extraPaths.map((p, i): WipeTarget => ({ kind: 'extra-path', label: `extra path ${i + 1}`, path: p, mode: 'empty' })),
    ...sessionPaths,
  ];
}
