import { rename } from 'node:fs/promises';
import path from 'node:path';
import { crashPoint } from '../crash/crash-points';
import type { CredentialStore } from '../secrets/credential-store';
import { KIOSK_CREDENTIAL_SERVICE } from '../secrets/credential-store';
import { errorCode, syncDirectory } from '../state/atomic-file';
import { acquireFileLock } from '../state/file-lock';
import { stateFiles } from '../state/state-files';
import { AuditUnavailableError } from './audit-log';
import { AUDIT_HEAD_ACCOUNT } from './store-head';

export interface NewLogStarted {
  /** The files set aside (kept for review), named after the moment they were replaced. */
  setAside: string[];
  /** Whether a credential-store copy of the old head was forgotten. */
  storeHeadForgotten: boolean;
}

/**
 * The deliberate way to start a new audit log (after damage, or after a rollback has been dealt with):
 * the old audit.log and audit.head are renamed, never deleted, and the credential-store copy of the
 * head is forgotten, so the first record of the new log is not refused as a rollback. Under the
 * append lock; a store that cannot be reached changes nothing.
 */
export async function startNewAuditLog(stateRoot: string, store: CredentialStore | null, now: Date): Promise<NewLogStarted> {
  const files = stateFiles(stateRoot);
  const lock = await acquireFileLock(files.auditLock, 'audit log', 30_000);
  try {
    if (store && !(await store.available().catch(() => false))) {
      throw new AuditUnavailableError('the OS credential store cannot be reached: nothing was changed');
    }
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
    const storeHeadForgotten = store ? await store.delete(KIOSK_CREDENTIAL_SERVICE, AUDIT_HEAD_ACCOUNT) : false;
    return { setAside, storeHeadForgotten };
  } finally {
    await lock.release();
  }
}
