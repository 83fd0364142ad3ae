import type { Policy } from '../policy/schema';
import { jobContext, judgeKiosk, type KioskJob } from './kiosk-judge';
import type { KioskLogSource } from './log-source';
import { judgeOnWorkers, workersUsable } from './parallel-judge';
import { formatDate, type ReportPeriod } from './period';
import { SHIFT_END_STATUSES, type KioskReport, type Report } from './types';

export interface BuildReportInput {
  policy: Pick<Policy, 'schedule' | 'ui'>;
  period: ReportPeriod;
  graceMinutes: number;
  sources: readonly KioskLogSource[];
  now: Date;
  /** Worker threads for a folder of forwarded logs (1: judged here, one kiosk after another). */
  jobs?: number;
}

/**
 * Judges every scheduled shift end of the period for each kiosk. Each log is streamed (memory follows
 * the longest record, not the longest log); a fleet is spread over worker threads, one kiosk a task.
 */
export async function buildReport(input: BuildReportInput): Promise<Report> {
  const { schedule } = input.policy;
  const { period } = input;
  const job: KioskJob = { schedule, period, graceMinutes: input.graceMinutes, nowMs: input.now.getTime() };
  let kiosks: KioskReport[];
  if (workersUsable(input.sources, input.jobs ?? 1)) {
    kiosks = await judgeOnWorkers(input.sources, job, input.jobs!);
  } else {
    const context = jobContext(job);
    kiosks = [];
    for (const source of input.sources) kiosks.push(await judgeKiosk(source, job, context));
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
