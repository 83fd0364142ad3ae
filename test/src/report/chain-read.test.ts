import { describe, expect, it } from 'vitest';
import { scanAuditText } from '../../../src/audit/verify-log';
import { readLogTextByChain } from '../../../src/report/chain-read';
import type { SourcedRecord } from '../../../src/report/log-source';
import { sealedLog, sessionWipe, shiftWipe } from '../cli/report-fleet-logs';

const read = (text: string) => {
  const records: SourcedRecord[] = [];
  const verdict = readLogTextByChain(text, 'k.log', (r) => records.push(r));
  return { verdict, records };
};

describe('reading a forwarded log by chain, line by line', () => {
  const first = sealedLog([shiftWipe('2026-03-02T04:31:00.000Z', 'succeeded'), sessionWipe('2026-03-02T05:00:00.000Z')], Buffer.alloc(32, 1));
  const second = sealedLog([sessionWipe('2026-03-02T06:00:00.000Z'), sessionWipe('2026-03-02T07:00:00.000Z', 'failed')]);

  it('checks each log of a copy on its own, numbers lines in the file, and names where a new log starts', () => {
    const { verdict, records } = read(`${first}${second}`);
    expect(verdict.problems).toEqual([]);
    expect(verdict.sealing).toBe('mixed');
    expect(records.map((r) => [r.line, r.seq])).toEqual([[1, 1], [2, 2], [3, 1], [4, 2]]);
    expect(verdict.notes).toEqual(['k.log: a new log starts at line 3 (audit start-new-log on the kiosk, or records before it are missing)']);
  });

  it('finds what the whole-text scan finds in each log, at its line in the file', () => {
    const lines = second.trimEnd().split('\n');
    // The second log's record 2 moved into the first log; its record 1 starts a log followed by a foreign line.
    const { verdict } = read(`${first}${lines[1]}\n${lines[0]}\n -- MARK --\n`);
    const one = scanAuditText(`${first}${lines[1]}\n`, null, 'chain').problems;
    const two = scanAuditText(`${lines[0]}\n -- MARK --\n`, null, 'chain').problems.map((p) => ({ ...p, line: p.line + 3 }));
    expect(verdict.problems).toEqual([...one, ...two].map((p) => ({ file: 'k.log', ...p })));
    expect(verdict.problems.map((p) => [p.kind, p.line])).toEqual([['downgraded', 3], ['inserted', 3], ['unreadable', 5]]);
  });

  it('reads a cut-off last line as an interrupted append (a note), not a problem, and skips edited records', () => {
    const edited = first.replace('"succeeded"', '"failed"');
    const { verdict, records } = read(`${edited}{"v":1,"seq":3,`);
    expect(verdict.notes).toEqual(['k.log: line 3 is an interrupted append (no newline, never committed); the next append removes it']);
    // An unkeyed seal is checked: the edited record fails it and is not counted.
    const unkeyed = read(second.replace('"failed"', '"succeeded"'));
    expect(unkeyed.verdict.problems.map((p) => p.kind)).toContain('edited');
    expect(unkeyed.records).toHaveLength(1);
    expect(records).toHaveLength(2);
  });
});

describe('lines a RELP sender sent again', () => {
  const log = sealedLog([sessionWipe('2026-03-02T06:00:00.000Z'), sessionWipe('2026-03-02T07:00:00.000Z'), sessionWipe('2026-03-02T08:00:00.000Z')]);
  const lines = log.trimEnd().split('\n');

  it('passes over an exact copy of a recent line (the same record resent after a lost acknowledgement)', () => {
    const { verdict, records } = read(`${lines[0]}\n${lines[1]}\n${lines[0]}\n${lines[1]}\n${lines[2]}\n`);
    expect(verdict.problems).toEqual([]);
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
  });

  it('still reports a second, different record with a number already used', () => {
    const forged = lines[1]!.replace('"succeeded"', '"failed"');
    expect(read(`${lines[0]}\n${lines[1]}\n${forged}\n`).verdict.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['edited', 'inserted']));
  });
});
