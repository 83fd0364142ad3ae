import type { ComplianceCheckId } from '../policy/compliance-schema';

export type { ComplianceCheckId } from '../policy/compliance-schema';
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'not-applicable' | 'error';
export type CheckSeverity = 'critical' | 'high' | 'medium' | 'low';
export type CompliancePlatform = 'win32' | 'linux' | 'darwin' | 'other';

export interface Localized {
  vi: string;
  en: string;
}

/**
 * Evidence is whitelisted facts only: product and tool names from the catalogues, versions, booleans,
 * dates, counts, policy labels. Never a user name, a profile path, a command line or a window title:
 * probes return names matched against catalogues, and the report schema rejects anything else.
 */
export type EvidenceValue = string | number | boolean | null | string[];
export type Evidence = Record<string, EvidenceValue>;

/** What a check's evaluation decides; title and remediation come from the check's definition. */
export interface CheckOutcome {
  status: CheckStatus;
  /** Overrides the definition's severity (e.g. a running tool is critical, a left-over folder is not). */
  severity?: CheckSeverity;
  evidence: Evidence;
}

export interface CheckResult {
  id: ComplianceCheckId;
  status: CheckStatus;
  severity: CheckSeverity;
  title: Localized;
  evidence: Evidence;
  remediation: Localized;
}

/** `public-kiosk doctor --json`, version 1. */
export interface ComplianceReport {
  version: 1;
  checkedAt: string;
  platform: CompliancePlatform;
  checks: CheckResult[];
}

export interface ComplianceCounts {
  pass: number;
  fail: number;
  warn: number;
  notApplicable: number;
  error: number;
}
