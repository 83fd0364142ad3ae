import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linuxProbes } from '../../../src/compliance/linux-probes';
import { execFileRunner, type CommandRunner } from '../../../src/compliance/run-command';
import { runDoctor } from '../../../src/compliance/run-doctor';
import { complianceDefaults, type CompliancePolicy } from '../../../src/policy/compliance-schema';
import { LinuxRoot } from './linux-fixture';

// Real probes on this Debian machine: the real /proc, the real dpkg-query (on a database in a
// temporary root) and apt-get -s, real TCP connects on loopback, files under a temporary root.
const root = new LinuxRoot();
const personal = 'NguyenVanA-0912345678';
let adminDir = '';

beforeAll(async () => {
  adminDir = root.dpkg(['chromium', 'firefox-esr', 'viber', 'coreutils']);
  root.write('etc/os-release', 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n');
  root.write('etc/group', 'root:x:0:\nsudo:x:27:kioskadmin\nkiosk:x:1001:\n');
  // Started from a folder named after a citizen, with the citizen's details on the command line.
  await root.startProcess('teamviewerd', `home/${personal}/Downloads`, `${root.dir}/home/${personal}/Downloads/teamviewerd --note=${personal}`);
  await root.startProcess('Viber', 'opt/viber');
  root.mkdir('etc/xrdp');
});
afterAll(() => root.cleanup());

const policy = (tweak: (p: CompliancePolicy) => void = () => undefined): CompliancePolicy => {
  const copy = structuredClone(complianceDefaults);
  tweak(copy);
  return copy;
};

const probes = (extra: Parameters<typeof linuxProbes>[0] = {}) => linuxProbes({ root: root.dir, dpkgAdminDir: adminDir, ...extra });

describe('Linux probes, for real', () => {
  it('finds a running tool by process name wherever its binary lives, and left-over folders', async () => {
    const names = await probes().processNames();
    expect(names).toContain('teamviewerd');
    const report = await runDoctor({ probes: probes(), policy: policy(), only: ['remote-access'] });
    expect(report.checks[0]).toMatchObject({ id: 'remote-access', status: 'fail', severity: 'critical' });
    expect(report.checks[0]!.evidence).toMatchObject({ running: ['TeamViewer'], leftoverFolders: ['xrdp (RDP server for Linux)'] });
  });

  it('an approved tool is reported, not failed; a left-over folder alone is a warn', async () => {
    const report = await runDoctor({ probes: probes(), policy: policy((p) => (p.remoteAccess.allow = ['teamviewer'])), only: ['remote-access'] });
    expect(report.checks[0]).toMatchObject({ status: 'warn', evidence: { running: [], approvedPresent: ['TeamViewer'], leftoverFolders: ['xrdp (RDP server for Linux)'] } });
  });

  it('chat apps: a running one fails (Viber), an installed one alone warns', async () => {
    const report = await runDoctor({ probes: probes(), policy: policy(), only: ['chat-apps'] });
    expect(report.checks[0]).toMatchObject({ status: 'fail', evidence: { running: ['Viber'] } });
    const quiet = await runDoctor({ probes: probes({ proc: `${root.dir}/no-proc-here` }), policy: policy(), only: ['chat-apps'] });
    expect(quiet.checks[0]).toMatchObject({ status: 'error', evidence: { reason: 'proc-unreadable' } });
  });

  it('reads dpkg-query from the database it is pointed at', async () => {
    const installed = await probes().installedNames();
    expect(installed.sort()).toEqual(['chromium', 'coreutils', 'firefox-esr', 'viber']);
  });

  it('browser-passwords: installed browsers without managed false settings fail; managed ones pass; recommended ones do not count', async () => {
    const run = () => runDoctor({ probes: probes(), policy: policy(), only: ['browser-passwords'] }).then((r) => r.checks[0]!);
    expect(await run()).toMatchObject({ status: 'fail', evidence: { browsersInstalled: ['Chromium', 'Mozilla Firefox'], browsersWithoutPolicy: ['Chromium', 'Mozilla Firefox'] } });
    root.write('etc/chromium/policies/recommended/kiosk.json', JSON.stringify({ PasswordManagerEnabled: false, AutofillAddressEnabled: false, AutofillCreditCardEnabled: false }));
    root.write('etc/chromium/policies/managed/10-kiosk.json', JSON.stringify({ PasswordManagerEnabled: false, AutofillAddressEnabled: false }));
    expect(await run()).toMatchObject({ status: 'fail', evidence: { settingsNotOff: ['chromium:AutofillCreditCardEnabled', 'firefox:PasswordManagerEnabled', 'firefox:OfferToSaveLogins'] } });
    root.write('etc/chromium/policies/managed/20-cards.json', JSON.stringify({ AutofillCreditCardEnabled: false }));
    root.write('etc/firefox/policies/policies.json', JSON.stringify({ policies: { PasswordManagerEnabled: false, OfferToSaveLogins: false } }));
    expect(await run()).toMatchObject({ status: 'pass', evidence: { browsersWithoutPolicy: [] } });
    // A later file that turns one back on: conflicting managed values are not "off".
    root.write('etc/chromium/policies/managed/30-oops.json', JSON.stringify({ PasswordManagerEnabled: true }));
    expect(await run()).toMatchObject({ status: 'fail', evidence: { settingsNotOff: ['chromium:PasswordManagerEnabled'] } });
    // Chrome installed by binary (no package) with no policy at all.
    root.write('etc/chromium/policies/managed/30-oops.json', '{ not json');
    root.write('opt/google/chrome/chrome', '');
    expect(await run()).toMatchObject({ status: 'fail', evidence: { browsersWithoutPolicy: ['Google Chrome'] } });
  });

  it('antivirus: ClamAV signatures younger than the limit pass, older fail, none fail; an approved running agent passes', async () => {
    const run = (p = policy()) => runDoctor({ probes: probes(), policy: p, only: ['antivirus'] }).then((r) => r.checks[0]!);
    expect(await run()).toMatchObject({ status: 'fail', severity: 'critical', evidence: { products: [] } });
    root.write('var/lib/clamav/daily.cld', 'x', 10);
    expect(await run()).toMatchObject({ status: 'fail', evidence: { products: ['ClamAV'], signatureAgeDays: 10 } });
    root.write('var/lib/clamav/daily.cld', 'x', 2);
    expect(await run()).toMatchObject({ status: 'pass', evidence: { healthy: ['ClamAV'], signatureAgeDays: 2 } });
    root.write('var/lib/clamav/daily.cld', 'x', 30);
    expect(await run(policy((p) => (p.antivirus.approved = ['Viber'])))).toMatchObject({ status: 'pass', evidence: { healthy: ['Viber'] } });
  });

  it('os-support and kiosk-account read the temporary root', async () => {
    const report = await runDoctor({ probes: probes({ uid: 1000, groups: [1001, 27] }), policy: policy(), only: ['os-support', 'kiosk-account'], now: () => new Date('2026-11-28T00:00:00Z') });
    expect(report.checks.map((c) => [c.status, c.evidence])).toEqual([
      ['pass', { os: 'Debian', version: '12', osKey: 'debian-12', supportEnds: '2028-06-30' }],
      ['warn', { administrator: true }],
    ]);
    const plain = await runDoctor({ probes: probes({ uid: 1000, groups: [1001] }), policy: policy(), only: ['kiosk-account'] });
    expect(plain.checks[0]!.status).toBe('pass');
    const rootUser = await runDoctor({ probes: probes({ uid: 0, groups: [] }), policy: policy(), only: ['kiosk-account'] });
    expect(rootUser.checks[0]!.status).toBe('warn');
  });

  it('os-updates: real apt-get -s with LANG=C; stale or missing package lists are error, never pass', async () => {
    const calls: { file: string; args: readonly string[]; env?: Record<string, string> }[] = [];
    const spy: CommandRunner = async (file, args, options) => {
      calls.push({ file, args, ...(options.env ? { env: options.env } : {}) });
      return execFileRunner(file, args, { ...options, timeoutMs: 120_000 });
    };
    const missing = await runDoctor({ probes: probes({ run: spy }), policy: policy(), only: ['os-updates'], checkTimeoutMs: 120_000 });
    expect(missing.checks[0]).toMatchObject({ status: 'error', evidence: { reason: 'package-lists-stale', packageListsAgeDays: null } });
    // By absolute path, with the C locale and a fixed PATH only: nothing of this process's environment.
    expect(calls[0]).toEqual({ file: '/usr/bin/apt-get', args: ['-s', '-o', 'Debug::NoLocking=1', 'dist-upgrade'], env: { LANG: 'C', LC_ALL: 'C', LANGUAGE: 'C', PATH: '/usr/sbin:/usr/bin:/sbin:/bin' } });
    expect(missing.checks[0]!.evidence.pendingSecurityUpdates).toEqual(expect.any(Number));
    root.write('var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease', 'x', 40);
    const stale = await runDoctor({ probes: probes({ run: () => Promise.resolve('') }), policy: policy(), only: ['os-updates'] });
    expect(stale.checks[0]).toMatchObject({ status: 'error', evidence: { packageListsAgeDays: 40 } });
    root.write('var/lib/apt/lists/security.debian.org_debian-security_dists_bookworm-security_InRelease', 'x', 1);
    const pending = 'Inst libssl3 [3.0.11-1~deb12u1] (3.0.15-1~deb12u1 Debian-Security:12/stable-security [amd64])\nInst tzdata [2024a-0] (2025b-0+deb12u1 Debian:12.12/stable [all])\n';
    const fresh = await runDoctor({ probes: probes({ run: () => Promise.resolve(pending) }), policy: policy(), only: ['os-updates'] });
    expect(fresh.checks[0]).toMatchObject({ status: 'warn', evidence: { pendingSecurityUpdates: 1, packageListsAgeDays: 1 } });
    const clean = await runDoctor({ probes: probes({ run: () => Promise.resolve('0 upgraded, 0 newly installed\n') }), policy: policy(), only: ['os-updates'] });
    expect(clean.checks[0]!.status).toBe('pass');
  }, 180_000);

  it('network-zone: a reachable internal endpoint is a critical fail; unreachable internal + reachable external passes; no external reached is error', async () => {
    const open = await root.listen();
    const closed = await root.closedPort();
    const run = (internal: string[], external: string[]) =>
      runDoctor({ probes: probes(), policy: policy((p) => (p.networkZone = { internal, external, timeoutMs: 1000 })), only: ['network-zone'] }).then((r) => r.checks[0]!);
    expect(await run([open, closed], [open])).toMatchObject({ status: 'fail', severity: 'critical', evidence: { internalReachable: [open] } });
    expect(await run([closed], [open])).toMatchObject({ status: 'pass', evidence: { internalReachable: [], externalReachable: [open] } });
    expect(await run([closed], [closed])).toMatchObject({ status: 'error', evidence: { reason: 'network-down' } });
    expect(await run([], [])).toMatchObject({ status: 'warn' });
  });

  it('no personal data: the folder and command line of a running tool never reach the report', async () => {
    const report = await runDoctor({ probes: probes(), policy: policy() });
    const text = JSON.stringify(report);
    expect(text).toContain('TeamViewer');
    expect(text).not.toContain(personal);
    expect(text).not.toContain(root.dir);
    expect(text).not.toMatch(/--note/);
  }, 120_000);
});
