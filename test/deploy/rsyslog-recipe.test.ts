import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../src/audit/audit-log';
import { createForwarding } from '../../src/forwarding/forwarding';
import { freePort, makePki, missingReceiverTools, RSYSLOGD, waitForPort, type Pki } from '../support/rsyslog';
import { repoRoot } from '../support/cli';

const skip = missingReceiverTools('the shipped rsyslog receiver recipe');

/**
 * deploy/rsyslog/public-kiosk.conf as shipped, with only its file locations and ports moved into a
 * temporary folder: kiosks over RELP-TLS and TLS each end up in their own file, line for line.
 */
describe.skipIf(skip)('deploy/rsyslog/public-kiosk.conf with a real rsyslog', () => {
  let base: string;
  let pki: Pki;
  let child: ChildProcess;
  const ports = { relp: 0, tls: 0 };
  const logDir = () => path.join(base, 'log');

  beforeAll(async () => {
    base = mkdtempSync(path.join(tmpdir(), 'pk-recipe-'));
    pki = makePki(path.join(base, 'pki'));
    const certs = path.join(base, 'collector');
    mkdirSync(certs);
    writeFileSync(path.join(certs, 'ca.pem'), readFileSync(pki.ca));
    writeFileSync(path.join(certs, 'collector.pem'), readFileSync(pki.serverCert));
    writeFileSync(path.join(certs, 'collector-key.pem'), readFileSync(pki.serverKey));
    ports.relp = await freePort();
    ports.tls = await freePort();
    const recipe = readFileSync(path.join(repoRoot, 'deploy', 'rsyslog', 'public-kiosk.conf'), 'utf8')
      .replaceAll('/etc/public-kiosk-collector', certs)
      .replaceAll('/var/log/public-kiosk', logDir())
      .replace('port="20514"', `address="127.0.0.1" port="${ports.relp}"`)
      .replace('port="6514"', `address="127.0.0.1" port="${ports.tls}"`);
    expect(recipe).toContain(`port="${ports.relp}"`);
    expect(recipe).toContain(`port="${ports.tls}"`);
    writeFileSync(path.join(base, 'recipe.conf'), recipe);
    mkdirSync(path.join(base, 'spool'));
    writeFileSync(path.join(base, 'main.conf'), `global(workDirectory=${JSON.stringify(path.join(base, 'spool'))})\ninclude(file=${JSON.stringify(path.join(base, 'recipe.conf'))})\n`);
    let output = '';
    child = spawn(RSYSLOGD, ['-n', '-f', path.join(base, 'main.conf'), '-i', path.join(base, 'rsyslogd.pid')], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    for (const port of [ports.relp, ports.tls]) await waitForPort(port, () => (child.exitCode !== null ? `rsyslogd exited: ${output}` : null));
  }, 60_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(base, { recursive: true, force: true });
  });

  it('one file per kiosk, holding its audit log lines exactly, over RELP-TLS and TLS', async () => {
    const kiosks = [
      { name: 'tyt-phuong-1', destination: { host: '127.0.0.1', port: ports.relp, transport: 'relp-tls' as const, ca: pki.ca, cert: pki.clientCert, key: pki.clientKey } },
      { name: 'tyt-phuong-2', destination: { host: '127.0.0.1', port: ports.tls, transport: 'tls' as const, ca: pki.ca } },
      // A hostile or careless host name must not write outside the log folder.
      { name: '../escaped', destination: { host: '127.0.0.1', port: ports.tls, transport: 'tls' as const, ca: pki.ca } },
    ];
    for (const [k, kiosk] of kiosks.entries()) {
      const state = path.join(base, 'states', `kiosk-${k}`);
      mkdirSync(state, { recursive: true });
      const audit = openAuditLog(state, null);
      for (let i = 0; i < 6; i += 1) await audit.append({ type: 'staff', at: new Date(Date.UTC(2026, 10, 28, 3, k, i)).toISOString(), staffId: `staff.${k}`, action: 'sign-in', outcome: 'success' });
      const [outcome] = await createForwarding({ stateRoot: state, destinations: [kiosk.destination], software: 'public-kiosk,test', hostname: kiosk.name }).forwardAll();
      expect(outcome).toMatchObject({ sent: 6, error: null });
    }
    for (const [k, kiosk] of kiosks.entries()) {
      const expected = readFileSync(path.join(base, 'states', `kiosk-${k}`, 'audit.log'), 'utf8');
      const file = path.join(logDir(), `${kiosk.name.replace('/', '_')}.jsonl`);
      // The ruleset's queue writes asynchronously: wait for the file to hold every line.
      while (!existsSync(file) || readFileSync(file, 'utf8').length < expected.length) await delay(10);
      expect(readFileSync(file, 'utf8')).toBe(expected);
    }
    expect(existsSync(path.join(base, 'escaped.jsonl'))).toBe(false);
  });
});
