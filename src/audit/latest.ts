import { stateFiles } from '../state/state-files';
import { openLine } from './chain';
import { readEnd } from './recent';
import type { AuditRecordInput } from './record-types';

const TAIL_BYTES = 1024 * 1024;

/**
 * The newest record matching each selector (null where none), found from the end of the log: the
 * last megabyte first, the whole log only when something was not found there (a compliance run weeks
 * ago). Display and metrics only: seals are `audit verify`'s job.
 */
export async function readLatestRecords<K extends string>(
  stateRoot: string,
  selectors: Record<K, (record: AuditRecordInput) => boolean>,
): Promise<Record<K, AuditRecordInput | null>> {
  const file = stateFiles(stateRoot).auditLog;
  let text = await readEnd(file, TAIL_BYTES);
  let found = pickLatest(text.lines, selectors);
  if (text.partial && Object.values(found).some((value) => value === null)) {
    text = await readEnd(file, Number.MAX_SAFE_INTEGER);
    found = pickLatest(text.lines, selectors);
  }
  return found;
}

function pickLatest<K extends string>(lines: string[], selectors: Record<K, (record: AuditRecordInput) => boolean>): Record<K, AuditRecordInput | null> {
  const keys = Object.keys(selectors) as K[];
  const found = Object.fromEntries(keys.map((key) => [key, null])) as Record<K, AuditRecordInput | null>;
  let missing = keys.length;
  for (let i = lines.length - 1; i >= 0 && missing > 0; i -= 1) {
    const opened = openLine(lines[i] ?? '');
    if (!opened.ok) continue;
    for (const key of keys) {
      if (found[key] === null && selectors[key](opened.body.rec)) {
        found[key] = opened.body.rec;
        missing -= 1;
      }
    }
  }
  return found;
}
