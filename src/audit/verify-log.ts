import { readFile } from 'node:fs/promises';
import type { CredentialStore } from '../secrets/credential-store';
import { errorCode, readTextIfExists } from '../state/atomic-file';
import { stateFiles } from '../state/state-files';
import { loadAuditKey, type AuditKeyState } from './audit-key';
import { parseHead, sealHead, sealMatches, type AuditHead } from './chain';
import { AuditLineScanner, type ScannedRecord, type ScanStart } from './line-scanner';
import type { AuditProblem, ScannedLine } from './problems';
import { checkStoreHead, readStoreHead } from './store-head';

export type { AuditProblem } from './problems';

export interface AuditVerification {
  ok: boolean;
  records: number;
  /** 'keyed' every record HMAC-sealed; 'unkeyed' only SHA-256; 'mixed' keyed from some point on. */
  sealing: 'keyed' | 'unkeyed' | 'mixed' | 'empty';
  keyState: AuditKeyState;
  problems: AuditProblem[];
  notes: string[];
}

/*
 * What counts as committed (the rule appends and this check share): a record is committed once its
 * whole line, newline included, is fsynced in audit.log — an append returns only after audit.head
 * names it too. A crash can therefore leave (a) text after the last newline: an interrupted line,
 * never acknowledged, cut off by the next append; (b) audit.head one record behind, or missing with
 * one record. Both are notes, not problems. Anything else cannot come from a crash and is reported.
 */

/**
 * Checks every seal, the chain, the order, the head, and (keyed logs) the credential-store copy of
 * the head, which shows a rollback to an older audit.log and audit.head. Reads; changes nothing.
 */
export async function verifyAuditLog(stateRoot: string, store: CredentialStore | null): Promise<AuditVerification> {
  const files = stateFiles(stateRoot);
  const { scanned: _scanned, keyedSeen: _keyedSeen, ...verification } = await inspectAuditFiles({ log: files.auditLog, head: files.auditHead, current: true }, store);
  return verification;
}

export interface AuditFiles {
  log: string;
  head: string;
  /** The live log: its head is also compared with the credential-store copy (a set-aside log's is not). */
  current: boolean;
}

/** verifyAuditLog for any log and head pair (a log set aside by start-new-log too), with its records. */
export async function inspectAuditFiles(files: AuditFiles, store: CredentialStore | null, since?: AuditTextSince): Promise<AuditVerification & { scanned: ScannedRecord[]; keyedSeen: number }> {
  const { key, state: keyState } = await loadAuditKey(store, false);
  const raw = since
    ? null
    : await readFile(files.log).catch((error: unknown) => {
        if (errorCode(error) === 'ENOENT') return Buffer.alloc(0);
        throw error;
      });
  const scan = scanAuditText(since ? since.text : (raw ?? Buffer.alloc(0)).toString('utf8'), key, 'full', since?.start);
  const { problems, keyedSeen } = scan;
  // From a verified record on (verify-since.ts): the head checks see that record, then the rest.
  const lines = since?.start ? [since.start.after, ...scan.lines] : scan.lines;
  const records = (since?.start ? since.start.after.line - 1 : 0) + lines.length;
  const notes = [...scan.notes];
  const headText = await readTextIfExists(files.head);
  checkHead(headText, { key, lines, lastSeal: scan.lastSeal, keyedSeen, problems, notes });
  if (files.current && store && key) {
    const stored = await readStoreHead(store, key).catch(() => null);
    if (stored) checkStoreHead({ stored, fileHead: headText === null ? null : parseHead(headText), lines, keyedSeen, problems, notes });
    else problems.push({ line: 0, kind: 'unverifiable', detail: 'the copy of audit.head in the OS credential store cannot be read' });
  }
  if (files.current && keyState === 'keyed' && records > 0 && keyedSeen === 0) {
    problems.push({ line: 0, kind: 'downgraded', detail: 'an audit key exists but no record is keyed' });
  }
  const sealing = records === 0 ? 'empty' : keyedSeen === 0 ? 'unkeyed' : keyedSeen === records ? 'keyed' : 'mixed';
  if (sealing === 'mixed') notes.push(`${records - keyedSeen} early record(s) are unkeyed: written before the audit key existed`);
  return { ok: problems.length === 0, records, sealing, keyState, problems, notes, scanned: scan.records, keyedSeen };
}

