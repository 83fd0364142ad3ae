import { randomBytes } from 'node:crypto';
import { open, readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { crashPoint } from '../crash/crash-points';
import { replaceFile } from './replace-file';

/**
 * Small durable-file helpers for the state root. Every state file is replaced atomically (write a
 * temporary sibling, fsync, rename, fsync the folder) so a crash or power cut leaves the old or the
 * new content, never a torn one.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array, mode = 0o600): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const subject = path.basename(file);
  const handle = await open(temp, 'wx', mode);
  try {
    crashPoint('atomic:temp-opened', subject);
    await handle.writeFile(content, 'utf8');
    crashPoint('atomic:temp-written', subject);
    await handle.sync();
  } finally {
    await handle.close();
  }
  crashPoint('atomic:temp-synced', subject);
  try {
    await replaceFile(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  crashPoint('atomic:renamed', subject);
  await syncDirectory(path.dirname(file));
  crashPoint('atomic:dir-synced', subject);
}

/** Makes a rename or unlink in `dir` durable. Windows cannot open a folder for fsync; NTFS journals it. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Deletes a file durably; a file that is already gone is fine. */
export async function removeFileDurably(file: string): Promise<void> {
  const subject = path.basename(file);
  crashPoint('remove:before', subject);
  try {
    await unlink(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  crashPoint('remove:unlinked', subject);
  await syncDirectory(path.dirname(file));
  crashPoint('remove:dir-synced', subject);
}

/** The file's text, or null when it does not exist. Any other failure is thrown. */
export async function readTextIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
}

/** The errno code of a Node fs error ('ENOENT', 'EBUSY', …), or undefined. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/**
 * Temporary files left by a process killed mid-write (`<name>.<pid>.<hex>.tmp`): removed when their
 * writer is gone. They never hold anything a reader uses; this only keeps the state root tidy.
 */
export async function removeOrphanTempFiles(dir: string, isAlive: (pid: number) => boolean): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const match = /\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name);
    if (!match || isAlive(Number(match[1]))) continue;
    await unlink(path.join(dir, name)).catch(() => undefined);
    crashPoint('remove:unlinked', 'orphan temp file');
  }
}
