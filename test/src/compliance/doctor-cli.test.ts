import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { complianceAuditRecord } from '../../../src/compliance/audit-record';
import { ProbeError, type ComplianceProbes } from '../../../src/compliance/probes';
import { outOfServiceFailures, runDoctor } from '../../../src/compliance/run-doctor';
import { complianceReportSchema } from '../../../src/compliance/report-schema';
import { validateAuditRecord } from '../../../src/audit/record-schema';
import { createDoctorCommand } from '../../../src/cli/commands/doctor';
import { runCli as runInProcess } from '../../../src/cli/index';
import { complianceDefaults } from '../../../src/policy/compliance-schema';
import { runCli } from '../../support/cli';

const dir = mkdtempSync(path.join(tmpdir(), 'pk-doctor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const policyFile = (name: string, lines: string[]) => {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
};

/** Small fakes: a clean machine, with one probe per test made to crash or hang. */
function fakeProbes(overrides: Partial<ComplianceProbes> = {}): ComplianceProbes & { calls: number } {
  const counter = { calls: 0 };
  const probes: ComplianceProbes & { calls: number } = {
    get calls() {
      return counter.calls;
    },
    platform: 'linux' as const,
    processNames: () => (counter.calls++, Promise.resolve(['bash', 'public-kiosk'])),
    installedNames: () => Promise.resolve(['coreutils']),
    serviceNames: () => Promise.resolve([]),
    existingFolders: () => Promise.resolve([]),
    remoteDesktop: () => Promise.resolve(null),
    antivirus: () => Promise.resolve({ products: [{ name: 'ClamAV', source: 'clamav' as const, enabled: true, upToDate: null, signatureAgeDays: 1 }] }),
    updates: () => Promise.resolve({ kind: 'apt' as const, pendingSecurityUpdates: 0, packageListsAgeDays: 1 }),
    os: () => Promise.resolve({ key: 'debian-12', product: 'Debian', version: '12' }),
    browsers: () => Promise.resolve([]),
    account: () => Promise.resolve({ administrator: false }),
    printers: () => Promise.resolve([{ name: 'HP LaserJet M404', port: 'usb://HP/LaserJet' }]),
    connect: (_host: string, port: number) => Promise.resolve(port === 445 ? ('refused' as const) : ('connected' as const)),
    ...overrides,
  };
  return probes;
}

const zoned = policyFile('zoned.yaml', ['compliance:', '  networkZone:', "    internal: ['10.0.0.5:445']", "    external: ['dichvucong.gov.vn:443']", '    timeoutMs: 500']);

async function doctor(args: string[], probes: ComplianceProbes) {
  const out: string[] = [];
  const err: string[] = [];
  const command = createDoctorCommand(() => probes);
  const io = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, stdin: process.stdin, env: { PUBLIC_KIOSK_POLICY: '' } };
  const { parseArgs } = await import('node:util');
  let code: number;
  try {
    const parsed = parseArgs({ args, options: command.options, allowPositionals: true, strict: true });
    code = await command.run({ positionals: parsed.positionals, values: parsed.values, io });
  } catch (error) {
    code = (error as { exitCode?: number }).exitCode ?? -1;
    err.push((error as Error).message);
  }
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('public-kiosk doctor', () => {
  it('exit 0 on a clean machine; the JSON has exactly the documented shape', async () => {
    const result = await doctor(['--json', '--policy', zoned], fakeProbes());
    expect(result.code).toBe(0);
    const report = complianceReportSchema.parse(JSON.parse(result.stdout));
    expect(Object.keys(JSON.parse(result.stdout) as object)).toEqual(['version', 'checkedAt', 'platform', 'checks']);
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['remote-access', 'pass'],
      ['antivirus', 'pass'],
      ['os-updates', 'pass'],
      ['os-support', 'pass'],
      ['browser-passwords', 'not-applicable'],
      ['chat-apps', 'pass'],
      ['network-zone', 'pass'],
      ['kiosk-account', 'pass'],
      ['print-to-file', 'pass'],
    ]);
    expect(Object.keys(report.checks[0]!)).toEqual(['id', 'status', 'severity', 'title', 'evidence', 'remediation']);
  });

  it('a crashing probe and a hanging probe make their checks error, the others still run, and the exit is 1', async () => {
    const probes = fakeProbes({ antivirus: () => Promise.reject(new Error('boom at /home/someone/secret')), account: () => new Promise(() => undefined) });
    const command = await runDoctor({ probes, policy: complianceDefaults, checkTimeoutMs: 300 });
    const byId = Object.fromEntries(command.checks.map((c) => [c.id, c]));
    expect(byId.antivirus).toMatchObject({ status: 'error', evidence: { reason: 'probe-failed' } });
    expect(byId['kiosk-account']).toMatchObject({ status: 'error', evidence: { reason: 'probe-timeout' } });
    expect(byId['os-support']!.status).toBe('pass');
    expect(JSON.stringify(command)).not.toContain('/home/someone');
    const cli = await doctor(['--only', 'antivirus,os-support'], fakeProbes({ antivirus: () => Promise.reject(new ProbeError('clamav-broken')) }));
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/^ERR {2}antivirus \(critical\): Antivirus \/ Phần mềm diệt virus$/m);
    expect(cli.stdout).toMatch(/^PASS os-support/m);
    expect(cli.stdout).toContain('Cách khắc phục:');
    expect(cli.stdout).toContain('1 pass, 0 fail, 0 warn, 0 not applicable, 1 error');
  });

  it('a warn alone exits 0; a fail exits 1', async () => {
    expect((await doctor(['--only', 'kiosk-account'], fakeProbes({ account: () => Promise.resolve({ administrator: true }) }))).code).toBe(0);
    expect((await doctor(['--only', 'remote-access'], fakeProbes({ processNames: () => Promise.resolve(['AnyDesk']) }))).code).toBe(1);
  });

  it('evidence that is not a whitelisted fact (a path, a command line) is replaced by an error', async () => {
    const probes = fakeProbes({ os: () => Promise.resolve({ key: 'debian-12', product: '/home/nguyenvana/.profile', version: '--user=nguyenvana' }) });
    const report = await runDoctor({ probes, policy: complianceDefaults, only: ['os-support'] });
    expect(report.checks[0]).toMatchObject({ status: 'error', evidence: { reason: 'evidence-rejected' } });
    expect(JSON.stringify(report)).not.toContain('nguyenvana');
  });

  it('unknown --only id: exit 2 naming it, nothing run', async () => {
    const probes = fakeProbes();
    const result = await doctor(['--only', 'remote-access,antivirs'], probes);
    expect(result).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown check id "antivirs" (item 2)') });
    expect(probes.calls).toBe(0);
  });

  it('the compliance record for the audit log: ids, statuses, severities, counts; accepted by the strict schema', async () => {
    const report = await runDoctor({ probes: fakeProbes({ processNames: () => Promise.resolve(['rustdesk']) }), policy: complianceDefaults, only: ['remote-access', 'kiosk-account'] });
    const record = complianceAuditRecord(report);
    expect(record).toEqual({
      type: 'compliance',
      at: report.checkedAt,
      platform: 'linux',
      checks: [
        { id: 'remote-access', status: 'fail', severity: 'critical' },
        { id: 'kiosk-account', status: 'pass', severity: 'medium' },
      ],
      counts: { pass: 1, fail: 1, warn: 0, notApplicable: 0, error: 0 },
    });
    expect(validateAuditRecord(record)).toEqual(record);
    expect(() => validateAuditRecord({ ...record, evidence: {} })).toThrow(/rejected/);
    expect(() => validateAuditRecord({ ...record, checks: [{ id: 'Remote Access/x', status: 'fail', severity: 'critical' }] })).toThrow(/rejected/);
    expect(outOfServiceFailures(report, ['remote-access', 'network-zone'])).toEqual(['remote-access']);
    expect(outOfServiceFailures({ ...report, checks: report.checks.map((c) => ({ ...c, status: 'error' as const })) }, ['remote-access'])).toEqual([]);
  });
});

