import path from 'node:path';
import { readTextIfExists, writeFileAtomic } from '../state/atomic-file';
import { ensureAuditLogId, readAuditLogId } from './log-id';
import { readTailForAppend } from './log-tail';
import type { AuditRecordInput } from './record-types';
import { checkpointDueAfter, checkpointRecord, keyRotatedRecord, logStartedRecord } from './signature-records';
import type { SigningKey } from './signing-key';

/** Writes one record (sealed, chained, fsynced, head updated) and says where it landed. */
export type WriteRecord = (record: AuditRecordInput) => Promise<{ seq: number; seal: string }>;

/**
 * `audit.signer` beside audit.log: which log and key the kiosk last announced, and whether a
 * checkpoint is owed (set before a record that needs one, cleared after it), so a crash between a
 * shift wipe and its checkpoint is mended by the next append. Not trusted for anything else: a lost
 * or edited file only makes the kiosk announce its key again, which a verifier accepts for the same key.
 */
interface SignerState {
  logId: string;
  fingerprint: string;
  owed: boolean;
}

const signerFile = (auditLog: string) => path.join(path.dirname(auditLog), 'audit.signer');

async function readState(file: string): Promise<SignerState | null> {
  try {
    const parsed = JSON.parse((await readTextIfExists(file)) ?? 'null') as Partial<SignerState> | null;
    if (!parsed || typeof parsed.logId !== 'string' || typeof parsed.fingerprint !== 'string') return null;
    return { logId: parsed.logId, fingerprint: parsed.fingerprint, owed: parsed.owed === true };
  } catch {
    return null;
  }
}

const nowIso = () => new Date().toISOString();

export interface SignedAppendFiles {
  auditLog: string;
  auditLogId: string;
}

/**
 * Under the append lock: the record, preceded by the key announcement a log needs (log-started for
 * a new log, unless the record is a log-replaced one; key-rotated without a previous key when the
 * key is new to this log) and followed by a checkpoint where one is due.
 */
export async function appendSigned(files: SignedAppendFiles, record: AuditRecordInput, signer: SigningKey, write: WriteRecord): Promise<void> {
  const stateFile = signerFile(files.auditLog);
  const tail = await readTailForAppend(files.auditLog);
  const logId = tail.lastSeq === 0 ? await ensureAuditLogId(files.auditLogId) : ((await readAuditLogId(files.auditLog)) ?? '');
  const state = await readState(stateFile);
  const save = (owed: boolean) => writeFileAtomic(stateFile, `${JSON.stringify({ logId, fingerprint: signer.fingerprint, owed })}\n`);
  let last = { seq: tail.lastSeq, seal: tail.lastSeal };
  const withCheckpoint = async (next: AuditRecordInput) => {
    const due = checkpointDueAfter(next, last.seq + 1);
    if (due) await save(true);
    last = await write(next);
    if (due) {
      last = await write(checkpointRecord(signer, logId, last, nowIso()));
      await save(false);
    }
  };
  if (tail.lastSeq === 0) {
    if (record.type !== 'log-replaced') last = await write(logStartedRecord(signer, logId, nowIso()));
    await save(false);
  } else if (state?.logId !== logId || state.fingerprint !== signer.fingerprint) {
    await withCheckpoint(keyRotatedRecord(signer, null, logId, last, nowIso()));
  } else if (state.owed) {
    last = await write(checkpointRecord(signer, logId, last, nowIso()));
    await save(false);
  }
  await withCheckpoint(record);
}

/**
 * A rotation under the append lock: the key-rotated record signed by the old key and naming the new
 * one, the new key stored, then a checkpoint signed by the new key.
 */
export async function rotateSigned(files: SignedAppendFiles, previous: SigningKey, next: SigningKey, store: (key: SigningKey) => Promise<void>, write: WriteRecord): Promise<void> {
  const tail = await readTailForAppend(files.auditLog);
  const logId = tail.lastSeq === 0 ? await ensureAuditLogId(files.auditLogId) : ((await readAuditLogId(files.auditLog)) ?? '');
  const stateFile = signerFile(files.auditLog);
  const covered = await write(keyRotatedRecord(next, previous, logId, { seq: tail.lastSeq, seal: tail.lastSeal }, nowIso()));
  await writeFileAtomic(stateFile, `${JSON.stringify({ logId, fingerprint: next.fingerprint, owed: true })}\n`);
  await store(next);
  await write(checkpointRecord(next, logId, covered, nowIso()));
  await writeFileAtomic(stateFile, `${JSON.stringify({ logId, fingerprint: next.fingerprint, owed: false })}\n`);
}
