import { openLine } from '../audit/chain';
import { instantForWallClock, wallClockAt } from '../schedule/zoned-time';
import { readEnd } from '../audit/recent';
import type { BlockedAuditRecord } from '../audit/record-types';
import { summariseBlocked, type BlockedSummary, type KioskRecord } from './ranking';

/** The staff panel looks at the end of the log only, as it does for wipes. */
const RECENT_BYTES = 1024 * 1024;

/**
 * "Blocked today" for the staff panel: this kiosk's blocked records since `sinceMs`, ranked. Display
 * only, like the panel's recent wipes: seals are `audit verify`'s job, unreadable lines are passed over.
 */
export async function readBlockedSince(auditLog: string, sinceMs: number, nowMs: number, type: BlockedAuditRecord['type'] = 'blocked'): Promise<BlockedSummary> {
  const { lines } = await readEnd(auditLog, RECENT_BYTES);
  const records: KioskRecord[] = [];
  lines.forEach((text, index) => {
    const opened = openLine(text);
    if (opened.ok) records.push({ kioskId: 'this kiosk', file: 'audit.log', line: index + 1, rec: opened.body.rec });
  });
  return summariseBlocked(records, type, sinceMs, nowMs + 1);
}

/** Local midnight (in the policy's time zone) of the day `nowMs` falls on. */
export function startOfLocalDay(nowMs: number, timeZone: string): number {
  const { year, month, day } = wallClockAt(nowMs, timeZone);
  return instantForWallClock({ year, month, day }, 0, 0, timeZone);
}
