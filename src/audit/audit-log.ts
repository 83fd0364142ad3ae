import { open, rm, stat, truncate } from 'node:fs/promises';
import { crashPoint } from '../crash/crash-points';
import type { CredentialStore } from '../secrets/credential-store';
import { errorCode, readTextIfExists, writeFileAtomic } from '../state/atomic-file';
import { acquireFileLock } from '../state/file-lock';
import { stateFiles } from '../state/state-files';
import { loadAuditKey, type AuditKey } from './audit-key';
import { parseHead, sealHead, sealLine } from './chain';
import { ensureAuditLogId } from './log-id';
import { AuditLogDamagedError, headVersusTail, readTailForAppend, type LogTail } from './log-tail';
import { readStoreHead, rollbackBeforeAppend, writeStoreHead } from './store-head';
import { validateAuditRecord } from './record-schema';
import { appendSigned, rotateSigned } from './signed-append';
import { encodePrivateKey, loadSigningKey, newSigningKey, SIGNING_KEY_ACCOUNT, type SigningKey } from './signing-key';
import { KIOSK_CREDENTIAL_SERVICE } from '../secrets/credential-store';
import type { AuditRecordInput, AuditSink } from './record-types';

/**
 * The append-only audit log in the state root (`audit.log`, JSON lines, hash-chained, HMAC-keyed
 * when the OS credential store holds the audit key) with its sealed head (`audit.head`: count and
 * last seal, so a cut-off tail shows). Appends from the kiosk and the OS-scheduled CLI are
 * serialized by a lock file and written with O_APPEND, each line in one write, then fsynced. A keyed
 * log's head is also copied into the credential store (see store-head.ts) after audit.head is durable.
 */
export interface AuditLog extends AuditSink {
  readonly file: string;
  /** The key state appends use; 'keyed' once the key exists in the store. */
  keyState(): Promise<AuditKey['state']>;
  /** Replaces the signing key: a key-rotated record signed by the old key, then a checkpoint by the new. */
  rotateSigningKey?(): Promise<{ from: string; to: string }>;
}

export class AuditUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditUnavailableError';
  }
}

export interface AuditLogOptions {
  /**
   * Sign (signed-append.ts) wherever the log is keyed. The kiosk and the CLI always pass true; tests
   * of the chain alone leave it out, so their record counts are the chain's own.
   */
  sign?: boolean;
}

export function openAuditLog(stateRoot: string, store: CredentialStore | null, options: AuditLogOptions = {}): AuditLog {
  const files = stateFiles(stateRoot);
  let keyed: AuditKey | undefined;
  // A keyed result is kept for the life of the process; anything else is asked again next time, so
  // a keyring unlocked later is used from then on.
  const currentKey = async (): Promise<AuditKey> => keyed ?? remember(await loadAuditKey(store, true));
  const remember = (found: AuditKey): AuditKey => {
    if (found.state === 'keyed') keyed = found;
    return found;
  };
  let signing: SigningKey | undefined;
  return {
    file: files.auditLog,
    async rotateSigningKey() {
      const lock = await acquireFileLock(files.auditLock, 'audit log', 30_000);
      try {
        const { key } = await currentKey();
        const previous = key ? await loadSigningKey(store, true) : null;
        if (!key || !store || !previous) throw new AuditUnavailableError('no signing key: the OS credential store holds no audit key here, so records are not signed');
        const next = newSigningKey();
        const keep = async (k: SigningKey) => store.set(KIOSK_CREDENTIAL_SERVICE, SIGNING_KEY_ACCOUNT, encodePrivateKey(k));
        await rotateSigned(files, previous, next, keep, (record) => appendLocked(files, record, key, store));
        signing = next;
        return { from: previous.fingerprint, to: next.fingerprint };
      } finally {
        await lock.release();
      }
    },
    keyState: async () => (await currentKey()).state,
    async append(record: AuditRecordInput) {
      const valid = validateAuditRecord(record);
      const lock = await acquireFileLock(files.auditLock, 'audit log', 30_000);
      try {
        // Under the lock: two processes using the log for the first time must not create two keys.
        const { key } = await currentKey();
        const write = (next: AuditRecordInput) => appendLocked(files, validateAuditRecord(next), key, key ? store : null);
        // The signing key lives in the same store as the audit key: a keyed log is a signed one.
        const signer = key && options.sign === true ? (signing ??= (await loadSigningKey(store, true)) ?? undefined) : undefined;
        if (signer) await appendSigned(files, valid, signer, write);
        else await write(valid);
      } finally {
        await lock.release();
      }
    },
  };
}

