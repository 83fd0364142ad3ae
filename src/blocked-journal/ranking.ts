import { z } from 'zod';
import type { BlockedAuditRecord } from '../audit/record-types';

/**
 * Across sessions and kiosks: which hosts were refused (or, in rehearsals, let through), ranked by
 * how many sessions hit them — one citizen reloading a page ten times is one session, ten citizens
 * meeting the same wall is ten. Lenient reading, as the report's: a record of the wanted type that
 * does not parse is a problem named by file and line, never silently counted.
 */

const iso = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/);
// As the audit schema has it: a forwarded copy edited to say "*" must not become an allow-everything rule.
const hostName = z.string().regex(/^[a-z0-9[][a-z0-9.:[\]_-]{0,252}$/);
const recordShape = z.object({
  type: z.enum(['blocked', 'rehearsal']),
  at: iso,
  session: z.string().min(1).max(64),
  hosts: z
    .array(z.object({ host: hostName, kind: z.string().max(16), rule: z.string().max(80), count: z.number().int().min(1) }))
    .max(50),
  otherCount: z.number().int().min(0),
});

export interface KioskRecord {
  kioskId: string;
  file: string;
  line: number;
  rec: unknown;
}

export interface BlockedRow {
  host: string;
  kind: string;
  rule: string;
  sessions: number;
  count: number;
  kiosks: string[];
  firstSeen: string;
  lastSeen: string;
}

export interface BlockedSummary {
  type: BlockedAuditRecord['type'];
  records: number;
  /** Refusals past each record's 50 named hosts. */
  otherCount: number;
  rows: BlockedRow[];
  problems: { kioskId: string; file: string; line: number; detail: string }[];
}

export function summariseBlocked(records: readonly KioskRecord[], type: BlockedAuditRecord['type'], startMs: number, endMs: number): BlockedSummary {
  const summary: BlockedSummary = { type, records: 0, otherCount: 0, rows: [], problems: [] };
  const rows = new Map<string, BlockedRow & { sessionIds: Set<string> }>();
  for (const { kioskId, file, line, rec } of records) {
    if (typeof rec !== 'object' || rec === null || (rec as { type?: unknown }).type !== type) continue;
    const parsed = recordShape.safeParse(rec);
    if (!parsed.success) {
      summary.problems.push({ kioskId, file, line, detail: `a ${type} record without a valid ${parsed.error.issues[0]?.path.join('.') || 'body'}` });
      continue;
    }
    const value = parsed.data;
    const at = Date.parse(value.at);
    if (at < startMs || at >= endMs) continue;
    summary.records += 1;
    summary.otherCount += value.otherCount;
    for (const entry of value.hosts) {
      const key = `${entry.host} ${entry.kind} ${entry.rule}`;
      let row = rows.get(key);
      if (!row) {
        row = { host: entry.host, kind: entry.kind, rule: entry.rule, sessions: 0, count: 0, kiosks: [], firstSeen: value.at, lastSeen: value.at, sessionIds: new Set() };
        rows.set(key, row);
      }
      row.count += entry.count;
      row.sessionIds.add(`${kioskId} ${value.session}`);
      if (!row.kiosks.includes(kioskId)) row.kiosks.push(kioskId);
      if (at < Date.parse(row.firstSeen)) row.firstSeen = value.at;
      if (at > Date.parse(row.lastSeen)) row.lastSeen = value.at;
    }
  }
  summary.rows = [...rows.values()]
    .map(({ sessionIds, ...row }) => ({ ...row, sessions: sessionIds.size, kiosks: row.kiosks.sort() }))
    .sort((a, b) => b.sessions - a.sessions || b.count - a.count || a.host.localeCompare(b.host) || a.kind.localeCompare(b.kind) || a.rule.localeCompare(b.rule));
  return summary;
}
