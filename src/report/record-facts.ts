import { z } from 'zod';
import type { SourcedRecord } from './log-source';
import type { ShiftWipeFact } from './statuses';
import type { ComplianceSummary, LogProblem, OutOfServicePeriod } from './types';

/**
 * What the report reads out of a kiosk's records. Lenient where the audit log's own schema is strict:
 * fields added later (clipboardCleared, …) and record types this version does not know (staff,
 * policy) are passed over, but a record of a known type without the fields a status needs is a
 * problem, reported with its line, never silently counted.
 */
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;
const iso = z.string().regex(ISO);
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

type WipeFacts = z.infer<typeof wipe>;
const isIso = (value: unknown) => typeof value === 'string' && ISO.test(value);
/**
 * The wipe schema's test without building a parse result: wipe records are nearly every line of a
 * fleet's logs. Accepts only what `wipe` accepts; anything else goes to the schema for its message.
 */
function plainWipe(rec: Record<string, unknown>): WipeFacts | null {
  const { scope, result, startedAt, coveredShiftEnd } = rec;
  if ((scope !== 'session' && scope !== 'shift') || (result !== 'succeeded' && result !== 'failed')) return null;
  if (!isIso(startedAt) || (coveredShiftEnd !== undefined && !isIso(coveredShiftEnd))) return null;
  return rec as WipeFacts;
}

export interface RecordFacts {
  shiftWipes: ShiftWipeFact[];
  sessions: { succeeded: number; failed: number };
  outOfService: OutOfServicePeriod[];
  compliance: ComplianceSummary | null;
  problems: LogProblem[];
}

const severityRank: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * Reads the records of one kiosk (all its logs, in order) for the period [startMs, endMs), one record
 * at a time as the logs stream past: only the facts are kept, never the records.
 */
export class RecordFactsReader {
  private readonly facts: RecordFacts = { shiftWipes: [], sessions: { succeeded: 0, failed: 0 }, outOfService: [], compliance: null, problems: [] };
  private open: { from: number; reason: string } | null = null;
  private readonly failing = new Map<string, { id: string; severity: string; runs: number }>();
  private runs = 0;
  private lastRun: z.infer<typeof compliance> | null = null;

  constructor(
    private readonly startMs: number,
    private readonly endMs: number,
  ) {}

  private inPeriod(ms: number): boolean {
    return ms >= this.startMs && ms < this.endMs;
  }

  add({ rec, line, file }: SourcedRecord): void {
    const { facts } = this;
    const type = typeof rec === 'object' && rec !== null ? (rec as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !Object.hasOwn(readers, type)) return;
    const fast = type === 'wipe' ? plainWipe(rec as Record<string, unknown>) : null;
    const parsed = fast ? null : readers[type as keyof typeof readers].safeParse(rec);
    if (parsed && !parsed.success) {
      const issue = parsed.error.issues[0];
      facts.problems.push({ file, line, kind: 'not-a-record', detail: `a ${type} record without a valid ${issue?.path.join('.') || 'body'}` });
      return;
    }
    const value = fast ?? parsed!.data!;
    if (value.type === 'wipe') {
      const startedMs = Date.parse(value.startedAt);
      if (value.scope === 'shift') {
        facts.shiftWipes.push({ startedMs, succeeded: value.result === 'succeeded', coveredMs: value.coveredShiftEnd ? Date.parse(value.coveredShiftEnd) : null });
      } else if (this.inPeriod(startedMs)) {
        facts.sessions[value.result] += 1;
      }
    } else if (value.type === 'service') {
      const at = Date.parse(value.at);
      if (value.state === 'out-of-service' && !this.open) this.open = { from: at, reason: value.reason };
      else if (value.state === 'in-service' && this.open) {
        if (at >= this.startMs && this.open.from < this.endMs) facts.outOfService.push({ from: new Date(this.open.from).toISOString(), to: new Date(at).toISOString(), reason: this.open.reason });
        this.open = null;
      }
    } else if (this.inPeriod(Date.parse(value.at))) {
      this.runs += 1;
      this.lastRun = value;
      for (const check of value.checks) {
        if (check.status !== 'fail' && check.status !== 'error') continue;
        const seen = this.failing.get(check.id) ?? { id: check.id, severity: check.severity, runs: 0 };
        seen.runs += 1;
        this.failing.set(check.id, seen);
      }
    }
  }

  finish(): RecordFacts {
    const { facts, open } = this;
    if (open && open.from < this.endMs) facts.outOfService.push({ from: new Date(open.from).toISOString(), to: null, reason: open.reason });
    const last = this.lastRun;
    if (last) {
      const ranked = [...this.failing.values()].sort((a, b) => (severityRank[a.severity] ?? 9) - (severityRank[b.severity] ?? 9) || a.id.localeCompare(b.id));
      facts.compliance = { runs: this.runs, lastAt: last.at, last: last.counts, failing: ranked };
    }
    return facts;
  }
}

/** The facts of records already in memory (tests, small logs). */
export function readRecordFacts(records: readonly SourcedRecord[], startMs: number, endMs: number): RecordFacts {
  const reader = new RecordFactsReader(startMs, endMs);
  for (const record of records) reader.add(record);
  return reader.finish();
}
