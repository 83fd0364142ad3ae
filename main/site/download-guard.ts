import path from 'node:path';
import type { Policy } from '../../src/policy/schema';
import type { ContentVerdict } from '../../src/shell/download-content';
import { decideDownload, decideDownloadProgress } from '../../src/shell/downloads';
import type { DownloadItemPort, SiteSessionPort } from './ports';

/**
 * will-download on a citizen's session (http(s), data: and blob: downloads alike): the path is always
 * set (without it Electron opens a save dialog, a file browser), inside `<downloads root>/<sessionId>/`,
 * or the download is cancelled. The size is checked again on every progress update, and the finished
 * file's bytes against its extension: a file that is not what its name claims is deleted and
 * reported like a blocked type.
 */

export type DownloadNotice = { kind: 'download-blocked' | 'download-too-large' | 'download-saved'; extension: string };

export interface DownloadGuardDeps {
  policy(): Policy;
  /** The resolved downloads root (policy paths.downloads). */
  root: string;
  /** The session's folder name under the root (CitizenSession.downloadsFolderName). */
  sessionId: string;
  /** Whether a file of that name already exists in the session's folder. */
  exists(fileName: string): boolean;
  /** Creates the session's folder (the save path's parent) before Chromium writes into it. */
  ensureDir(dir: string): void;
  /** Reads the finished file and decides whether it is what its extension claims (src/shell/download-content.ts). */
  checkContent(file: string, extension: string): ContentVerdict;
  /** Deletes a finished file that failed the content check. */
  removeFile(file: string): void;
  notify(notice: DownloadNotice): void;
  /** A download refused for its type (or its bytes): counted by the blocked-host journal by its URL's host. */
  refused?(url: string): void;
}

/** Downloads still running in a session; cancelled when it ends, before its folder is wiped. */
export interface ActiveDownloads {
  cancelAll(): number;
}

export function attachDownloadGuard(session: Pick<SiteSessionPort, 'on'>, deps: DownloadGuardDeps): ActiveDownloads {
  const active = new Set<DownloadItemPort>();
  session.on('will-download', (_event, item) => {
    if (!handleDownload(item, deps)) return;
    active.add(item);
    item.on('done', () => active.delete(item));
  });
  return {
    cancelAll() {
      const count = active.size;
      for (const item of active) item.cancel();
      active.clear();
      return count;
    },
  };
}

/** Returns true when the download goes ahead (its path is set), false when it was cancelled. */
export function handleDownload(item: DownloadItemPort, deps: DownloadGuardDeps): boolean {
  const policy = deps.policy();
  let verdict;
  try {
    verdict = decideDownload(policy.downloads, { suggestedName: item.getFilename(), totalBytes: item.getTotalBytes() }, deps);
    if (verdict.action === 'save') deps.ensureDir(path.dirname(verdict.savePath));
  } catch {
    // Never fail open: no path means a save dialog, so anything unexpected cancels.
    item.cancel();
    deps.notify({ kind: 'download-blocked', extension: '' });
    deps.refused?.(item.getURL());
    return false;
  }
  if (verdict.action === 'cancel') {
    item.cancel();
    deps.notify({ kind: verdict.notice, extension: verdict.extension });
    if (verdict.notice === 'download-blocked') deps.refused?.(item.getURL());
    return false;
  }
  item.setSavePath(verdict.savePath);
  const { extension, savePath } = verdict;
  let cancelledForSize = false;
  item.on('updated', () => {
    if (cancelledForSize) return;
    if (decideDownloadProgress(policy.downloads, item.getReceivedBytes(), item.getTotalBytes()) === 'too-large') {
      cancelledForSize = true;
      item.cancel();
      deps.notify({ kind: 'download-too-large', extension });
    }
  });
  item.on('done', (_event, state) => {
    if (state !== 'completed' || cancelledForSize) return;
    const matches = contentMatches(savePath, extension, deps);
    deps.notify({ kind: matches ? 'download-saved' : 'download-blocked', extension });
    if (!matches) deps.refused?.(item.getURL());
  });
  return true;
}

/** Fail closed: a file that cannot be read or checked counts as a mismatch and is deleted too. */
function contentMatches(file: string, extension: string, deps: DownloadGuardDeps): boolean {
  let verdict: ContentVerdict;
  try {
    verdict = deps.checkContent(file, extension);
  } catch (error) {
    verdict = { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
  if (verdict.ok) return true;
  try {
    deps.removeFile(file);
  } catch {
    // Left for the session wipe, which removes the whole session folder and verifies it.
  }
  return false;
}
