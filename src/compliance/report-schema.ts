import { z } from 'zod';
import { complianceCheckIds } from '../policy/compliance-schema';

/**
 * The whitelist of what evidence may hold: short names, versions, dates, policy labels (host:port),
 * numbers, booleans. No slash or backslash (no path), no quotes, no "=" (no command-line switch), so a
 * probe bug that passed a command line or a profile path through would be rejected, not printed.
 */
export const evidenceText = z.string().regex(/^[\p{L}\p{N} ._:()[\]+,@-]{0,100}$/u, 'is not a whitelisted fact');
export const evidenceValue = z.union([evidenceText, z.number().finite(), z.boolean(), z.null(), z.array(evidenceText).max(100)]);
export const evidenceSchema = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/), evidenceValue);

const localized = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });
export const checkStatus = z.enum(['pass', 'fail', 'warn', 'not-applicable', 'error']);
export const checkSeverity = z.enum(['critical', 'high', 'medium', 'low']);

export const checkResultSchema = z.strictObject({
  id: z.enum(complianceCheckIds),
  status: checkStatus,
  severity: checkSeverity,
  title: localized,
  evidence: evidenceSchema,
  remediation: localized,
});

/** `public-kiosk doctor --json`, version 1; also what the kiosk hands the staff dashboard. */
export const complianceReportSchema = z.strictObject({
  version: z.literal(1),
  checkedAt: z.string(),
  platform: z.enum(['win32', 'linux', 'darwin', 'other']),
  checks: z.array(checkResultSchema),
});
