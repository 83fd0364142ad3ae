import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import { openLine } from '../audit/chain';
import { readAuditLogId } from '../audit/log-id';
import { errorCode } from '../state/atomic-file';
import { stateFiles } from '../state/state-files';

/** One audit record as the forwarder sends it: its exact line and what the syslog header needs. */
export interface LogRecord {
  logId: string;
  seq: number;
  seal: string;
  prev: string;
  type: string;
  /** The record's own time (RFC 3339), when it has one. */
  time: string | null;
  /** 'failed' (wipe), 'out-of-service' (service) or null: sets the syslog severity. */
  outcome: string | null;
  line: string;
  /** Byte offset just after this line's newline in its file: where a later read can resume. */
  end: number;
}

export interface AuditLogFile {
  file: string;
  logId: string;
}

/**
 * The logs records may still be owed from, oldest first: logs set aside by `audit start-new-log`
 * (`audit.log.replaced-<time>`, whose names sort by time), then the current audit.log.
 */
export async function auditLogFiles(stateRoot: string): Promise<AuditLogFile[]> {
  const current = stateFiles(stateRoot).auditLog;
  const names = await readdir(stateRoot).catch((error: unknown) => (errorCode(error) === 'ENOENT' ? [] : Promise.reject(error)));
  const setAside = names.filter((name) => name.startsWith(`${path.basename(current)}.replaced-`)).sort();
  const files: AuditLogFile[] = [];
  for (const file of [...setAside.map((name) => path.join(stateRoot, name)), current]) {
    const logId = await readAuditLogId(file);
    if (logId) files.push({ file, logId });
  }
  return files;
}

/**
 * The complete lines of `file` from byte `offset` on, as records. A last line without its newline is
 * an append still being written (or cut by a crash): it is not a record yet. Lines that cannot be
 * read are reported by sequence position, never skipped silently.
 */
export async function readRecordsFrom(log: AuditLogFile, offset: number): Promise<{ records: LogRecord[]; unreadable: number; size: number }> {
  const handle = await open(log.file, 'r');
  let buffer: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    const start = Math.min(offset, size);
    buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    offset = start;
  } finally {
    await handle.close();
  }
  const records: LogRecord[] = [];
  let unreadable = 0;
  // Decoded once; byte offsets are kept per line because the cursor stores where a record ends.
  const complete = buffer.lastIndexOf(0x0a) + 1;
  const lines = buffer.toString('utf8', 0, complete).split('\n');
  lines.pop();
  let end = offset;
  for (const line of lines) {
    end += Buffer.byteLength(line, 'utf8') + 1;
    const record = parseRecordLine(line, log.logId, end);
    if (record) records.push(record);
    else unreadable += 1;
  }
  return { records, unreadable, size };
}

/**
 * The fields the forwarder needs, read from the fixed shape sealLine writes (`{"v":1,"seq":…,"prev":
 * …,"alg":…,"rec":{"type":…},"seal":…}`) without parsing the whole record: a 100,000-record backlog
 * is read in a fraction of the time. Anything else goes through the log's own parser.
 */
const LINE_HEAD = /^\{"v":1,"seq":(\d{1,15}),"prev":"([a-f0-9]{64})","alg":"(?:sha256|hmac-sha256)","rec":\{"type":"([a-z][a-z0-9-]{0,31})"/;
// Matched on the line's last 75 characters: an end-anchored regex over the whole line tries every
// position first, and was the reader's largest cost on a long backlog.
const LINE_SEAL = /^,"seal":"([a-f0-9]{64})"\}$/;
const LINE_SEAL_CHARS = 75;
const LINE_TIME = /"(?:at|endedAt|startedAt)":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,6})?Z)"/;

function parseRecordLine(line: string, logId: string, end: number): LogRecord | null {
  const head = LINE_HEAD.exec(line);
  const seal = head ? LINE_SEAL.exec(line.slice(-LINE_SEAL_CHARS)) : null;
  if (head && seal) {
    const outcome = line.includes('"result":"failed"') ? 'failed' : line.includes('"state":"out-of-service"') ? 'out-of-service' : null;
    return { logId, seq: Number(head[1]), prev: head[2]!, type: head[3]!, seal: seal[1]!, time: LINE_TIME.exec(line)?.[1] ?? null, outcome, line, end };
  }
  const opened = openLine(line);
  if (!opened.ok) return null;
  const rec = opened.body.rec as unknown as Record<string, unknown>;
  return {
    logId,
    seq: opened.body.seq,
    seal: opened.seal,
    prev: opened.body.prev,
    type: typeof rec.type === 'string' ? rec.type : 'record',
    time: pickTime(rec),
    outcome: rec.result === 'failed' ? 'failed' : rec.state === 'out-of-service' ? 'out-of-service' : null,
    line,
    end,
  };
}

function pickTime(rec: Record<string, unknown>): string | null {
  for (const key of ['at', 'endedAt', 'startedAt']) {
    const value = rec[key];
    if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?Z$/.test(value)) return value;
  }
  return null;
}
