import { acquireFileLock, type FileLock } from '../state/file-lock';
import { stateFiles } from '../state/state-files';
import type { WipeDeps } from './types';

/** One wipe at a time per state root, across the kiosk and the OS-scheduled CLI. */
export function takeWipeLock(deps: WipeDeps): Promise<FileLock> {
  return acquireFileLock(stateFiles(deps.roots.state).wipeLock, 'wipe', deps.lockTimeoutMs ?? 10 * 60_000);
}
