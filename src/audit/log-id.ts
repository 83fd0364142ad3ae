import { randomBytes } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { errorCode, readTextIfExists, writeFileAtomic } from '../state/atomic-file';
import { openLine } from './chain';

/**
 * The id of an audit log, which collectors dedupe forwarded records on (log id + seq): 32 random hex
 * digits in `audit.log-id`, written before the log's first record and set aside with the log by
 * `audit start-new-log` (`audit.log-id.replaced-<time>` beside `audit.log.replaced-<time>`), so a new
 * log gets a new id. The line format is unchanged. A log written before ids existed has none on disk:
 * its id is the first 32 hex digits of its first record's seal, which is stable and needs no write.
 */
const ID_PATTERN = /^[a-f0-9]{32}$/;

/** Under the append lock, before the first record: keeps an id already there (a first append retried). */
export async function ensureAuditLogId(idFile: string): Promise<string> {
  const existing = (await readTextIfExists(idFile))?.trim();
  if (existing && ID_PATTERN.test(existing)) return existing;
  const id = randomBytes(16).toString('hex');
  await writeFileAtomic(idFile, `${id}\n`);
  return id;
}

/** `audit.log` → `audit.log-id`; `audit.log.replaced-X` → `audit.log-id.replaced-X`. */
export function logIdFileFor(logFile: string): string {
  const dir = path.dirname(logFile);
  const name = path.basename(logFile);
  const suffix = name.slice('audit.log'.length);
  return path.join(dir, `audit.log-id${suffix}`);
}

export function logIdOfFirstLine(text: string): string | null {
  const opened = openLine(text);
  return opened.ok && opened.body.seq === 1 ? opened.seal.slice(0, 32) : null;
}

const FIRST_LINE_MAX = 64 * 1024;

/** The id of the log in `file`; null while it has no record. */
export async function readAuditLogId(file: string): Promise<string | null> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  let firstLine: string | null;
  try {
    const buffer = Buffer.alloc(FIRST_LINE_MAX);
    const { bytesRead } = await handle.read(buffer, 0, FIRST_LINE_MAX, 0);
    const end = buffer.subarray(0, bytesRead).indexOf(0x0a);
    firstLine = end < 0 ? null : buffer.subarray(0, end).toString('utf8');
  } finally {
    await handle.close();
  }
  if (firstLine === null) return null;
  const stored = (await readTextIfExists(logIdFileFor(file)))?.trim();
  if (stored && ID_PATTERN.test(stored)) return stored;
  return logIdOfFirstLine(firstLine);
}
