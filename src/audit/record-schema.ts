import { z } from 'zod';
import type { AuditRecordInput } from './record-types';
import { signatureRecordSchemas } from './signature-record-schema';

/**
 * Run-time guard of what may enter the audit log. Strict objects (no extra field can smuggle data
 * in) and narrow string patterns: no slash or backslash means no path and no URL, whoever appends.
 */
const isoTime = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/, 'must be an ISO 8601 UTC time');
const reasonCode = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be a short kebab-case code');
const errorText = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ,:;()._=-]{0,159}$/, 'must be an error code and target kind, never a path or URL');
const count = z.number().int().min(0);
const trigger = z.enum(['session-end', 'idle', 'shift-end', 'catch-up', 'startup-recovery', 'manual', 'crash']);

const wipeRecord = z.strictObject({
  type: z.literal('wipe'),
  scope: z.enum(['session', 'shift']),
  trigger,
  startedAt: isoTime,
  endedAt: isoTime,
  durationMs: count,
  filesRemoved: count,
  bytesRemoved: count,
  verification: z.enum(['passed', 'failed']),
  result: z.enum(['succeeded', 'failed']),
  errors: z.array(errorText).max(50),
  wipeId: z.string().regex(/^[a-f0-9]{32}$/).optional(),
  recoveredTrigger: trigger.optional(),
  credentialEntriesRemoved: count.optional(),
  canarySessionsChecked: count.optional(),
  coveredShiftEnd: isoTime.optional(),
  clipboardCleared: z.boolean().nullable().optional(),
});

const staffRecord = z.strictObject({
  type: z.literal('staff'),
  at: isoTime,
  // '(unknown)': a failed sign-in with an id that matches no account (logs before the kiosk-wide delay);
  // '(burst)': one record for a burst of failed attempts. The typed text is never logged.
  staffId: z.union([z.literal('(unknown)'), z.literal('(burst)'), z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/)], 'must be a staff id'),
  action: z.enum([
    'sign-in',
    'force-wipe',
    'view-records',
    'reload-policy',
    'leave-kiosk',
    'manage-accounts',
    'account-added',
    'account-removed',
    'password-changed',
    'totp-enrolled',
    'unlocked',
    'start-rehearsal',
    'start-new-log',
  ]),
  outcome: z.enum(['success', 'failure', 'locked', 'denied']),
  failures: z.number().int().min(1).optional(),
  firstAt: isoTime.optional(),
  idsTried: z.array(z.string().regex(/^[a-f0-9]{16}$/, 'must be an id hash')).max(16).optional(),
});

const serviceRecord = z.strictObject({
  type: z.literal('service'),
  at: isoTime,
  state: z.enum(['out-of-service', 'in-service']),
  reason: reasonCode,
});

const policyRecord = z.strictObject({
  type: z.literal('policy'),
  at: isoTime,
  event: z.enum(['applied', 'rejected']),
  hash: z.string().regex(/^[a-f0-9]{64}$/, 'must be a sha256 hex digest'),
});

/** A compliance doctor run: ids, statuses, severities and counts only — never the evidence. */
const complianceRecord = z.strictObject({
  type: z.literal('compliance'),
  at: isoTime,
  platform: z.enum(['win32', 'linux', 'darwin', 'other']),
  checks: z
    .array(
      z.strictObject({
        id: reasonCode,
        status: z.enum(['pass', 'fail', 'warn', 'not-applicable', 'error']),
        severity: z.enum(['critical', 'high', 'medium', 'low']),
      }),
    )
    .max(64),
  counts: z.strictObject({ pass: count, fail: count, warn: count, notApplicable: count, error: count }),
});

/** One session's refusals (src/blocked-journal/): a host, never a path (no slash can pass). */
const blockedHosts = {
  at: isoTime,
  session: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]{15,63}$/, 'must be a session id'),
  hosts: z
    .array(
      z.strictObject({
        host: z.string().regex(/^[a-z0-9[][a-z0-9.:[\]_-]{0,252}$/, 'must be a host name or a scheme, never a URL'),
        kind: z.enum(['navigation', 'frame', 'popup', 'subresource', 'websocket', 'download']),
        rule: z.union([z.enum(['not-allowed', 'deny', 'local-network', 'scheme', 'download-type']), z.string().regex(/^category:[a-z][a-z0-9-]{0,63}$/)]),
        count: count.min(1),
      }),
    )
    .min(1)
    .max(50),
  otherCount: count,
};
const blockedRecord = z.strictObject({ type: z.literal('blocked'), ...blockedHosts });
const rehearsalRecord = z.strictObject({ type: z.literal('rehearsal'), ...blockedHosts });

export const auditRecordSchema = z.discriminatedUnion('type', [wipeRecord, staffRecord, serviceRecord, policyRecord, complianceRecord, blockedRecord, rehearsalRecord, ...signatureRecordSchemas]);

export class AuditRecordRejectedError extends Error {
  constructor(detail: string) {
    super(`audit record rejected: ${detail}`);
    this.name = 'AuditRecordRejectedError';
  }
}

/** Returns the record as validated; throws AuditRecordRejectedError naming the field, never its value. */
export function validateAuditRecord(record: unknown): AuditRecordInput {
  const result = auditRecordSchema.safeParse(record);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AuditRecordRejectedError(`${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data as AuditRecordInput;
}
