import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAuditLines } from '../../support/audit-lines';
import { runCli } from '../../support/cli';
import { escapeRegExp as escape } from '../policy/fixtures';

const base = mkdtempSync(path.join(tmpdir(), 'pk-forward-cli-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const ca = path.join(base, 'ca.pem');
writeFileSync(ca, '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');

function policy(name: string, lines: string[]): string {
  const file = path.join(base, `${name}.yaml`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const destination = (fields: string) => ['reporting:', '  syslog:', `    - ${fields}`];

describe('reporting.syslog in `policy check`: bad input is exit 2 with the place', () => {
  const cases = [
    { name: 'port out of range', yaml: destination(`{ host: logs.example.vn, port: 70000, transport: relp-tls, ca: ${ca} }`), path: 'reporting.syslog[0].port', message: 'port number' },
    { name: 'port as text', yaml: [...destination('host: logs.example.vn'), '      port: "514"', '      transport: tcp'], path: 'reporting.syslog[0].port', line: 4 },
    { name: 'missing CA file', yaml: destination(`{ host: logs.example.vn, port: 20514, transport: relp-tls, ca: ${path.join(base, 'nope.pem')} }`), path: 'reporting.syslog[0].ca', message: 'does not exist' },
    { name: 'TLS without a CA', yaml: destination('{ host: logs.example.vn, port: 6514, transport: tls }'), path: 'reporting.syslog[0].transport', message: 'needs ca' },
    { name: 'unknown transport', yaml: destination('{ host: logs.example.vn, port: 514, transport: udp }'), path: 'reporting.syslog[0].transport' },
    { name: 'host with a scheme', yaml: destination('{ host: "tcp://logs.example.vn", port: 514, transport: tcp }'), path: 'reporting.syslog[0].host', message: 'host name or an IP' },
    { name: 'certificate without its key', yaml: destination(`{ host: logs.example.vn, port: 20514, transport: relp-tls, ca: ${ca}, cert: ${ca} }`), path: 'reporting.syslog[0].cert', message: 'go together' },
    { name: 'relative CA path', yaml: destination('{ host: logs.example.vn, port: 20514, transport: relp-tls, ca: ca.pem }'), path: 'reporting.syslog[0].ca', message: 'absolute path' },
    { name: 'unknown key', yaml: destination('{ host: logs.example.vn, port: 514, transport: tcp, tls: true }'), path: 'reporting.syslog[0].tls' },
  ];
  it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    const file = policy(`bad-${i}`, c.yaml);
    const result = runCli(['policy', 'check', file]);
    expect(result.code, result.stderr).toBe(2);
    const line = new RegExp(`^${escape(file)}:${c.line ?? 3}:\\d+ ${escape(c.path)}: (.+)$`, 'm');
    const match = line.exec(result.stderr);
    expect(match, result.stderr).not.toBeNull();
    if (c.message) expect(match?.[1]).toContain(c.message);
  });

  it('a valid destination passes', () => {
    const result = runCli(['policy', 'check', policy('good', destination(`{ host: logs.example.vn, port: 20514, transport: relp-tls, ca: ${ca}, enterpriseId: 55555 }`))]);
    expect(result.code, result.stderr).toBe(0);
  });
});

describe('public-kiosk forward and status, with a collector that cannot be reached', () => {
  it('exit 1, the backlog kept and shown by status with the error; exit 0 with nothing configured', async () => {
    const state = path.join(base, 'state');
    mkdirSync(state);
    writeAuditLines(state, 3);
    // A port that was free a moment ago: nothing listens there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const roots = ['paths:', `  sessionData: ${path.join(base, 'sd')}`, `  downloads: ${path.join(base, 'dl')}`, `  state: ${state}`];
    const file = policy('unreachable', [...roots, ...destination(`{ host: 127.0.0.1, port: ${port}, transport: relp }`)]);
    const forward = runCli(['forward', '--once', '--json', '--policy', file]);
    expect(forward.code, forward.stderr).toBe(1);
    expect(JSON.parse(forward.stdout)).toMatchObject({ ok: false, destinations: [{ destination: `relp://127.0.0.1:${port}`, sent: 0, backlog: 3, error: expect.stringMatching(/ECONNREFUSED/) }] });
    const text = runCli(['forward', '--once', '--policy', file]);
    expect(text.stdout).toContain(`relp://127.0.0.1:${port}: FAILED after 0 record(s); 3 still waiting`);
    const status = runCli(['status', '--policy', file]);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`relp://127\\.0\\.0\\.1:${port}: 3 record\\(s\\) waiting; nothing acknowledged yet; LAST ERROR .*ECONNREFUSED`));
    const json = JSON.parse(runCli(['status', '--json', '--policy', file]).stdout) as { forwarding: unknown };
    expect(json.forwarding).toMatchObject([{ destination: `relp://127.0.0.1:${port}`, records: 3, cursor: null }]);
    // The department sees the same backlog in Prometheus: the metrics read the forwarder's cursors.
    const metrics = runCli(['metrics', '--policy', file]);
    expect(metrics.code, metrics.stderr).toBe(0);
    expect(metrics.stdout).toContain(`public_kiosk_reporting_backlog_records{destination="relp://127.0.0.1:${port}"} 3\n`);
    const none = runCli(['forward', '--policy', policy('none', roots)]);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/No syslog collector/);
  });
});
