import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { AuditRecordInput } from './record-types';

/**
 * The line format of the audit log: one JSON object per line, each sealed over its own exact text
 * and chained to the seal of the line before it. Keyed: HMAC-SHA256 with the audit key from the OS
 * credential store. Unkeyed: plain SHA-256 (catches accidents, not a forger: see the README).
 */
export type ChainAlg = 'hmac-sha256' | 'sha256';

export interface LineBody {
  v: 1;
  seq: number;
  prev: string;
  alg: ChainAlg;
  rec: AuditRecordInput;
}

export const GENESIS = '0'.repeat(64);
const SEAL_FIELD = ',"seal":"';

export function seal(alg: ChainAlg, key: Buffer | null, text: string): string {
  if (alg === 'sha256') return createHash('sha256').update(text, 'utf8').digest('hex');
  if (!key) throw new Error('a keyed seal needs the audit key');
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

/** The line text (without newline) and its seal, which the next line's `prev` repeats. */
export function sealLine(body: LineBody, key: Buffer | null): { text: string; seal: string } {
  const bodyText = JSON.stringify({ v: body.v, seq: body.seq, prev: body.prev, alg: body.alg, rec: body.rec });
  const value = seal(body.alg, key, bodyText);
  return { text: `${bodyText.slice(0, -1)}${SEAL_FIELD}${value}"}`, seal: value };
}

export type OpenedLine =
  | { ok: true; body: LineBody; seal: string; bodyText: string }
  | { ok: false; reason: 'unreadable' };

/** An opened line; the body's exact text (what the seal covers) is cut out only when a seal is checked. */
class OpenedRecordLine {
  readonly ok = true;
  constructor(
    private readonly text: string,
    private readonly at: number,
    readonly body: LineBody,
    readonly seal: string,
  ) {}

  get bodyText(): string {
    return `${this.text.slice(0, this.at)}}`;
  }
}

/**
 * Parses a line and splits off its seal; checking the seal is `sealMatches`. The whole line is parsed
 * once (it is the body with one more key, the seal, last): a report reads millions of them.
 */
export function openLine(text: string): OpenedLine {
  const at = text.lastIndexOf(SEAL_FIELD);
  if (at < 0 || !text.endsWith('"}') || text.length - at !== SEAL_FIELD.length + 66) return { ok: false, reason: 'unreadable' };
  const sealValue = text.slice(at + SEAL_FIELD.length, -2);
  if (!/^[a-f0-9]{64}$/.test(sealValue)) return { ok: false, reason: 'unreadable' };
  try {
    const body = JSON.parse(text) as Partial<LineBody>;
    const valid =
      body.v === 1 &&
      Number.isSafeInteger(body.seq) &&
      typeof body.prev === 'string' &&
      (body.alg === 'sha256' || body.alg === 'hmac-sha256') &&
      typeof body.rec === 'object' &&
      body.rec !== null;
    return valid ? new OpenedRecordLine(text, at, body as LineBody, sealValue) : { ok: false, reason: 'unreadable' };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

export function sealMatches(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(actual, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The head file: how many records there are and the seal of the last, itself sealed. */
export interface AuditHead {
  v: 1;
  count: number;
  last: string;
  alg: ChainAlg;
  seal: string;
}

export function sealHead(count: number, last: string, alg: ChainAlg, key: Buffer | null): AuditHead {
  return { v: 1, count, last, alg, seal: seal(alg, key, `audit-head:${count}:${last}:${alg}`) };
}

export function parseHead(text: string): AuditHead | null {
  try {
    const head = JSON.parse(text) as Partial<AuditHead>;
    if (head.v !== 1 || !Number.isSafeInteger(head.count) || typeof head.last !== 'string') return null;
    if ((head.alg !== 'sha256' && head.alg !== 'hmac-sha256') || typeof head.seal !== 'string') return null;
    return head as AuditHead;
  } catch {
    return null;
  }
}
