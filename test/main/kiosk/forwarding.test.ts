import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { auditWithForwarding } from '../../../main/kiosk/forwarding';
import { FakeCredentialStore } from '../../src/wipe/helpers';
import { testPolicy } from '../../src/shell/policy-fixture';

describe('kiosk wiring: the audit log forwards after each append, and a dead collector costs nothing', () => {
  let state: string;
  afterEach(() => rmSync(state, { recursive: true, force: true }));

  it('an unreachable collector: appends still succeed at once, the failure is logged once with the backlog', async () => {
    state = mkdtempSync(path.join(tmpdir(), 'pk-kiosk-forward-'));
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const policy = testPolicy((p) => {
      p.reporting.syslog = [{ host: '127.0.0.1', port, transport: 'relp' }];
    });
    const logged: string[] = [];
    let sawFailure: () => void = () => undefined;
    const failure = new Promise<void>((resolve) => (sawFailure = resolve));
    const { audit, startForwarding } = auditWithForwarding(policy, state, new FakeCredentialStore(), '9.9.9', (message) => {
      logged.push(message);
      if (/ECONNREFUSED/.test(message)) sawFailure();
    });
    const stop = startForwarding();
    await audit.append({ type: 'service', at: '2026-11-28T04:30:00.000Z', state: 'out-of-service', reason: 'wipe-failed' });
    await audit.append({ type: 'service', at: '2026-11-28T04:31:00.000Z', state: 'in-service', reason: 'wipe-succeeded' });
    // The kiosk signs its log: the first append starts it with the public key (log-started).
    const types = readFileSync(path.join(state, 'audit.log'), 'utf8').trimEnd().split('\n').map((line) => (JSON.parse(line) as { rec: { type: string } }).rec.type);
    expect(types).toEqual(['log-started', 'service', 'service']);
    await failure;
    stop();
    expect(logged.filter((m) => m.startsWith(`syslog relp://127.0.0.1:${port}:`))).toHaveLength(1);
    expect(logged[0]).toMatch(/record\(s\) waiting; retrying with backoff/);
  });

  it('no collector in the policy: the plain audit log', async () => {
    state = mkdtempSync(path.join(tmpdir(), 'pk-kiosk-forward-'));
    const { audit, startForwarding } = auditWithForwarding(testPolicy(), state, new FakeCredentialStore(), '9.9.9', () => undefined);
    startForwarding()();
    await audit.append({ type: 'service', at: '2026-11-28T04:30:00.000Z', state: 'out-of-service', reason: 'wipe-failed' });
    expect(readFileSync(path.join(state, 'audit.log'), 'utf8')).toContain('"type":"service"');
  });
});
