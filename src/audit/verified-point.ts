import { createHash } from 'node:crypto';
import { readTextIfExists, writeFileAtomic } from '../state/atomic-file';
import { seal, sealMatches, type ChainAlg } from './chain';
import type { AuditRecordInput } from './record-types';

/**
 * The last record the periodic check verified, kept in the state root as `audit.verified` so the
 * next check reads only what was appended after it (verify-since.ts). It is a cache, not evidence:
 * sealed with the audit key where the log is keyed (a kiosk account cannot forge one that moves the
 * point past a record it edited), and a point that does not match its seal, the log or the head is
 * simply dropped and the whole log verified again.
 */
export interface VerifiedPoint {
  v: 1;
  /** The record's sequence number and its seal (the chain continues from it). */
  count: number;
  seal: string;
  /** Its 1-based line and byte range in audit.log, newline included. */
  line: number;
  start: number;
  end: number;
  /** Keyed records up to and including it ('downgraded' and 'mixed' need the count). */
  keyedSeen: number;
  /** The newest record of each kind up to it (latestByKind), so metrics need not read back through years of log. */
  latest: LatestByKind;
  alg: ChainAlg;
  mac: string;
}

/** Newest record per kind: its type, and for wipes also `wipe:session` / `wipe:shift`. */
export type LatestByKind = Record<string, AuditRecordInput>;

export function recordKinds(record: AuditRecordInput): string[] {
  return record.type === 'wipe' ? ['wipe', `wipe:${record.scope}`] : [record.type];
}

export type PointFields = Omit<VerifiedPoint, 'v' | 'alg' | 'mac'>;

function macText(p: PointFields): string {
  const latest = createHash('sha256').update(JSON.stringify(p.latest)).digest('hex');
  return `audit-verified:${p.count}:${p.seal}:${p.line}:${p.start}:${p.end}:${p.keyedSeen}:${latest}`;
}

/** Keyed when the key is at hand; SHA-256 only catches accidents (as the unkeyed log itself). */
export function sealPoint(fields: PointFields, key: Buffer | null): VerifiedPoint {
  const alg: ChainAlg = key ? 'hmac-sha256' : 'sha256';
  const { count, seal: recordSeal, line, start, end, keyedSeen, latest } = fields;
  return { v: 1, count, seal: recordSeal, line, start, end, keyedSeen, latest, alg, mac: seal(alg, key, macText(fields)) };
}

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The point when it is well formed and matches its seal, else null. With a key, only a keyed point counts. */
export function parsePoint(text: string, key: Buffer | null): VerifiedPoint | null {
  let point: Partial<VerifiedPoint>;
  try {
    point = JSON.parse(text) as Partial<VerifiedPoint>;
  } catch {
    return null;
  }
  const { count, line, start, end, keyedSeen, latest } = point;
  if (point.v !== 1 || !isCount(count) || !isCount(line) || !isCount(start) || !isCount(end) || !isCount(keyedSeen)) return null;
  if (count < 1 || line < 1 || end <= start || keyedSeen > line || typeof point.seal !== 'string' || typeof point.mac !== 'string') return null;
  if (typeof latest !== 'object' || latest === null || !Object.values(latest).every((r) => typeof r === 'object' && r !== null)) return null;
  if (point.alg !== (key ? 'hmac-sha256' : 'sha256')) return null;
  const expected = sealPoint({ count, seal: point.seal, line, start, end, keyedSeen, latest }, key);
  return sealMatches(expected.mac, point.mac) ? expected : null;
}

export async function readVerifiedPoint(file: string, key: Buffer | null): Promise<VerifiedPoint | null> {
  const text = await readTextIfExists(file).catch(() => null);
  return text === null ? null : parsePoint(text, key);
}

/** Best effort: a point that cannot be written only means the next check reads more. */
export async function writeVerifiedPoint(file: string, point: VerifiedPoint): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(point)}\n`).catch(() => undefined);
}
