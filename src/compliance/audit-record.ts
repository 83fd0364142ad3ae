import type { ComplianceAuditRecord } from '../audit/record-types';
import { countStatuses } from './run-doctor';
import type { ComplianceReport } from './types';

/** The audit log's copy of a doctor run: ids, statuses, severities, counts. No evidence, no text. */
export function complianceAuditRecord(report: ComplianceReport): ComplianceAuditRecord {
  return {
    type: 'compliance',
    at: report.checkedAt,
    platform: report.platform,
    checks: report.checks.map(({ id, status, severity }) => ({ id, status, severity })),
    counts: countStatuses(report.checks),
  };
}