describe('public-kiosk doctor: bad policy is exit 2 with FILE:LINE:COL, nothing run (built CLI)', () => {
  const cases: { name: string; lines: string[]; line: number; path: string; message: string }[] = [
    { name: 'malformed host:port', lines: ['compliance:', '  networkZone:', '    internal:', "      - '10.0.0.5'"], line: 4, path: 'compliance.networkZone.internal[0]', message: 'host:port' },
    { name: 'port out of range', lines: ['compliance:', '  networkZone:', "    external: ['example.gov.vn:70000']"], line: 3, path: 'compliance.networkZone.external[0]', message: 'host:port' },
    { name: 'unknown id in outOfServiceOn', lines: ['compliance:', '  outOfServiceOn:', '    - remote-access', '    - remote-acess'], line: 4, path: 'compliance.outOfServiceOn[1]', message: 'remote-access' },
    { name: 'fail before warn', lines: ['compliance:', '  updates:', '    warnAfterDays: 40', '    failAfterDays: 30'], line: 4, path: 'compliance.updates.failAfterDays', message: 'warnAfterDays' },
  ];
  for (const { name, lines, line, path: where, message } of cases) {
    it(name, () => {
      const file = policyFile(`${name.replace(/\W+/g, '-')}.yaml`, lines);
      const result = runCli(['doctor', '--json', '--policy', file]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+ ${where.replace(/[[\].]/g, '\\$&')}: .*${message}`));
    });
  }

  it('unknown --only id through the real entry point: exit 2', async () => {
    const err: string[] = [];
    const code = await runInProcess(['doctor', '--only', 'nope'], { stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) }, stdin: process.stdin, env: { PUBLIC_KIOSK_POLICY: '' } });
    expect(code).toBe(2);
    expect(err.join('')).toContain('unknown check id "nope"');
  });
});
