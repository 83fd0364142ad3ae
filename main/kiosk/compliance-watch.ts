import type { ComplianceAuditRecord } from '../../src/audit/record-types';
import { complianceAuditRecord } from '../../src/compliance/audit-record';
import { ErrorStreaks } from '../../src/compliance/error-streaks';
import { outOfServiceFailures } from '../../src/compliance/run-doctor';
import type { ComplianceCheckId, ComplianceReport } from '../../src/compliance/types';
import type { ComplianceView } from '../../src/ipc/contract';
import { defaultErrorAsFailAfter } from '../../src/policy/compliance-schema';

export interface ComplianceWatchDeps {
  runDoctor(): Promise<ComplianceReport>;
  append(record: ComplianceAuditRecord): Promise<void>;
  outOfServiceOn: readonly ComplianceCheckId[];
  /** compliance.errorAsFailAfter: that many `error` answers in a row from an outOfServiceOn check count as its fail. */
  errorAsFailAfter?: number;
  /** The doctor's earlier runs from the audit log, newest first (the error count survives a relaunch). */
  previousRuns?: () => Promise<ComplianceAuditRecord[]>;
  /** Takes the kiosk out of service with reason `compliance`. */
  outOfService(): void;
  log(message: string): void;
}

/**
 * Runs the doctor at start and after every shift wipe (compose.ts decides when): the result goes to
 * the audit log as a compliance record, to the staff dashboard, and a fail of an id the policy lists
 * in outOfServiceOn takes the kiosk out of service. One run at a time; a second request while one
 * runs waits for it and runs once more, so the newest machine state is always the one checked.
 */
export class ComplianceWatch {
  private latest: ComplianceView | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly errorStreaks = new ErrorStreaks();
  private seeded = false;

  constructor(private readonly deps: ComplianceWatchDeps) {}

  view(): ComplianceView | null {
    return this.latest;
  }

  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.once().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.run();
      }
    });
    return this.running;
  }

  private async once(): Promise<void> {
    let report: ComplianceReport;
    try {
      report = await this.deps.runDoctor();
    } catch (error) {
      this.deps.log(`compliance doctor could not run: ${error instanceof Error ? error.name : 'error'}`);
      return;
    }
    if (!this.seeded) {
      this.seeded = true;
      try {
        this.errorStreaks.seed((await this.deps.previousRuns?.()) ?? []);
      } catch (error) {
        this.deps.log(`compliance: earlier runs unreadable, errors counted from this run: ${error instanceof Error ? error.message : 'error'}`);
      }
    }
    const erroring = this.errorStreaks.record(report, this.deps.outOfServiceOn, this.deps.errorAsFailAfter ?? defaultErrorAsFailAfter);
    const failures = [...new Set([...outOfServiceFailures(report, this.deps.outOfServiceOn), ...erroring])];
    this.latest = { checkedAt: report.checkedAt, platform: report.platform, checks: report.checks, outOfService: failures };
    try {
      await this.deps.append(complianceAuditRecord(report));
    } catch (error) {
      this.deps.log(`compliance record not appended: ${error instanceof Error ? error.message : 'error'}`);
    }
    if (erroring.length > 0) this.deps.log(`compliance: ${erroring.join(', ')} answered error ${this.deps.errorAsFailAfter ?? defaultErrorAsFailAfter} runs in a row: counted as failed`);
    if (failures.length > 0) {
      this.deps.log(`compliance: ${failures.join(', ')} failed: out of service`);
      this.deps.outOfService();
    }
  }
}