/** For `audit start-new-log`, which holds the append lock already: the new log's first record, signed where keyed. */
export async function appendHoldingLock(stateRoot: string, store: CredentialStore | null, record: AuditRecordInput): Promise<void> {
  const files = stateFiles(stateRoot);
  const valid = validateAuditRecord(record);
  const { key } = await loadAuditKey(store, true);
  const write = (next: AuditRecordInput) => appendLocked(files, validateAuditRecord(next), key, key ? store : null);
  const signer = key ? await loadSigningKey(store, true) : null;
  if (signer) await appendSigned(files, valid, signer, write);
  else await write(valid);
}

async function appendLocked(
  files: ReturnType<typeof stateFiles>,
  record: AuditRecordInput,
  key: Buffer | null,
  store: CredentialStore | null,
): Promise<{ seq: number; seal: string }> {
  const tail = await readTailForAppend(files.auditLog);
  const headText = await readTextIfExists(files.auditHead);
  const headAlg = headText === null ? null : parseHead(headText)?.alg;
  if (!key && (tail.lastAlg === 'hmac-sha256' || headAlg === 'hmac-sha256')) {
    // Never downgrade a keyed log: an unkeyed line after keyed ones is what a forger would write.
    throw new AuditUnavailableError('the audit log is keyed but the audit key cannot be read from the OS credential store');
  }
  const damage = headVersusTail(headText, tail);
  if (damage !== null) throw new AuditLogDamagedError(damage);
  if (key && store) await refuseRollback(store, key, tail);
  const alg = key ? 'hmac-sha256' : 'sha256';
  const seq = tail.lastSeq + 1;
  if (seq === 1) await ensureAuditLogId(files.auditLogId);
  const line = sealLine({ v: 1, seq, prev: tail.lastSeal, alg, rec: record }, key);
  const sizeBefore = await stat(files.auditLog).then((s) => s.size, (error: unknown) => (errorCode(error) === 'ENOENT' ? null : Promise.reject(error)));
  const handle = await open(files.auditLog, 'a', 0o600);
  try {
    crashPoint('audit:opened', 'audit.log');
    await handle.write(`${line.text}\n`);
    crashPoint('audit:line-written', 'audit.log');
    await handle.sync();
  } finally {
    await handle.close();
  }
  crashPoint('audit:line-synced', 'audit.log');
  const head = sealHead(seq, line.seal, alg, key);
  crashPoint('audit:before-head', 'audit.head');
  await writeFileAtomic(files.auditHead, `${JSON.stringify(head)}\n`);
  crashPoint('audit:after-head', 'audit.head');
  if (!key || !store) return { seq, seal: line.seal };
  try {
    await writeStoreHead(store, head);
    return { seq, seal: line.seal };
  } catch {
    // Fail closed like a missing key: a record the store copy does not cover is taken back, so the
    // caller sees it as not written (and goes out of service) and the log still verifies.
    await (sizeBefore === null ? rm(files.auditLog, { force: true }) : truncate(files.auditLog, sizeBefore));
    crashPoint('audit:taken-back', 'audit.log');
    await (headText === null ? rm(files.auditHead, { force: true }) : writeFileAtomic(files.auditHead, headText));
    crashPoint('audit:taken-back', 'audit.head');
    throw new AuditUnavailableError('the audit head could not be copied to the OS credential store; the record was not written');
  }
}

async function refuseRollback(store: CredentialStore, key: Buffer, tail: LogTail): Promise<void> {
  const stored = await readStoreHead(store, key).catch(() => {
    throw new AuditUnavailableError('the copy of the audit head cannot be read from the OS credential store');
  });
  const rollback = rollbackBeforeAppend(stored, tail);
  if (rollback !== null) {
    throw new AuditUnavailableError(`the audit log was rolled back or replaced (${rollback}); run 'public-kiosk audit verify' (and, once dealt with, 'public-kiosk audit start-new-log')`);
  }
}
