import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import { readAuditLogId } from '../../../src/audit/log-id';
import { startNewAuditLog } from '../../../src/audit/start-new-log';
import { syslogDestinations } from '../../../src/forwarding/destination';
import { readDestinationState } from '../../../src/forwarding/destination-state';
import { forwardOnce } from '../../../src/forwarding/forward-once';
import { forwardBacklog } from '../../../src/forwarding/backlog';
import { writeAuditLines } from '../../support/audit-lines';

/** A collector that acknowledges `accept` messages (all by default), then fails; it keeps what it got. */
function fakeCollector() {
  const got: string[] = [];
  let accept = Infinity;
  return {
    got,
    acceptNext(count: number) {
      accept = count;
    },
    sender: () => async (messages: readonly string[], onAcked: (index: number) => void) => {
      for (let i = 0; i < messages.length; i += 1) {
        if (accept <= 0) throw new Error('connection reset by the collector');
        accept -= 1;
        got.push(messages[i]!);
        onAcked(i);
      }
    },
  };
}

const seqOf = (message: string) => Number(/ seq="(\d+)"/.exec(message)?.[1]);
const logOf = (message: string) => / log="([a-f0-9]{32})"/.exec(message)?.[1];

describe('forwardOnce: the audit log as the outbox', () => {
  let state: string;
  const [destination] = syslogDestinations([{ host: 'logs.example.vn', port: 20514, transport: 'relp' }]);
  const append = async (count: number) => {
    const log = openAuditLog(state, null);
    for (let i = 0; i < count; i += 1) await log.append({ type: 'staff', at: new Date(Date.UTC(2026, 10, 28, 2, 0, i)).toISOString(), staffId: 'staff.a', action: 'sign-in', outcome: 'success' });
  };
  beforeEach(() => {
    state = mkdtempSync(path.join(tmpdir(), 'pk-forward-'));
  });
  afterEach(() => rmSync(state, { recursive: true, force: true }));

  it('sends what is past the cursor, in order, and moves the cursor; the next run sends only new records', async () => {
    const collector = fakeCollector();
    const deps = { stateRoot: state, hostname: 'k1', sender: collector.sender };
    await append(5);
    expect(await forwardOnce(destination!, deps)).toMatchObject({ sent: 5, backlog: 0, error: null });
    await append(2);
    expect(await forwardOnce(destination!, deps)).toMatchObject({ sent: 2, backlog: 0, error: null });
    expect(collector.got.map(seqOf)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const lines = readFileSync(path.join(state, 'audit.log'), 'utf8').split('\n');
    expect(collector.got.map((m) => m.slice(m.indexOf('] ') + 2))).toEqual(lines.slice(0, 7));
    const cursor = (await readDestinationState(state, destination!.id)).cursor;
    expect(cursor).toMatchObject({ seq: 7, logId: await readAuditLogId(path.join(state, 'audit.log')) });
  });

  it('a collector lost mid-way keeps what it acknowledged; the rest follows next time, no gap', async () => {
    const collector = fakeCollector();
    const deps = { stateRoot: state, hostname: 'k1', sender: collector.sender };
    await append(5);
    collector.acceptNext(3);
    const failed = await forwardOnce(destination!, deps);
    expect(failed).toMatchObject({ sent: 3, backlog: 2, error: 'connection reset by the collector' });
    expect((await readDestinationState(state, destination!.id)).cursor?.seq).toBe(3);
    expect(await forwardBacklog(state, [destination!])).toMatchObject([{ destination: 'relp://logs.example.vn:20514', records: 2, lastError: { message: 'connection reset by the collector' } }]);
    collector.acceptNext(Infinity);
    expect(await forwardOnce(destination!, deps)).toMatchObject({ sent: 2, backlog: 0, error: null });
    expect(collector.got.map(seqOf)).toEqual([1, 2, 3, 4, 5]);
    expect((await readDestinationState(state, destination!.id)).lastError).toBeNull();
  });

  it('a log set aside by `audit start-new-log`: its rest is sent first, then the new log under a new id', async () => {
    const collector = fakeCollector();
    const deps = { stateRoot: state, hostname: 'k1', sender: collector.sender };
    await append(3);
    collector.acceptNext(1);
    await forwardOnce(destination!, deps);
    const oldId = await readAuditLogId(path.join(state, 'audit.log'));
    await startNewAuditLog(state, null, new Date('2026-11-28T03:00:00Z'));
    await append(2);
    const newId = await readAuditLogId(path.join(state, 'audit.log'));
    expect(newId).not.toBe(oldId);
    collector.acceptNext(Infinity);
    expect(await forwardOnce(destination!, deps)).toMatchObject({ sent: 4, backlog: 0, error: null });
    expect(collector.got.map((m) => [logOf(m), seqOf(m)])).toEqual([[oldId, 1], [oldId, 2], [oldId, 3], [newId, 1], [newId, 2]]);
  });

  it('a record under the cursor that changed: the log is sent again from its start, and said so', async () => {
    const collector = fakeCollector();
    const deps = { stateRoot: state, hostname: 'k1', sender: collector.sender };
    // The same log id (its id file), different records: what a restored or edited log looks like.
    writeFileSync(path.join(state, 'audit.log-id'), `${'f'.repeat(32)}\n`);
    writeAuditLines(state, 4);
    await forwardOnce(destination!, deps);
    writeAuditLines(state, 5, Date.UTC(2026, 0, 1));
    const outcome = await forwardOnce(destination!, deps);
    expect(outcome).toMatchObject({ sent: 5, backlog: 0, error: null });
    expect(outcome.notes.join()).toMatch(/record 4 of audit log f{32} is not the one the collector acknowledged.*sent again from its first record/);
  });

  it('a last line still being written is not a record yet', async () => {
    const collector = fakeCollector();
    writeAuditLines(state, 2);
    appendFileSync(path.join(state, 'audit.log'), '{"v":1,"seq":3,"prev":"');
    expect(await forwardOnce(destination!, { stateRoot: state, hostname: 'k1', sender: collector.sender })).toMatchObject({ sent: 2, backlog: 0 });
  });

  it('no log yet, or an unreadable cursor file: nothing lost, nothing thrown', async () => {
    const collector = fakeCollector();
    const deps = { stateRoot: state, hostname: 'k1', sender: collector.sender };
    expect(await forwardOnce(destination!, deps)).toMatchObject({ sent: 0, backlog: 0, error: null });
    await append(2);
    writeFileSync(path.join(state, 'forward-relp-logs.example.vn-20514.json'), '{ not json');
    expect(await forwardOnce(destination!, deps)).toMatchObject({ sent: 2, error: null });
  });
});
