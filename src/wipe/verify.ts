import { lstat, readdir } from 'node:fs/promises';
import { errorCode } from '../state/atomic-file';
import type { LoadedCanaries } from './canaries';
import { canaryValues } from './canaries';
import { scanForCanaries } from './canary-scan';
import type { WipeTarget } from './targets';
import type { WipeRoots } from './types';

export interface Verification {
  passed: boolean;
  errors: string[];
}

/**
 * Proves the result after all deletions: every target gone (or empty), then both browsing roots and
 * the session paths scanned for every canary in play. Anything unreadable counts against the wipe: what cannot be read
 * cannot be shown to be clean.
 */
export async function verifyWipe(roots: WipeRoots, targets: readonly WipeTarget[], canaries: LoadedCanaries): Promise<Verification> {
  const errors: string[] = [];
  for (const target of targets) {
    const state = await targetState(target);
    if (state !== 'clean') errors.push(`verification: ${target.label} ${state}`);
  }
  if (canaries.unreadable > 0) errors.push(`verification: ${canaries.unreadable} canary record(s) unreadable (set aside as .bad; the next shift wipe runs without them)`);
  const values = canaries.sessions.flatMap(canaryValues);
  const scanned: [string, string][] = [
    ['session-data', roots.sessionData],
    ['downloads', roots.downloads],
    ...targets.filter((t) => t.kind === 'session-path').map((t): [string, string] => [t.label, t.path]),
  ];
  for (const [label, root] of scanned) {
    const scan = await scanForCanaries(root, values);
    if (scan.filesWithHits > 0) errors.push(`verification: canary found in ${label} (${scan.filesWithHits} files)`);
    if (scan.unreadable.length > 0) errors.push(`verification: ${scan.unreadable[0]} reading ${label} (${scan.unreadable.length} entries)`);
  }
  return { passed: errors.length === 0, errors };
}

export async function targetState(target: WipeTarget): Promise<'clean' | 'not empty' | 'still present' | string> {
  try {
    if (target.mode !== 'remove') return (await readdir(target.path)).length === 0 ? 'clean' : 'not empty';
    await lstat(target.path);
    return 'still present';
  } catch (error) {
    const code = errorCode(error) ?? 'EUNKNOWN';
    return target.mode !== 'empty' && code === 'ENOENT' ? 'clean' : `unreadable (${code})`;
  }
}
