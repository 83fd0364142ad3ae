import { countStatuses } from './run-doctor';
import type { ComplianceReport, EvidenceValue } from './types';

const statusLabel = { pass: 'PASS', fail: 'FAIL', warn: 'WARN', 'not-applicable': 'N/A ', error: 'ERR ' } as const;

function formatValue(value: EvidenceValue): string {
  if (Array.isArray(value)) return value.length === 0 ? '-' : value.join(', ');
  return value === null ? '?' : String(value);
}

/**
 * One line per check (status, id, severity, English / Vietnamese title), then its evidence and,
 * for anything not passing, the remediation in both languages.
 */
export function formatReportText(report: ComplianceReport): string {
  const lines: string[] = [];
  for (const check of report.checks) {
    lines.push(`${statusLabel[check.status]} ${check.id} (${check.severity}): ${check.title.en} / ${check.title.vi}`);
    const evidence = Object.entries(check.evidence).map(([key, value]) => `${key}=${formatValue(value)}`);
    if (evidence.length > 0) lines.push(`     ${evidence.join('; ')}`);
    if (check.status !== 'pass' && check.status !== 'not-applicable') {
      lines.push(`     Fix: ${check.remediation.en}`);
      lines.push(`     Cách khắc phục: ${check.remediation.vi}`);
    }
  }
  const c = countStatuses(report.checks);
  lines.push(`${c.pass} pass, ${c.fail} fail, ${c.warn} warn, ${c.notApplicable} not applicable, ${c.error} error (${report.platform}, ${report.checkedAt})`);
  lines.push(`${c.pass} đạt, ${c.fail} không đạt, ${c.warn} cảnh báo, ${c.notApplicable} không áp dụng, ${c.error} lỗi`);
  return `${lines.join('\n')}\n`;
}
