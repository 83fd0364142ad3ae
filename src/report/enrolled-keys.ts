import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { formatPath, formatPolicyIssue, type PathSegment, type PolicyIssue } from '../policy/issues';
import { parsePolicyText } from '../policy/yaml-source';
import type { KeyTrust } from '../audit/signature-check';
import { fingerprintOfKey } from '../audit/signing-key';

/**
 * The department's `keys.yaml`: for each kiosk name, the public key(s) its IT officer collected with
 * `audit public-key` at enrolment (several after a rotation, one mapping or a list of them):
 *   kiosk-a: { publicKey: "-----BEGIN PUBLIC KEY-----…", fingerprint: 64 hex, since: 2026-12-01 }
 * Anything wrong is bad input with FILE:LINE:COL: a key that is not Ed25519, a fingerprint that does
 * not match its key, a date that is not YYYY-MM-DD.
 */
export interface EnrolledKey {
  key: KeyObject;
  fingerprint: string;
  sinceMs: number;
}

export class KeysFileError extends Error {
  constructor(readonly issues: PolicyIssue[]) {
    super(issues.map(formatPolicyIssue).join('\n'));
    this.name = 'KeysFileError';
  }
}

export type EnrolledKeys = Map<string, EnrolledKey[]>;

export function readEnrolledKeys(file: string): EnrolledKeys {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new KeysFileError([{ file, line: 0, col: 0, path: '(file)', message: `the file cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` }]);
  }
  const { source, issues } = parsePolicyText(file, text);
  if (issues.length > 0 || !source.data) throw new KeysFileError(issues);
  const problems: PolicyIssue[] = [];
  const at = (path: PathSegment[], message: string) => problems.push({ file, ...source.locate(path), path: formatPath(path), message });
  const keys: EnrolledKeys = new Map();
  for (const [kiosk, value] of Object.entries(source.data)) {
    const entries = Array.isArray(value) ? value : [value];
    const list: EnrolledKey[] = [];
    entries.forEach((entry: unknown, index) => {
      const path: PathSegment[] = Array.isArray(value) ? [kiosk, index] : [kiosk];
      const parsed = parseEntry(entry, (field, message) => at(field === null ? path : [...path, field], message));
      if (parsed) list.push(parsed);
    });
    keys.set(kiosk, list);
  }
  if (problems.length > 0) throw new KeysFileError(problems);
  return keys;
}

function parseEntry(entry: unknown, fail: (field: string | null, message: string) => void): EnrolledKey | null {
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
    fail(null, 'must be a mapping { publicKey, fingerprint, since } or a list of them');
    return null;
  }
  const { publicKey, fingerprint, since, ...rest } = entry as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) fail(extra, 'unknown key (expected publicKey, fingerprint, since)');
  let key: KeyObject | null;
  try {
    key = typeof publicKey === 'string' ? createPublicKey({ key: publicKey, format: 'pem' }) : null;
  } catch {
    key = null;
  }
  if (!key || key.asymmetricKeyType !== 'ed25519') {
    fail('publicKey', 'must be an Ed25519 public key in PEM form (as `public-kiosk audit public-key` prints it)');
    return null;
  }
  const actual = fingerprintOfKey(key);
  if (fingerprint !== actual) fail('fingerprint', `does not match the public key (its fingerprint is ${actual})`);
  const sinceText = since instanceof Date ? since.toISOString().slice(0, 10) : String(since);
  const sinceMs = /^\d{4}-\d\d-\d\d$/.test(sinceText) ? Date.parse(`${sinceText}T00:00:00Z`) : Number.NaN;
  if (Number.isNaN(sinceMs)) fail('since', 'must be the enrolment date, YYYY-MM-DD');
  return { key, fingerprint: actual, sinceMs };
}

/** The trust for one kiosk: only its own enrolled keys (a key enrolled for another kiosk does not count). */
export function trustFor(keys: readonly EnrolledKey[]): KeyTrust {
  return {
    enrolled: (fingerprint) => keys.find((k) => k.fingerprint === fingerprint)?.key ?? null,
    sinceMs: keys.length === 0 ? null : Math.min(...keys.map((k) => k.sinceMs)),
  };
}

/** `audit verify --public-key FILE`: one PEM; exit 2 unless it is Ed25519. */
export function readPublicKeyFile(file: string): EnrolledKey {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: readFileSync(file, 'utf8'), format: 'pem' });
  } catch (error) {
    throw new KeysFileError([{ file, line: 0, col: 0, path: '(file)', message: `not a PEM public key (${(error as Error).message.split('\n')[0]})` }]);
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new KeysFileError([{ file, line: 1, col: 1, path: '(file)', message: `a ${key.asymmetricKeyType ?? 'unknown'} key; the kiosk signs with Ed25519` }]);
  }
  return { key, fingerprint: fingerprintOfKey(key), sinceMs: 0 };
}
