import { z } from 'zod';
import type { ScannedRecord } from '../audit/verify-log';
import type { ShiftWipeFact } from './statuses';
import type { ComplianceSummary, LogProblem, OutOfServicePeriod } from './types';

/**
 * What the report reads out of a kiosk's records. Lenient where the audit log's own schema is strict:
 * fields added later (clipboardCleared, …) and record types this version does not know (staff,
 * policy) are passed over, but a record of a known type without the fields a status needs is a
 * problem, reported with its line, never silently counted.
 */
const iso = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/);
const wipe = z.object({
  type: z.literal('wipe'),
  scope: z.enum(['session', 'shift']),
  startedAt: iso,
  result: z.enum(['succeeded', 'failed']),
  coveredShiftEnd: iso.optional(),
});
const service = z.object({ type: z.literal('service'), at: iso, state: z.enum(['out-of-service', 'in-service']), reason: z.string().max(64) });
const checkStatus = z.enum(['pass', 'fail', 'warn', 'not-applicable', 'error']);
const compliance = z.object({
  type: z.literal('compliance'),
  at: iso,
  checks: z.array(z.object({ id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/), status: checkStatus, severity: z.enum(['critical', 'high', 'medium', 'low']) })).max(500),
  counts: z.object({ pass: z.number().int().min(0), fail: z.number().int().min(0), warn: z.number().int().min(0), notApplicable: z.number().int().min(0), error: z.number().int().min(0) }),
});
const readers = { wipe, service, compliance } as const;

export interface RecordFacts {
  shiftWipes: ShiftWipeFact[];
  sessions: { succeeded: number; failed: number };
  outOfService: OutOfServicePeriod[];
  compliance: ComplianceSummary | null;
  problems: LogProblem[];
}

const severityRank: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/** Reads the records of one kiosk (all its logs, in order) for the period [startMs, endMs). */
export function readRecordFacts(records: readonly (ScannedRecord & { file: string })[], startMs: number, endMs: number): RecordFacts {
  const facts: RecordFacts = { shiftWipes: [], sessions: { succeeded: 0, failed: 0 }, outOfService: [], compliance: null, problems: [] };
  const inPeriod = (ms: number) => ms >= startMs && ms < endMs;
  let open: { from: number; reason: string } | null = null;
  const failing = new Map<string, { id: string; severity: string; runs: number }>();
  const runs: z.infer<typeof compliance>[] = [];
  for (const { rec, line, file } of records) {
    const type = typeof rec === 'object' && rec !== null ? (rec as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !(type in readers)) continue;
    const parsed = readers[type as keyof typeof readers].safeParse(rec);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      facts.problems.push({ file, line, kind: 'not-a-record', detail: `a ${type} record without a valid ${issue?.path.join('.') || 'body'}` });
      continue;
    }
    const value = parsed.data;
    if (value.type === 'wipe') {
      const startedMs = Date.parse(value.startedAt);
      if (value.scope === 'shift') {
        facts.shiftWipes.push({ startedMs, succeeded: value.result === 'succeeded', coveredMs: value.coveredShiftEnd ? Date.parse(value.coveredShiftEnd) : null });
      } else if (inPeriod(startedMs)) {
        facts.sessions[value.result] += 1;
      }
    } else if (value.type === 'service') {
      const at = Date.parse(value.at);
      if (value.state === 'out-of-service' && !open) open = { from: at, reason: value.reason };
      else if (value.state === 'in-service' && open) {
        if (at >= startMs && open.from < endMs) facts.outOfService.push({ from: new Date(open.from).toISOString(), to: new Date(at).toISOString(), reason: open.reason });
        open = null;
      }
    } else if (inPeriod(Date.parse(value.at))) {
      runs.push(value);
      for (const check of value.checks) {
        if (check.status !== 'fail' && check.status !== 'error') continue;
        const seen = failing.get(check.id) ?? { id: check.id, severity: check.severity, runs: 0 };
        seen.runs += 1;
        failing.set(check.id, seen);
      }
    }
  }
  if (open && open.from < endMs) facts.outOfService.push({ from: new Date(open.from).toISOString(), to: null, reason: open.reason });
  const last = runs.at(-1);
  if (last) {
    const ranked = [...failing.values()].sort((a, b) => (severityRank[a.severity] ?? 9) - (severityRank[b.severity] ?? 9) || a.id.localeCompare(b.id));
    facts.compliance = { runs: runs.length, lastAt: last.at, last: last.counts, failing: ranked };
  }
  return facts;
}
