import { sign, verify, type KeyObject } from 'node:crypto';
import type { CheckpointAuditRecord, KeyRotatedAuditRecord, LogStartedAuditRecord } from './record-types';
import type { SigningKey } from './signing-key';

/**
 * What the kiosk signs. A checkpoint signs the log id, seq and seal of the record just before it;
 * as every seal covers the one before it, a valid checkpoint vouches for every record up to it.
 * Checkpoints, not a signature on every record: a shift wipe is followed by one at once (it is the
 * evidence the report is about), and no more than 100 records go unsigned, so signing costs the
 * kiosk and the department's report about one Ed25519 operation per hundred records.
 */
export const CHECKPOINT_EVERY = 100;

export function checkpointMessage(logId: string, seq: number, seal: string): Buffer {
  return Buffer.from(`public-kiosk-checkpoint:1:${logId}:${seq}:${seal}`, 'utf8');
}

export function rotationMessage(logId: string, seq: number, seal: string, newFingerprint: string): Buffer {
  return Buffer.from(`public-kiosk-key-rotated:1:${logId}:${seq}:${seal}:${newFingerprint}`, 'utf8');
}

export function signMessage(key: KeyObject, message: Buffer): string {
  return sign(null, message, key).toString('base64');
}

export function signatureValid(key: KeyObject, message: Buffer, signature: string): boolean {
  try {
    return verify(null, message, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

export function logStartedRecord(key: SigningKey, logId: string, at: string): LogStartedAuditRecord {
  return { type: 'log-started', at, logId, publicKey: key.publicKeyBase64, fingerprint: key.fingerprint };
}

export function checkpointRecord(key: SigningKey, logId: string, covered: { seq: number; seal: string }, at: string): CheckpointAuditRecord {
  const signature = signMessage(key.privateKey, checkpointMessage(logId, covered.seq, covered.seal));
  return { type: 'checkpoint', at, logId, seq: covered.seq, seal: covered.seal, fingerprint: key.fingerprint, signature };
}

/** Signed by `previous`; without it the key is introduced into a log that had none (an upgrade). */
export function keyRotatedRecord(next: SigningKey, previous: SigningKey | null, logId: string, covered: { seq: number; seal: string }, at: string): KeyRotatedAuditRecord {
  const signature = previous ? signMessage(previous.privateKey, rotationMessage(logId, covered.seq, covered.seal, next.fingerprint)) : null;
  return {
    type: 'key-rotated',
    at,
    logId,
    seq: covered.seq,
    seal: covered.seal,
    publicKey: next.publicKeyBase64,
    fingerprint: next.fingerprint,
    previousFingerprint: previous?.fingerprint ?? null,
    signature,
  };
}

/** Whether a checkpoint must follow this record at once. */
export function checkpointDueAfter(record: { type: string; scope?: string }, seq: number): boolean {
  return (record.type === 'wipe' && record.scope === 'shift') || record.type === 'key-rotated' || seq % CHECKPOINT_EVERY === CHECKPOINT_EVERY - 1;
}
