import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { KeysFileError, readPublicKeyFile, type EnrolledKey } from '../../report/enrolled-keys';
import { readLogFileByChain } from '../../report/chain-read';
import { describeReplacement, KioskSignatures } from '../../report/signature-read';
import type { KioskSignature, LogProblem } from '../../report/types';
import { SignatureCheck } from '../../audit/signature-check';
import { openLine } from '../../audit/chain';
import { UsageError } from '../exit-codes';

/** `--public-key FILE`: exit 2 unless it is an Ed25519 PEM. */
export function publicKeyOption(file: string): EnrolledKey {
  try {
    return readPublicKeyFile(path.resolve(file));
  } catch (error) {
    throw error instanceof KeysFileError ? new UsageError(error.message) : error;
  }
}

export interface FileVerification {
  ok: boolean;
  method: 'chain';
  sealing: string;
  records: number;
  problems: LogProblem[];
  notes: string[];
  /** Absent without --public-key: verified by chain only. */
  signature?: KioskSignature;
}

/**
 * `audit verify --log FILE`: a log as a department holds it (a forwarded copy or a copied audit.log),
 * checked by chain, and with --public-key by its signatures against that key (or a rotation from it).
 */
export async function verifyLogFile(file: string, key: EnrolledKey | null): Promise<FileVerification> {
  const label = path.basename(file);
  const signatures = key ? new KioskSignatures([key]) : undefined;
  let records = 0;
  const read = await readLogFileByChain(path.resolve(file), label, () => (records += 1), signatures).catch((error: unknown) => {
    throw new UsageError(`cannot read the log ${JSON.stringify(file)}: ${(error as Error).message.split(',')[0]}`);
  });
  if (signatures) read.signature = signatures.finish(read, true);
  const result: FileVerification = { ok: read.problems.length === 0, method: 'chain', sealing: read.sealing, records, problems: read.problems, notes: read.notes };
  if (read.signature) result.signature = read.signature;
  return result;
}

/** The local log's first record, when it says the log began by replacement (audit start-new-log). */
export async function localReplacementNote(auditLog: string): Promise<string | null> {
  const text = await readFile(auditLog, 'utf8').catch(() => '');
  const opened = openLine(text.slice(0, Math.max(0, text.indexOf('\n'))));
  if (!opened.ok || (opened.body.rec as { type: string }).type !== 'log-replaced') return null;
  const check = new SignatureCheck({ enrolled: () => null, sinceMs: null });
  check.feed({ line: 1, seq: 1, seal: opened.seal, rec: { ...opened.body.rec, publicKey: undefined } });
  const replaced = check.verdict().replaced;
  return replaced ? describeReplacement(replaced) : null;
}

export function describeFileVerification(file: string, result: FileVerification): string {
  const verdict = result.ok ? 'verified' : `NOT VERIFIED: ${result.problems.length} problem(s)`;
  const how = result.signature
    ? `signatures ${result.signature.status}${result.signature.fingerprints.length ? ` (key ${result.signature.fingerprints.map((f) => f.slice(0, 16)).join(' → ')})` : ''}`
    : 'verified by chain only (no --public-key)';
  return [
    `Log ${file} ${verdict}; ${result.records} record(s), sealing ${result.sealing}, ${how}.`,
    ...result.problems.map((p) => `  ${p.line > 0 ? `${p.file}:${p.line}` : p.file || 'log'}: ${p.kind}: ${p.detail}`),
    ...result.notes.map((note) => `  note: ${note}`),
  ].join('\n');
}
