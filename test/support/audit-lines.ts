import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GENESIS, sealLine } from '../../src/audit/chain';
import type { AuditRecordInput } from '../../src/audit/record-types';

/**
 * An unkeyed audit log of `count` session-wipe records written straight in the log's line format
 * (the same sealLine the log uses), for backlogs too long to append one fsync at a time.
 * Returns the lines, without newlines.
 */
export function writeAuditLines(stateRoot: string, count: number, startMs = Date.UTC(2026, 10, 28, 1, 0, 0), append = false): string[] {
  const lines: string[] = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= count; seq += 1) {
    const started = new Date(startMs + seq * 1000).toISOString();
    const ended = new Date(startMs + seq * 1000 + 850).toISOString();
    const rec: AuditRecordInput = {
      type: 'wipe', scope: 'session', trigger: seq % 7 === 0 ? 'idle' : 'session-end', startedAt: started, endedAt: ended, durationMs: 850,
      filesRemoved: 40 + (seq % 13), bytesRemoved: 1_048_576 + seq, verification: 'passed', result: 'succeeded', errors: [],
      wipeId: (seq.toString(16).padStart(8, '0')).repeat(4), canarySessionsChecked: 1,
    };
    const line = sealLine({ v: 1, seq, prev, alg: 'sha256', rec }, null);
    lines.push(line.text);
    prev = line.seal;
  }
  const file = path.join(stateRoot, 'audit.log');
  const text = lines.map((line) => `${line}\n`).join('');
  if (append) appendFileSync(file, text);
  else writeFileSync(file, text, { mode: 0o600 });
  return lines;
}
