import { open } from 'node:fs/promises';
import type { CredentialStore } from '../secrets/credential-store';
import { errorCode, readTextIfExists } from '../state/atomic-file';
import { stateFiles } from '../state/state-files';
import { loadAuditKey } from './audit-key';
import { openLine, parseHead, seal, sealMatches } from './chain';
import { inspectAuditFiles, type AuditFiles, type AuditTextSince, type AuditVerification, type ScannedRecord } from './verify-log';
import { readVerifiedPoint, recordKinds, sealPoint, writeVerifiedPoint, type LatestByKind, type VerifiedPoint } from './verified-point';

export interface PeriodicVerification extends AuditVerification {
  /** The newest record of each kind in the whole log (display and metrics; see recordKinds). */
  latest: LatestByKind;
}

/**
 * The periodic check (the kiosk's metrics rewrite every minute, `public-kiosk metrics`): verifies only
 * what was appended after the last verified point (verified-point.ts), so its cost does not grow with
 * the life of the machine. The appended records get every check `audit verify` makes (seal, chain from
 * the point's record, order, head, credential-store copy); the point's own record must still be where
 * the point says, with the same seal. Anything short of "valid" (no point, a point that does not match,
 * any problem) is decided by verifying the whole log, so this never calls a log valid that `audit
 * verify` would reject for the appended part, and reports the same problems.
 *
 * The trade-off: a record before the point rewritten in place to the same length (a keyed log needs the
 * key for that to pass `audit verify` anyway) is not re-read here. `audit verify` re-reads everything
 * and stays the explicit check; the point also makes the first check of each process (kiosk start, the
 * CLI) no weaker than the ones after it, as both read from the same point.
 */
export async function verifyAuditLogSince(stateRoot: string, store: CredentialStore | null): Promise<PeriodicVerification> {
  const files = stateFiles(stateRoot);
  const auditFiles: AuditFiles = { log: files.auditLog, head: files.auditHead, current: true };
  const { key } = await loadAuditKey(store, false);
  const point = await readVerifiedPoint(files.auditVerified, key);
  const after = point ? await readAfterPoint(files.auditLog, point, key) : null;
  if (point && after) {
    const quick = await inspectAuditFiles(auditFiles, store, after.since);
    if (quick.ok) return finish(files.auditVerified, files.auditHead, quick, { bytes: after.bytes, base: point.end, latest: point.latest, key, point });
  }
  // No usable point, or something to report: the whole log, read exactly as `audit verify` reads it.
  const bytes = await readFrom(files.auditLog, 0);
  const full = await inspectAuditFiles(auditFiles, store, { text: bytes.toString('utf8') });
  return finish(files.auditVerified, files.auditHead, full, { bytes, base: 0, latest: {}, key, point: null });
}

interface Scanned {
  bytes: Buffer;
  /** Byte offset of `bytes` in audit.log. */
  base: number;
  latest: LatestByKind;
  key: Buffer | null;
  point: VerifiedPoint | null;
}

async function finish(pointFile: string, headFile: string, result: Awaited<ReturnType<typeof inspectAuditFiles>>, scanned: Scanned): Promise<PeriodicVerification> {
  const { scanned: records, keyedSeen, ...verification } = result;
  const latest = newestByKind(scanned.latest, records);
  if (result.ok) {
    const next = await nextPoint(headFile, scanned, { records: result.records, keyedSeen, latest });
    if (next) await writeVerifiedPoint(pointFile, next);
  }
  return { ...verification, latest };
}

function newestByKind(before: LatestByKind, records: readonly ScannedRecord[]): LatestByKind {
  const latest = { ...before };
  for (const { rec } of records) for (const kind of recordKinds(rec as Parameters<typeof recordKinds>[0])) latest[kind] = rec as LatestByKind[string];
  return latest;
}

/** The last complete line, when audit.head names it (committed: see verify-log.ts); null when nothing moved. */
async function nextPoint(headFile: string, scanned: Scanned, totals: { records: number; keyedSeen: number; latest: LatestByKind }): Promise<VerifiedPoint | null> {
  const { bytes, base } = scanned;
  const end = bytes.lastIndexOf(0x0a) + 1;
  const appendedFrom = scanned.point ? scanned.point.end - scanned.point.start : 0;
  if (end <= appendedFrom) return null;
  const start = end >= 2 ? bytes.lastIndexOf(0x0a, end - 2) + 1 : 0;
  const opened = openLine(bytes.subarray(start, end - 1).toString('utf8'));
  const head = parseHead((await readTextIfExists(headFile)) ?? '');
  if (!opened.ok || !head || head.count !== opened.body.seq || head.last !== opened.seal) return null;
  const fields = { count: opened.body.seq, seal: opened.seal, line: totals.records, start: base + start, end: base + end, keyedSeen: totals.keyedSeen, latest: totals.latest };
  return sealPoint(fields, scanned.key);
}

/** audit.log from the point's record on, when that record is still there as the point says. */
async function readAfterPoint(logFile: string, point: VerifiedPoint, key: Buffer | null): Promise<{ bytes: Buffer; since: AuditTextSince } | null> {
  const bytes = await readFrom(logFile, point.start);
  const length = point.end - point.start;
  if (bytes.length < length || bytes[length - 1] !== 0x0a) return null;
  const opened = openLine(bytes.subarray(0, length - 1).toString('utf8'));
  if (!opened.ok || opened.body.seq !== point.count || opened.seal !== point.seal) return null;
  if (opened.body.alg === 'hmac-sha256' && !key) return null;
  if (!sealMatches(seal(opened.body.alg, key, opened.bodyText), opened.seal)) return null;
  const after = { line: point.line, seq: point.count, seal: point.seal, chained: true };
  return { bytes, since: { text: bytes.subarray(length).toString('utf8'), start: { after, keyedSeen: point.keyedSeen } } };
}

async function readFrom(file: string, position: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return Buffer.alloc(0);
    throw error;
  }
  try {
    const size = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.max(0, size - position));
    let read = 0;
    while (read < buffer.length) {
      const { bytesRead } = await handle.read(buffer, read, buffer.length - read, position + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buffer.subarray(0, read);
  } finally {
    await handle.close();
  }
}
