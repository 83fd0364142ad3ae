import type { ComplianceAuditRecord } from '../audit/record-types';
import type { ComplianceCheckId, ComplianceReport } from './types';

/**
 * `error` means the doctor could not find out, and one error never takes the kiosk out of service.
 * But a probe broken on purpose (a process that hangs PowerShell, a deleted lpstat) would answer
 * `error` for ever: an outOfServiceOn check that answers `error` on `after` runs in a row counts as
 * a fail (compliance.errorAsFailAfter). Any other answer starts its count again. The doctor runs at
 * start and after every shift wipe, and each shift wipe relaunches the kiosk: the count starts from
 * the audit log's earlier compliance records (seed), not from zero.
 */
export class ErrorStreaks {
  private readonly streaks = new Map<ComplianceCheckId, number>();

  /** Earlier runs, newest first: each id's errors in a row up to its newest other answer. */
  seed(previous: readonly ComplianceAuditRecord[]): void {
    const ids = new Set(previous.flatMap((record) => record.checks.map((check) => check.id as ComplianceCheckId)));
    for (const id of ids) {
      let streak = 0;
      for (const record of previous) {
        if (record.checks.find((check) => check.id === id)?.status !== 'error') break;
        streak += 1;
      }
      this.streaks.set(id, streak);
    }
  }

  /** Counts this report; returns the outOfServiceOn ids whose run of errors has reached `after`. */
  record(report: ComplianceReport, outOfServiceOn: readonly ComplianceCheckId[], after: number): ComplianceCheckId[] {
    const reached: ComplianceCheckId[] = [];
    for (const check of report.checks) {
      const streak = check.status === 'error' ? (this.streaks.get(check.id) ?? 0) + 1 : 0;
      this.streaks.set(check.id, streak);
      if (streak >= after && outOfServiceOn.includes(check.id)) reached.push(check.id);
    }
    return reached;
  }
}
