import type { CompliancePolicy } from '../policy/compliance-schema';
import type { PrintingMode } from '../policy/printing';
import { checkDefinitions, type CheckDefinition } from './checks';
import { memoizeProbes, ProbeError, type ComplianceProbes } from './probes';
import { evidenceSchema } from './report-schema';
import type { CheckOutcome, CheckResult, ComplianceCheckId, ComplianceCounts, ComplianceReport } from './types';

export interface DoctorOptions {
  probes: ComplianceProbes;
  policy: CompliancePolicy;
  /** Only these checks, in catalogue order; all when absent. */
  only?: readonly ComplianceCheckId[];
  now?: () => Date;
  /** Longest any one check may take before it counts as `error` (network-zone gets its own timeout on top). */
  checkTimeoutMs?: number;
  checks?: readonly CheckDefinition[];
  /** The kiosk policy's printing.mode (print-to-file check); the policy default `silent` when not given. */
  printingMode?: PrintingMode;
}

export const defaultCheckTimeoutMs = 90_000;

/**
 * Runs the checks side by side. A check whose probe throws or does not answer in time is `error`
 * with a short reason code, and the others still run; evidence that is not a whitelisted fact is
 * replaced by an `error` too, so a probe bug can never print or log personal data.
 */
export async function runDoctor(options: DoctorOptions): Promise<ComplianceReport> {
  const now = options.now ?? (() => new Date());
  const probes = memoizeProbes(options.probes);
  const definitions = (options.checks ?? checkDefinitions).filter((check) => !options.only || options.only.includes(check.id));
  const started = now();
  const checks = await Promise.all(
    definitions.map(async (check): Promise<CheckResult> => {
      const limit = (options.checkTimeoutMs ?? defaultCheckTimeoutMs) + (check.id === 'network-zone' ? options.policy.networkZone.timeoutMs : 0);
      const outcome = await withTimeout(limit, () => check.run({ probes, policy: options.policy, now: started, printingMode: options.printingMode ?? 'silent' }));
      const evidence = evidenceSchema.safeParse(outcome.evidence);
      const safe: CheckOutcome = evidence.success ? outcome : { status: 'error', evidence: { reason: 'evidence-rejected' } };
      return { id: check.id, status: safe.status, severity: safe.severity ?? check.severity, title: check.title, evidence: safe.evidence, remediation: check.remediation };
    }),
  );
  return { version: 1, checkedAt: started.toISOString(), platform: probes.platform, checks };
}

async function withTimeout(ms: number, run: () => Promise<CheckOutcome>): Promise<CheckOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'error', evidence: { reason: 'probe-timeout' } }), ms);
    timer.unref?.();
  });
  const attempt = Promise.resolve()
    .then(run)
    .catch((error: unknown): CheckOutcome => ({ status: 'error', evidence: { reason: errorReason(error) } }));
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A short code only: an error message may carry a path or a command line. */
function errorReason(error: unknown): string {
  if (error instanceof ProbeError && /^[a-z0-9-]{1,64}$/.test(error.code)) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,32}$/.test(code) ? `probe-failed-${code.toLowerCase()}` : 'probe-failed';
}

export function countStatuses(checks: readonly Pick<CheckResult, 'status'>[]): ComplianceCounts {
  const counts: ComplianceCounts = { pass: 0, fail: 0, warn: 0, notApplicable: 0, error: 0 };
  for (const { status } of checks) {
    if (status === 'not-applicable') counts.notApplicable += 1;
    else counts[status] += 1;
  }
  return counts;
}

/** The ids whose fail the policy says take the kiosk out of service. `error` does not: it is not known. */
export function outOfServiceFailures(report: ComplianceReport, outOfServiceOn: readonly ComplianceCheckId[]): ComplianceCheckId[] {
  return report.checks.filter((check) => check.status === 'fail' && outOfServiceOn.includes(check.id)).map((check) => check.id);
}
