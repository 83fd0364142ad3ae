import { rename } from 'node:fs/promises';
import path from 'node:path';
import { crashPoint } from '../crash/crash-points';
import type { CredentialStore } from '../secrets/credential-store';
import { KIOSK_CREDENTIAL_SERVICE } from '../secrets/credential-store';
import { errorCode, syncDirectory } from '../state/atomic-file';
import { acquireFileLock } from '../state/file-lock';
import { stateFiles } from '../state/state-files';
import { appendHoldingLock, AuditUnavailableError } from './audit-log';
import { ensureAuditLogId } from './log-id';
import { summarizeOldLog } from './old-log-summary';
import type { LogReplacedAuditRecord } from './record-types';
import { loadSigningKey } from './signing-key';
import { AUDIT_HEAD_ACCOUNT } from './store-head';

export interface NewLogStarted {
  /** The files set aside (kept for review), named after the moment they were replaced. */
  setAside: string[];
  /** Whether a credential-store copy of the old head was forgotten. */
  storeHeadForgotten: boolean;
  /** The new log's first record, when the replacement was authorised (the CLI always is). */
  linked?: LogReplacedAuditRecord;
}

/** Who authorised the replacement (an admin, by password and OTP) and the reason they typed. */
export interface Replacement {
  by: string;
  otpChecked: boolean;
  reason: string;
}

/**
 * The deliberate way to start a new audit log (after damage, or after a rollback has been dealt with):
 * the old audit.log and audit.head are renamed, never deleted, and the credential-store copy of the
 * head is forgotten, so the first record of the new log is not refused as a rollback. Under the
 * append lock; a store that cannot be reached changes nothing.
 */
export async function startNewAuditLog(stateRoot: string, store: CredentialStore | null, now: Date, replacement?: Replacement): Promise<NewLogStarted> {
  const files = stateFiles(stateRoot);
  const lock = await acquireFileLock(files.auditLock, 'audit log', 30_000);
  try {
    // With an authorised replacement the new log is linked to the old one by its first record, so a
    // machine without a (reachable) credential store can start one too; it is then unkeyed.
    const reachable = store !== null && (await store.available().catch(() => false));
    if (store && !reachable && !replacement) {
      throw new AuditUnavailableError('the OS credential store cannot be reached: nothing was changed');
    }
    const old = replacement ? await summarizeOldLog(files.auditLog) : null;
    const suffix = `.replaced-${now.toISOString().replace(/[:.]/g, '-')}`;
    const setAside: string[] = [];
    for (const file of [files.auditLog, files.auditHead, files.auditLogId]) {
      try {
        await rename(file, `${file}${suffix}`);
        crashPoint('audit:set-aside', path.basename(file));
        setAside.push(path.basename(`${file}${suffix}`));
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw error;
      }
    }
    await syncDirectory(stateRoot);
    const storeHeadForgotten = store && reachable ? await store.delete(KIOSK_CREDENTIAL_SERVICE, AUDIT_HEAD_ACCOUNT) : false;
    if (!replacement || !old) return { setAside, storeHeadForgotten };
    const usable = reachable ? store : null;
    const logId = await ensureAuditLogId(files.auditLogId);
    const signer = usable ? await loadSigningKey(usable, true) : null;
    const linked: LogReplacedAuditRecord = {
      type: 'log-replaced',
      at: now.toISOString(),
      logId,
      ...old,
      ...replacement,
      ...(signer ? { publicKey: signer.publicKeyBase64, fingerprint: signer.fingerprint } : {}),
    };
    await appendHoldingLock(stateRoot, usable, linked);
    return { setAside, storeHeadForgotten, linked };
  } finally {
    await lock.release();
  }
}
