import path from 'node:path';
import type { Policy } from '../policy/schema';

/**
 * Downloads in the site view: every file goes to `<downloads root>/<sessionId>/<sanitised name>`
 * (wiped with the session), never through a save dialog, and only when the policy's type and size
 * rules allow it. The size is checked when the download starts and again as bytes arrive, because
 * servers may send no length or a false one.
 */

export type DownloadPolicy = Policy['downloads'];

export type DownloadVerdict =
  | { action: 'save'; savePath: string; fileName: string; extension: string }
  | { action: 'cancel'; notice: 'download-blocked' | 'download-too-large'; extension: string; reason: string };

const MAX_NAME_LENGTH = 120;
const windowsDevice = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
// Control characters, characters Windows forbids in names, and bidi / zero-width marks that can
// make "gpj.exe" display as "exe.jpg".
// eslint-disable-next-line no-control-regex
const unsafeChars = /[\u0000-\u001f\u007f<>:"/\\|?*\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function maxBytes(policy: DownloadPolicy): number {
  return Math.floor(policy.maxSizeMB * 1024 * 1024);
}

/** A file name safe on Windows and Linux, with no directory part; never empty. */
export function sanitiseFileName(suggested: string): string {
  const base = suggested.split(/[\\/]/).pop() ?? '';
  let name = base.normalize('NFC').replace(unsafeChars, '').replace(/\s+/g, ' ');
  name = name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  const dot = name.lastIndexOf('.');
  let stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  if (windowsDevice.test(stem.split('.')[0] ?? '')) stem = `_${stem}`;
  if (stem.length + ext.length > MAX_NAME_LENGTH) stem = stem.slice(0, Math.max(1, MAX_NAME_LENGTH - ext.length)).trimEnd();
  name = stem + ext;
  return name === '' || name === ext ? `download${ext}` : name;
}

/** Lower-case extension without the dot; '' when the name has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

const sessionIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The folder of one session's downloads; refuses a session id that is not a plain name. */
export function sessionDownloadDir(root: string, sessionId: string): string {
  if (!sessionIdPattern.test(sessionId)) throw new Error(`invalid session id for a download folder: ${JSON.stringify(sessionId)}`);
  return path.join(path.resolve(root), sessionId);
}

/** "name.pdf", then "name (1).pdf", … the first that `exists` says is free. */
export function uniqueFileName(fileName: string, exists: (name: string) => boolean): string {
  if (!exists(fileName)) return fileName;
  const ext = extensionOf(fileName) === '' ? '' : fileName.slice(fileName.lastIndexOf('.'));
  const stem = fileName.slice(0, fileName.length - ext.length);
  for (let n = 1; n < 1000; n += 1) {
    const candidate = `${stem} (${n})${ext}`;
    if (!exists(candidate)) return candidate;
  }
  throw new Error('too many downloads with the same name in this session');
}

export interface DownloadStart {
  suggestedName: string;
  /** 0 when the server sent no length. */
  totalBytes: number;
}

export function decideDownload(
  policy: DownloadPolicy,
  start: DownloadStart,
  target: { root: string; sessionId: string; exists: (name: string) => boolean },
): DownloadVerdict {
  const sanitised = sanitiseFileName(start.suggestedName);
  const extension = extensionOf(sanitised);
  if (!policy.enabled) return { action: 'cancel', notice: 'download-blocked', extension, reason: 'downloads are disabled by the policy' };
  if (extension === '' || !policy.allowedExtensions.includes(extension)) {
    return { action: 'cancel', notice: 'download-blocked', extension, reason: `file type "${extension || '(none)'}" is not in downloads.allowedExtensions` };
  }
  if (start.totalBytes > maxBytes(policy)) {
    return { action: 'cancel', notice: 'download-too-large', extension, reason: `${start.totalBytes} bytes is over downloads.maxSizeMB (${policy.maxSizeMB})` };
  }
  const dir = sessionDownloadDir(target.root, target.sessionId);
  const fileName = uniqueFileName(sanitised, target.exists);
  const savePath = path.join(dir, fileName);
  if (path.dirname(savePath) !== dir) throw new Error('download path left the session folder');
  return { action: 'save', savePath, fileName, extension };
}

/** While bytes arrive: cancel as soon as the received or the announced size is over the limit. */
export function decideDownloadProgress(policy: DownloadPolicy, receivedBytes: number, totalBytes: number): 'continue' | 'too-large' {
  if (receivedBytes > maxBytes(policy)) return 'too-large';
  if (totalBytes > maxBytes(policy)) return 'too-large';
  return 'continue';
}
