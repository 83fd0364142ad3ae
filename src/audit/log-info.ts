import { readTextIfExists } from '../state/atomic-file';
import { stateFiles } from '../state/state-files';
import { parseHead } from './chain';

/** How the log is sealed, from its head file (cheap; `audit verify` checks it for real). */
export async function auditLogSealing(stateRoot: string): Promise<'keyed' | 'unkeyed' | 'empty' | 'unreadable'> {
  const text = await readTextIfExists(stateFiles(stateRoot).auditHead);
  if (text === null) return 'empty';
  const head = parseHead(text);
  if (!head) return 'unreadable';
  return head.alg === 'hmac-sha256' ? 'keyed' : 'unkeyed';
}
