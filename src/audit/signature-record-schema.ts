import { z } from 'zod';

/** Run-time guard of the signing-key records (record-types.ts): fixed encodings, no free text but a reason. */
const isoTime = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/, 'must be an ISO 8601 UTC time');
const logId = z.string().regex(/^[a-f0-9]{32}$/, 'must be a log id');
const hex64 = z.string().regex(/^[a-f0-9]{64}$/, 'must be a sha256 hex digest');
// An Ed25519 SPKI DER is 44 bytes: 60 base64 characters.
const publicKey = z.string().regex(/^[A-Za-z0-9+/]{59}=$/, 'must be an Ed25519 public key (SPKI DER, base64)');
const signature = z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'must be an Ed25519 signature (base64)');
const seq = z.number().int().min(1);
const staffId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'must be a staff id');
// Typed by an admin: letters (any script), digits, spaces and plain punctuation; never a path or URL.
export const REPLACEMENT_REASON = /^[\p{L}\p{N}][\p{L}\p{N} ,;:()'.?!_-]{0,199}$/u;
const reason = z.string().regex(REPLACEMENT_REASON, 'must be a short sentence without slashes');

export const signatureRecordSchemas = [
  z.strictObject({ type: z.literal('log-started'), at: isoTime, logId, publicKey, fingerprint: hex64 }),
  z.strictObject({
    type: z.literal('log-replaced'),
    at: isoTime,
    logId,
    oldLogId: logId.nullable(),
    oldRecords: z.number().int().min(0),
    oldLastSeq: z.number().int().min(0),
    oldLastSeal: hex64.nullable(),
    by: staffId,
    otpChecked: z.boolean(),
    reason,
    publicKey: publicKey.optional(),
    fingerprint: hex64.optional(),
  }),
  z.strictObject({ type: z.literal('checkpoint'), at: isoTime, logId, seq, seal: hex64, fingerprint: hex64, signature }),
  z.strictObject({
    type: z.literal('key-rotated'),
    at: isoTime,
    logId,
    seq: z.number().int().min(0),
    seal: hex64,
    publicKey,
    fingerprint: hex64,
    previousFingerprint: hex64.nullable(),
    signature: signature.nullable(),
  }),
] as const;
