import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../../src/audit/audit-log';
import { readAuditLogId } from '../../../src/audit/log-id';
import { readDestinationState } from '../../../src/forwarding/destination-state';
import { createForwarding } from '../../../src/forwarding/forwarding';
import type { SyslogDestinationPolicy } from '../../../src/policy/schema-reporting';
import { writeAuditLines } from '../../support/audit-lines';
import { runCli } from '../../support/cli';
import { makePki, makeReceiver, missingReceiverTools, receivedLines, type Pki, type Receiver } from '../../support/rsyslog';

const skip = missingReceiverTools('forwarding to a real rsyslog');

/** The messages the receiver got for one log, in arrival order (MSG lines paired with their headers). */
function receivedFor(receiver: Receiver, logId: string): { msg: string; header: string }[] {
  // From one file written by one action, so that a receiver killed between its two file actions
  // cannot shift a message against its header (the separate files stay for the byte-exact checks).
  return receivedLines(receiver.pairedFile)
    .map((line) => ({ header: line.slice(0, line.indexOf('\t')), msg: line.slice(line.indexOf('\t') + 1) }))
    .filter((m) => m.header.includes(` log="${logId}" `));
}

async function appendSample(stateRoot: string, count: number): Promise<void> {
  const audit = openAuditLog(stateRoot, null);
  for (let i = 0; i < count; i += 1) {
    const at = new Date(Date.UTC(2026, 10, 28, 4, 30, i)).toISOString();
    if (i % 3 === 0) await audit.append({ type: 'staff', at, staffId: 'it.officer', action: 'sign-in', outcome: 'success' });
    else if (i % 3 === 1) await audit.append({ type: 'service', at, state: i % 2 ? 'out-of-service' : 'in-service', reason: 'wipe-failed' });
    else await audit.append({ type: 'wipe', scope: 'shift', trigger: 'shift-end', startedAt: at, endedAt: at, durationMs: 1200, filesRemoved: 3, bytesRemoved: 4096, verification: 'passed', result: 'succeeded', errors: [] });
  }
}

