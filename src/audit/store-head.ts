import type { CredentialStore } from '../secrets/credential-store';
import { KIOSK_CREDENTIAL_SERVICE } from '../secrets/credential-store';
import { parseHead, sealHead, sealMatches, type AuditHead } from './chain';
import type { LogTail } from './log-tail';
import type { AuditProblem, ScannedLine } from './problems';

/**
 * A copy of the sealed head of a keyed log, kept in the OS credential store. audit.log and
 * audit.head live side by side in the state root, so a backup of both restored together (a
 * rollback, e.g. to hide a failed wipe) agrees with itself; this copy does not go back with them.
 * Unkeyed logs have no store and so no copy.
 */
export const AUDIT_HEAD_ACCOUNT = 'audit-head';

export type StoreHead = { state: 'missing' } | { state: 'invalid' } | { state: 'found'; head: AuditHead };

/** Throws when the store cannot be read: callers decide how to fail closed. */
export async function readStoreHead(store: CredentialStore, key: Buffer): Promise<StoreHead> {
  const text = await store.get(KIOSK_CREDENTIAL_SERVICE, AUDIT_HEAD_ACCOUNT);
  if (text === null) return { state: 'missing' };
  const head = parseHead(text);
  if (!head || head.alg !== 'hmac-sha256') return { state: 'invalid' };
  const valid = sealMatches(sealHead(head.count, head.last, head.alg, key).seal, head.seal);
  return valid ? { state: 'found', head } : { state: 'invalid' };
}

export async function writeStoreHead(store: CredentialStore, head: AuditHead): Promise<void> {
  await store.set(KIOSK_CREDENTIAL_SERVICE, AUDIT_HEAD_ACCOUNT, JSON.stringify(head));
}

/**
 * Why appending now would hide a rollback, or null. Writing the next record would move the copy down
 * to the restored count and erase the only evidence, so such an append is refused. A copy behind the
 * tail is an append interrupted before the copy was written, or a log older than the copy.
 */
export function rollbackBeforeAppend(stored: StoreHead, tail: LogTail): string | null {
  if (stored.state === 'invalid') return 'the copy of audit.head in the OS credential store does not match its seal';
  if (stored.state === 'missing') return null;
  const { count, last } = stored.head;
  if (count > tail.lastSeq) return `the OS credential store records ${count} audit record(s) but audit.log ends at record ${tail.lastSeq}`;
  if (count === tail.lastSeq && count > 0 && !sealMatches(last, tail.lastSeal)) {
    return `audit record ${count} is not the one the OS credential store records`;
  }
  return null;
}

export interface StoreHeadCheck {
  stored: StoreHead;
  /** audit.head as parsed from the state root (seal not checked here), or null. */
  fileHead: AuditHead | null;
  lines: readonly ScannedLine[];
  keyedSeen: number;
  problems: AuditProblem[];
  notes: string[];
}

/** Compares the log with the credential-store copy of its head (keyed logs only). */
export function checkStoreHead(check: StoreHeadCheck): void {
  const { stored, fileHead, lines, problems, notes } = check;
  if (stored.state === 'missing') {
    if (check.keyedSeen === 0) return;
    problems.push({
      line: 0,
      kind: 'unverifiable',
      detail: `no copy of audit.head in the OS credential store (account '${AUDIT_HEAD_ACCOUNT}'): a rollback to an older audit.log and audit.head cannot be ruled out`,
    });
    notes.push('a log written before the credential-store copy of its head existed gets that copy at its next append');
    return;
  }
  if (stored.state === 'invalid') {
    problems.push({ line: 0, kind: 'head-mismatch', detail: 'the copy of audit.head in the OS credential store does not match its seal' });
    return;
  }
  const { count, last } = stored.head;
  // audit.head names the same record: the head check already compares it with the log.
  if (fileHead && fileHead.count === count && fileHead.last === last) return;
  const lastSeq = lines[lines.length - 1]?.seq ?? 0;
  const rolledBack = (detail: string) => problems.push({ line: 0, kind: 'rolled-back', detail });
  if (count > lastSeq) {
    rolledBack(`the OS credential store records ${count} record(s) but audit.log ends at record ${lastSeq}: an older audit.log and audit.head were restored, or the end was removed`);
  } else if (count > 0 && lines.find((l) => l.seq === count)?.seal !== last) {
    rolledBack(`record ${count} is not the one the OS credential store records: audit.log was replaced by another copy`);
  } else if (count < lastSeq) {
    notes.push(`${lastSeq - count} record(s) after the credential-store copy of the head: an append was interrupted before the copy was updated`);
  }
}
