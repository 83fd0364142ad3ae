import type { ShiftSchedule } from '../schedule/shift-ends';
import { formatLocal } from '../schedule/zoned-time';
import type { KioskLogSource } from './log-source';
import { shiftEndsIn, type ReportPeriod } from './period';
import { RecordFactsReader } from './record-facts';
import { shiftEndStatuses } from './statuses';
import type { KioskReport } from './types';

/** What judging one kiosk needs besides its logs: plain data, so a worker thread can be handed it. */
export interface KioskJob {
  schedule: ShiftSchedule;
  period: ReportPeriod;
  graceMinutes: number;
  nowMs: number;
}

/** The shift ends of the period and a wall-clock renderer shared by every kiosk of one report. */
export function jobContext(job: KioskJob) {
  const { ends, next } = shiftEndsIn(job.schedule, job.period);
  const cache = new Map<number, string>();
  const local = (ms: number) => cache.get(ms) ?? cache.set(ms, formatLocal(ms, job.schedule.timeZone)).get(ms)!;
  return { ends, next, local };
}
export type JobContext = ReturnType<typeof jobContext>;

/**
 * One kiosk's part of the report: its logs streamed through the verifier into the facts (no record
 * kept), then every scheduled shift end of the period judged against its shift wipes.
 */
export async function judgeKiosk(source: KioskLogSource, job: KioskJob, context: JobContext = jobContext(job)): Promise<KioskReport> {
  const facts = new RecordFactsReader(job.period.startMs, job.period.endMs);
  const log = await source.read((record) => facts.add(record));
  const found = facts.finish();
  const problems = [...log.problems, ...found.problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    kioskId: source.kioskId,
    log: { verified: problems.length === 0, method: log.method, sealing: log.sealing, problems, notes: log.notes, ...(log.signature ? { signature: log.signature } : {}) },
    shiftEnds: shiftEndStatuses({ ends: context.ends, next: context.next, wipes: found.shiftWipes, nowMs: job.nowMs, graceMs: job.graceMinutes * 60_000, local: context.local }),
    sessions: found.sessions,
    outOfService: found.outOfService,
    compliance: found.compliance,
  };
}