/** The log's text given by the caller instead of read here: all of it, or what follows a verified record (`start`). */
export interface AuditTextSince {
  text: string;
  start?: ScanStart;
}

export type { ScannedRecord } from './line-scanner';

export interface AuditTextScan {
  lines: ScannedLine[];
  /** Each opened line's record, for readers such as the report (checked against its seal where possible). */
  records: ScannedRecord[];
  problems: AuditProblem[];
  /** What a crash can leave and the next append mends (an interrupted last line): not a problem. */
  notes: string[];
  lastSeal: string;
  keyedSeen: number;
}

export type { ScanStart } from './line-scanner';

/**
 * The per-line part of verification for a log held as text (audit.log, or a copy forwarded by
 * syslog): `AuditLineScanner` over its lines, keeping every line and record for the head checks.
 */
export function scanAuditText(text: string, key: Buffer | null, mode: 'full' | 'chain', start?: ScanStart): AuditTextScan {
  const texts = text.split('\n');
  const torn = texts.pop() !== '';
  const lines: ScannedLine[] = [];
  const records: ScannedRecord[] = [];
  const scanner = new AuditLineScanner(key, mode, (record) => records.push(record), (line) => lines.push(line), start);
  for (const lineText of texts) scanner.push(lineText);
  const { problems, notes, lastSeal, keyedSeen } = scanner.finish(torn);
  return { lines, records, problems, notes, lastSeal, keyedSeen };
}

export interface HeadContext {
  key: Buffer | null;
  lines: ScannedLine[];
  lastSeal: string;
  keyedSeen: number;
  problems: AuditProblem[];
  notes: string[];
}

export function checkHead(text: string | null, context: HeadContext): void {
  const { key, lines, problems } = context;
  if (text === null) {
    if (lines.length === 1 && lines[0]?.seq === 1) context.notes.push('audit.head is missing: the first append was interrupted before it was written');
    else if (lines.length > 0) problems.push({ line: 0, kind: 'head-mismatch', detail: 'audit.head is missing' });
    return;
  }
  const head = parseHead(text);
  if (!head) {
    problems.push({ line: 0, kind: 'head-mismatch', detail: 'audit.head is unreadable' });
    return;
  }
  if (!headSealValid(head, key, problems)) return;
  if (context.keyedSeen > 0 && head.alg !== 'hmac-sha256') {
    problems.push({ line: 0, kind: 'downgraded', detail: 'audit.head is unkeyed but the log is keyed' });
  }
  const last = lines[lines.length - 1];
  const lastSeq = last?.seq ?? 0;
  if (head.count > lastSeq) {
    problems.push({ line: lines.length + 1, kind: 'truncated', detail: `${head.count - lastSeq} record(s) missing at the end` });
  } else if (head.count < lastSeq) {
    // The line is fsynced before the head is rewritten: a crash in between leaves the head behind.
    if (head.count > 0 && lines.find((l) => l.seq === head.count)?.seal !== head.last) {
      problems.push({ line: 0, kind: 'truncated', detail: 'the record audit.head names was replaced' });
    } else if (lastSeq - head.count > 1) {
      problems.push({ line: 0, kind: 'head-mismatch', detail: `audit.head is ${lastSeq - head.count} records behind; an interrupted append leaves it at most one behind` });
    } else {
      context.notes.push(`${lastSeq - head.count} record(s) after the head: an append was interrupted before audit.head was updated`);
    }
  } else if (head.last !== context.lastSeal) {
    problems.push({ line: lines.length, kind: 'truncated', detail: 'the last record is not the one audit.head names' });
  }
}

function headSealValid(head: AuditHead, key: Buffer | null, problems: AuditProblem[]): boolean {
  if (head.alg === 'hmac-sha256' && !key) {
    problems.push({ line: 0, kind: 'unverifiable', detail: 'audit.head is keyed but the audit key cannot be read' });
    return false;
  }
  if (!sealMatches(sealHead(head.count, head.last, head.alg, key).seal, head.seal)) {
    problems.push({ line: 0, kind: 'head-mismatch', detail: 'audit.head does not match its seal' });
    return false;
  }
  return true;
}