describe.skipIf(skip)('forwarding the audit log to a real rsyslog (RELP-TLS, TLS)', () => {
  let base: string;
  let pki: Pki;
  let receiver: Receiver;
  const stateRoot = (name: string) => {
    const dir = path.join(base, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  const relpTls = (overrides: Partial<SyslogDestinationPolicy> = {}): SyslogDestinationPolicy => ({
    host: '127.0.0.1', port: receiver.ports.relpTls, transport: 'relp-tls', ca: pki.ca, cert: pki.clientCert, key: pki.clientKey, ...overrides,
  });
  const forwarding = (root: string, destination: SyslogDestinationPolicy) =>
    createForwarding({ stateRoot: root, destinations: [destination], software: 'public-kiosk,test', hostname: 'kiosk-test-01' });

  beforeAll(async () => {
    base = mkdtempSync(path.join(tmpdir(), 'pk-rsyslog-'));
    pki = makePki(path.join(base, 'pki'));
    receiver = await makeReceiver(path.join(base, 'receiver'), pki);
    await receiver.start();
  }, 60_000);
  afterAll(async () => {
    await receiver?.stop();
    rmSync(base, { recursive: true, force: true });
  });

  for (const transport of ['relp-tls', 'tls'] as const) {
    it(`${transport}: every record arrives byte-identical, in order, as RFC 5424 with log id, seq and seal`, async () => {
      const root = stateRoot(`identical-${transport}`);
      await appendSample(root, 12);
      const destination = transport === 'tls' ? { host: '127.0.0.1', port: receiver.ports.tls, transport, ca: pki.ca } : relpTls({ enterpriseId: 99999 });
      const [outcome] = await forwarding(root, destination).forwardAll();
      expect(outcome).toMatchObject({ sent: 12, backlog: 0, error: null });
      const logId = (await readAuditLogId(path.join(root, 'audit.log')))!;
      const lines = readFileSync(path.join(root, 'audit.log'), 'utf8').split('\n').slice(0, -1);
      const got = receivedFor(receiver, logId);
      expect(got.map((m) => m.msg)).toEqual(lines);
      got.forEach(({ header }, i) => {
        const rec = JSON.parse(lines[i]!) as { seq: number; seal: string; rec: { type: string } };
        const pen = transport === 'tls' ? 32473 : 99999;
        expect(header).toBe(`${rec.rec.type} [public-kiosk@${pen} log="${logId}" seq="${rec.seq}" seal="${rec.seal}"] kiosk-test-01 public-kiosk ${header.split(' ').pop()}`);
      });
      const state = await readDestinationState(root, outcome!.destination);
      expect(state.cursor).toMatchObject({ logId, seq: 12 });
      // Nothing new: a second pass sends nothing more.
      expect((await forwarding(root, destination).forwardAll())[0]).toMatchObject({ sent: 0, backlog: 0, error: null });
      expect(receivedFor(receiver, logId)).toHaveLength(12);
    });
  }

  it('receiver killed mid-stream and restarted: after `forward`, every seq is there, no gap', async () => {
    const root = stateRoot('killed');
    const count = 30_000;
    writeAuditLines(root, count);
    const logId = (await readAuditLogId(path.join(root, 'audit.log')))!;
    const running = forwarding(root, relpTls()).forwardAll();
    while (receivedFor(receiver, logId).length < 2_000) await delay(5);
    // Frozen first, so that an idle machine's fast forwarder cannot finish the rest before the kill lands.
    receiver.pause();
    await receiver.kill();
    const [cut] = await running;
    expect(cut!.error).not.toBeNull();
    expect(cut!.sent).toBeLessThan(count);
    const cursor = (await readDestinationState(root, cut!.destination)).cursor;
    expect(cursor?.seq ?? 0).toBe(cut!.sent);
    const beforeRestart = receivedFor(receiver, logId).map((m) => (JSON.parse(m.msg) as { seq: number }).seq);
    // What was acknowledged was written: the cursor never runs ahead of the receiver.
    expect(Math.max(...beforeRestart)).toBeGreaterThanOrEqual(cut!.sent);

    await receiver.start();
    const policyFile = path.join(base, 'killed-policy.yaml');
    writeFileSync(policyFile, [
      'paths:', `  sessionData: ${JSON.stringify(path.join(base, 'killed-sd'))}`, `  downloads: ${JSON.stringify(path.join(base, 'killed-dl'))}`, `  state: ${JSON.stringify(root)}`,
      'reporting:', '  syslog:', `    - { host: 127.0.0.1, port: ${receiver.ports.relpTls}, transport: relp-tls, ca: ${JSON.stringify(pki.ca)}, cert: ${JSON.stringify(pki.clientCert)}, key: ${JSON.stringify(pki.clientKey)} }`, '',
    ].join('\n'));
    const cli = runCli(['forward', '--once', '--json', '--policy', policyFile]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: true, destinations: [{ sent: count - cut!.sent, backlog: 0, error: null }] });
    // Acknowledged means rsyslog has the records; its two output files are written by two actions,
    // so wait (bounded) until both hold the last one before reading them.
    // Count distinct seqs: the records resent after the kill are duplicates and must not end the wait early.
    const distinct = () => new Set(receivedFor(receiver, logId).map((m) => (JSON.parse(m.msg) as { seq: number }).seq)).size;
    for (let polls = 0; polls < 400 && distinct() < count; polls += 1) await delay(25);
    const seqs = receivedFor(receiver, logId).map((m) => (JSON.parse(m.msg) as { seq: number }).seq);
    expect(new Set(seqs).size).toBe(count);
    expect(Math.min(...seqs)).toBe(1);
    expect(Math.max(...seqs)).toBe(count);
    // The resumed run starts right after the cursor and keeps order.
    const resumed = seqs.slice(beforeRestart.length);
    expect(resumed[0]).toBe(cut!.sent + 1);
    expect(resumed.every((seq, i) => i === 0 || seq === resumed[i - 1]! + 1)).toBe(true);
  }, 120_000);

  it('a wrong server certificate: nothing sent, the error reported, the cursor unchanged', async () => {
    const root = stateRoot('wrong-cert');
    await appendSample(root, 4);
    const good = forwarding(root, relpTls());
    expect((await good.forwardAll())[0]).toMatchObject({ sent: 4, error: null });
    const logId = (await readAuditLogId(path.join(root, 'audit.log')))!;
    const before = await readDestinationState(root, good.destinations[0]!.id);
    await appendSample(root, 3);
    // The same RELP-TLS collector trusted through the wrong CA (its cursor is the one above), and a
    // TLS collector never reached before (its whole log is owed).
    const wrong = [[relpTls({ ca: pki.otherCa }), 3], [{ host: '127.0.0.1', port: receiver.ports.tls, transport: 'tls' as const, ca: pki.otherCa }, 7]] as const;
    for (const [destination, backlog] of wrong) {
      const [outcome] = await forwarding(root, destination).forwardAll();
      expect(outcome!.error).toMatch(/certificate/i);
      expect(outcome).toMatchObject({ sent: 0, backlog });
    }
    expect(receivedFor(receiver, logId)).toHaveLength(4);
    const after = await readDestinationState(root, good.destinations[0]!.id);
    expect(after.cursor).toEqual(before.cursor);
    expect(after.lastError?.message).toMatch(/certificate/i);
    const [backlog] = await good.backlog();
    expect(backlog).toMatchObject({ records: 3, cursor: before.cursor });
    expect(backlog!.lastError?.message).toMatch(/certificate/i);
  });
});
