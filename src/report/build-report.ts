import type { Policy } from '../policy/schema';
import { formatLocal } from '../schedule/zoned-time';
import type { KioskLogSource } from './log-source';
import { formatDate, shiftEndsIn, type ReportPeriod } from './period';
import { readRecordFacts } from './record-facts';
import { shiftEndStatuses } from './statuses';
import { SHIFT_END_STATUSES, type KioskReport, type Report } from './types';

export interface BuildReportInput {
  policy: Pick<Policy, 'schedule' | 'ui'>;
  period: ReportPeriod;
  graceMinutes: number;
  sources: readonly KioskLogSource[];
  now: Date;
}

/**
 * Reads each kiosk's logs in turn (one or two kiosks' records in memory at a time: a fleet of
 * hundreds fits) and judges every scheduled shift end of the period for it.
 */
export async function buildReport(input: BuildReportInput): Promise<Report> {
  const { schedule } = input.policy;
  const { period } = input;
  const { ends, next } = shiftEndsIn(schedule, period);
  const localCache = new Map<number, string>();
  const local = (ms: number) => localCache.get(ms) ?? localCache.set(ms, formatLocal(ms, schedule.timeZone)).get(ms)!;
  const kiosks: KioskReport[] = [];
  // The next kiosk's file is read while this one is judged (at most two kiosks in memory).
  const readAhead = (index: number) => {
    const promise = input.sources[index]?.read() ?? null;
    promise?.catch(() => undefined); // awaited (and thrown) in its turn, never unhandled meanwhile
    return promise;
  };
  let ahead = readAhead(0);
  for (let index = 0; index < input.sources.length; index += 1) {
    const source = input.sources[index]!;
    const log = (await ahead)!;
    ahead = readAhead(index + 1);
    const facts = readRecordFacts(log.records, period.startMs, period.endMs);
    const problems = [...log.problems, ...facts.problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    kiosks.push({
      kioskId: source.kioskId,
      log: { verified: problems.length === 0, method: log.method, sealing: log.sealing, problems, notes: log.notes, ...(log.signature ? { signature: log.signature } : {}) },
      shiftEnds: shiftEndStatuses({ ends, next, wipes: facts.shiftWipes, nowMs: input.now.getTime(), graceMs: input.graceMinutes * 60_000, local }),
      sessions: facts.sessions,
      outOfService: facts.outOfService,
      compliance: facts.compliance,
    });
  }
  kiosks.sort((a, b) => (a.kioskId < b.kioskId ? -1 : a.kioskId > b.kioskId ? 1 : 0));
  const summary = { kiosks: kiosks.length, logsNotVerified: kiosks.filter((k) => !k.log.verified).length, inferred: 0 } as Report['summary'];
  for (const status of SHIFT_END_STATUSES) summary[status] = 0;
  for (const kiosk of kiosks) for (const end of kiosk.shiftEnds) {
    summary[end.status] += 1;
    if (end.coverage === 'inferred') summary.inferred += 1;
  }
  return {
    version: 1,
    from: formatDate(period.from),
    to: formatDate(period.to),
    timeZone: schedule.timeZone,
    generatedAt: input.now.toISOString(),
    unit: input.policy.ui.unitName ?? null,
    onTimeGraceMinutes: input.graceMinutes,
    kiosks,
    summary,
  };
}

/** Exit 0 only when every shift end is on time or caught up (or not yet due) and every log verifies. */
export function reportPasses(report: Report): boolean {
  return report.summary.failed === 0 && report.summary.missed === 0 && report.summary.logsNotVerified === 0;
}
