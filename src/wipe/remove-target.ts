import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { rimraf, type RimrafAsyncOptions } from 'rimraf';
import { crashPoint } from '../crash/crash-points';
import { errorCode } from '../state/atomic-file';
import type { WipeTarget } from './targets';
import { measureTree, type TreeStats } from './tree-stats';
import type { RemovalPolicy } from './types';
import { targetState } from './verify';

export interface TargetResult {
  target: WipeTarget;
  before: TreeStats;
  removed: TreeStats;
  clean: boolean;
  /** Record-safe: an error code and the target's label, never a path. */
  errors: string[];
}

export const defaultRemovalPolicy: RemovalPolicy = { attempts: 4, firstDelayMs: 250 };

/**
 * Per-file busy retries inside rimraf (Windows EBUSY/EPERM from antivirus or a closing browser;
 * fs.rm's maxRetries/retryDelay on POSIX), and whole-target attempts with doubling waits around it
 * for what outlasts those. What is still there after the last attempt is reported, never hidden.
 */
const rimrafOptions: RimrafAsyncOptions = { maxRetries: 5, retryDelay: 50, backoff: 1.2, maxBackoff: 500 };

export async function removeTarget(target: WipeTarget, root: string, policy: RemovalPolicy): Promise<TargetResult> {
  const before = await statTarget(target);
  let lastCode: string | undefined;
  let clean = false;
  for (let attempt = 1; attempt <= policy.attempts && !clean; attempt += 1) {
    if (attempt > 1) await delay(policy.firstDelayMs * 2 ** (attempt - 2));
    try {
      await removeOnce(target, root);
    } catch (error) {
      lastCode = errorCode(error) ?? 'EUNKNOWN';
    }
    clean = (await targetState(target)) === 'clean';
  }
  const left = clean ? { files: 0, bytes: 0 } : await statTarget(target);
  const removed = { files: Math.max(0, before.files - left.files), bytes: Math.max(0, before.bytes - left.bytes) };
  const errors = clean
    ? []
    : [`${lastCode ?? 'ENOTEMPTY'} on ${target.label}: ${left.files} entries left after ${policy.attempts} attempts`];
  return { target, before, removed, clean, errors };
}

async function removeOnce(target: WipeTarget, root: string): Promise<void> {
  await assertRealFolders(root, target.mode === 'remove' ? path.dirname(target.path) : target.path);
  if (target.mode === 'remove') {
    await rimraf(target.path, rimrafOptions);
    crashPoint('wipe:target-removed', target.label);
    return;
  }
  const children = await readdir(target.path).catch((error: unknown) =>
    target.mode === 'empty-if-present' && errorCode(error) === 'ENOENT' ? [] : Promise.reject(error),
  );
  // Links inside are removed, never followed (rimraf unlinks them): a link to C:\ or /etc loses only itself.
  if (children.length > 0) await rimraf(children.map((name) => path.join(target.path, name)), rimrafOptions);
  crashPoint('wipe:target-removed', target.label);
}

/** Every folder from the root down to `dir` must be a real folder: a link swapped in would lead the deletion elsewhere. */
async function assertRealFolders(root: string, dir: string): Promise<void> {
  const steps = path.relative(root, dir).split(path.sep).filter((part) => part !== '');
  let current = root;
  for (const step of [null, ...steps]) {
    if (step !== null) current = path.join(current, step);
    const info = await lstat(current).catch((error: unknown) => (errorCode(error) === 'ENOENT' ? null : Promise.reject(error)));
    if (info === null) return;
    if (!info.isDirectory()) throw Object.assign(new Error('not a real folder'), { code: 'ELOOP' });
  }
}

async function statTarget(target: WipeTarget): Promise<TreeStats> {
  if (target.mode !== 'remove') return measureTree(target.path);
  const info = await lstat(target.path).catch(() => null);
  if (!info) return { files: 0, bytes: 0 };
  return info.isDirectory() ? measureTree(target.path) : { files: 1, bytes: info.isFile() ? info.size : 0 };
}
