import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProbeError } from '../../../src/compliance/probes';
import { probesForPlatform } from '../../../src/compliance/probes-for-platform';
import { runDoctor } from '../../../src/compliance/run-doctor';
import type { CommandRunner } from '../../../src/compliance/run-command';
import { decodeProductState, windowsOsKey } from '../../../src/compliance/windows-output';
import { parseWindowsOutput, powershellEnvironment, powershellPath, windowsDirectory, windowsProbes } from '../../../src/compliance/windows-probes';
import { encodeCommand, windowsProbeScript } from '../../../src/compliance/windows-script';
import { complianceDefaults } from '../../../src/policy/compliance-schema';

// Recorded documents in the shape the PowerShell script prints. The script itself was NOT run on
// Windows here (no PowerShell on this machine, none under Wine): these test the parsing side.
const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const now = () => new Date('2026-11-28T10:00:00Z');
const policy = complianceDefaults;

function recorded(name: string): { run: CommandRunner; calls: { file: string; args: readonly string[] }[] } {
  const calls: { file: string; args: readonly string[] }[] = [];
  return { calls, run: (file, args) => (calls.push({ file, args }), Promise.resolve(`\uFEFF${fixture(name)}`)) };
}

const byId = (report: Awaited<ReturnType<typeof runDoctor>>) => Object.fromEntries(report.checks.map((c) => [c.id, c]));

describe('Windows probes on recorded PowerShell documents', () => {
  it('runs PowerShell once, by absolute path, with -NoProfile -NonInteractive -EncodedCommand', async () => {
    const { run, calls } = recorded('windows-11-25h2-compliant.json');
    await runDoctor({ probes: windowsProbes({ run, env: { SystemRoot: 'C:\\Windows' } }), policy, now, only: ['remote-access', 'antivirus', 'os-support', 'kiosk-account'] });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.file).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(calls[0]!.args.slice(0, 2)).toEqual(['-NoProfile', '-NonInteractive']);
    const encoded = calls[0]!.args[calls[0]!.args.indexOf('-EncodedCommand') + 1]!;
    const script = Buffer.from(encoded, 'base64').toString('utf16le');
    expect(script).toContain('ConvertTo-Json');
    expect(script).toContain("'%ProgramFiles%\\TeamViewer'");
    // Only process names: never the command line or the window title.
    expect(script).not.toMatch(/CommandLine|MainWindowTitle|Win32_Process\b/);
    expect(encodeCommand(script)).toBe(encoded);
  });

  it('a compliant Windows 11 25H2 passes every check it can read', async () => {
    const { run } = recorded('windows-11-25h2-compliant.json');
    const report = await runDoctor({ probes: windowsProbes({ run }), policy, now, only: ['remote-access', 'antivirus', 'os-updates', 'os-support', 'browser-passwords', 'chat-apps', 'kiosk-account'] });
    expect(report.platform).toBe('win32');
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['remote-access', 'pass'],
      ['antivirus', 'pass'],
      ['os-updates', 'pass'],
      ['os-support', 'pass'],
      ['browser-passwords', 'pass'],
      ['chat-apps', 'pass'],
      ['kiosk-account', 'pass'],
    ]);
    expect(byId(report)['os-support']!.evidence).toMatchObject({ osKey: 'windows-11-25h2', supportEnds: '2027-10-12' });
  });

  it('Windows 10 22H2 with TeamViewer running, Zalo, Chrome without policy, RDP on, admin: each check says so', async () => {
    const { run } = recorded('windows-10-22h2-teamviewer.json');
    const report = byId(await runDoctor({ probes: windowsProbes({ run }), policy, now }));
    expect(report['remote-access']).toMatchObject({ status: 'fail', severity: 'critical', evidence: { running: ['TeamViewer'], installed: ['TeamViewer'], rdpEnabled: true, remoteAssistanceEnabled: true } });
    expect(report['os-support']).toMatchObject({ status: 'fail', evidence: { osKey: 'windows-10-22h2', supportEnds: '2025-10-14' } });
    expect(report['os-updates']).toMatchObject({ status: 'fail', evidence: { lastSecurityUpdate: '2026-08-12', daysSinceSecurityUpdate: 108 } });
    expect(report['browser-passwords']).toMatchObject({ status: 'fail', evidence: { browsersWithoutPolicy: ['Google Chrome'] } });
    expect(report['chat-apps']).toMatchObject({ status: 'fail', evidence: { running: ['Zalo'], installed: ['WhatsApp'] } });
    expect(report['kiosk-account']).toMatchObject({ status: 'warn', evidence: { administrator: true } });
    expect(report.antivirus).toMatchObject({ status: 'pass', evidence: { healthy: ['Windows Defender'], defenderEnabled: true } });
  });

  it('a section the script could not read makes that check error; update service disabled fails', async () => {
    const { run } = recorded('windows-sections-failed.json');
    const report = byId(await runDoctor({ probes: windowsProbes({ run }), policy, now }));
    expect(report['remote-access']).toMatchObject({ status: 'error', evidence: { reason: 'windows-remote-desktop-unreadable' } });
    expect(report.antivirus).toMatchObject({ status: 'error', evidence: { reason: 'windows-antivirus-unreadable' } });
    expect(report['browser-passwords']!.status).toBe('error');
    expect(report['kiosk-account']!.status).toBe('error');
    expect(report['os-updates']).toMatchObject({ status: 'fail', severity: 'critical', evidence: { updateServiceDisabled: true } });
    expect(report['os-support']).toMatchObject({ status: 'warn', evidence: { osKey: 'windows-11-24h2-ltsc', reason: 'os-not-in-policy-table' } });
  });

  it('Defender registered but its own status off (or signatures too old) is not a pass', async () => {
    const doc = JSON.parse(fixture('windows-11-25h2-compliant.json')) as Record<string, unknown>;
    for (const defender of [{ antivirusEnabled: true, realTimeProtectionEnabled: false, signatureAgeDays: 0 }, { antivirusEnabled: true, realTimeProtectionEnabled: true, signatureAgeDays: 30 }, null]) {
      const text = JSON.stringify({ ...doc, defender });
      const report = await runDoctor({ probes: windowsProbes({ run: () => Promise.resolve(text) }), policy, now, only: ['antivirus'] });
      expect(report.checks[0]!.status).toBe('fail');
    }
  });

  it("a vendor's product name with & or / is reported as a plain name, not rejected", async () => {
    const doc = JSON.parse(fixture('windows-11-25h2-compliant.json')) as Record<string, unknown>;
    const text = JSON.stringify({ ...doc, antivirus: [{ name: 'Bkav Pro & Total/Security', productState: 0x041000 }] });
    const report = await runDoctor({ probes: windowsProbes({ run: () => Promise.resolve(text) }), policy, now, only: ['antivirus'] });
    expect(report.checks[0]).toMatchObject({ status: 'pass', evidence: { healthy: ['Bkav Pro Total Security'] } });
  });

  it('malformed output, no PowerShell and a timeout make every Windows check error (never pass)', async () => {
    const failures: CommandRunner[] = [
      () => Promise.resolve('WARNING: something\n{"version":1'),
      () => Promise.resolve(JSON.stringify({ version: 2 })),
      () => Promise.reject(new ProbeError('powershell-unavailable')),
      () => new Promise(() => undefined),
    ];
    for (const run of failures) {
      const report = await runDoctor({ probes: windowsProbes({ run }), policy, now, checkTimeoutMs: 200 });
      const statuses = report.checks.filter((c) => c.id !== 'network-zone').map((c) => c.status);
      expect(new Set(statuses)).toEqual(new Set(['error']));
      expect(statuses).toHaveLength(8);
    }
  });

  it('probesForPlatform("win32") on a machine without PowerShell (as under Wine): every Windows check is error', async () => {
    const probes = probesForPlatform('win32', { windowsDir: '/nonexistent-windows' });
    const report = await runDoctor({ probes, policy, now });
    for (const check of report.checks.filter((c) => c.id !== 'network-zone')) {
      expect(check, check.id).toMatchObject({ status: 'error', evidence: { reason: 'powershell-unavailable' } });
    }
    expect(powershellPath('C:\\Windows')).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
  });

  it('PowerShell comes from the Windows folder the OS names, with a fixed PATH and module path, whatever the environment says', async () => {
    expect(windowsDirectory((p) => (p === '\\\\?\\GLOBALROOT\\SystemRoot' ? '\\\\?\\D:\\WINNT' : 'wrong'))).toBe('D:\\WINNT');
    expect(windowsDirectory(() => 'C:\\Windows')).toBe('C:\\Windows');
    expect(windowsDirectory(() => '\\\\server\\share\\Windows')).toBe('C:\\Windows');
    expect(windowsDirectory(() => { throw new Error('ENOENT'); })).toBe('C:\\Windows');
    // Not Windows here: the resolver fails and the fixed default is used, never %SystemRoot%.
    expect(windowsDirectory()).toBe('C:\\Windows');
    const planted = { SystemRoot: 'C:\\Users\\kiosk\\fake', windir: 'C:\\Users\\kiosk\\fake', PATH: 'C:\\Users\\kiosk\\bin', PSModulePath: 'C:\\Users\\kiosk\\mods', ComSpec: 'x.exe', TEMP: 'C:\\Users\\kiosk\\AppData\\Local\\Temp', NODE_OPTIONS: '--require x' };
    const calls: { file: string; env?: Record<string, string> }[] = [];
    const run: CommandRunner = (file, _args, options) => (calls.push({ file, ...(options.env ? { env: options.env } : {}) }), Promise.resolve(fixture('windows-11-25h2-compliant.json')));
    await windowsProbes({ run, env: planted }).account();
    expect(calls[0]!.file).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(calls[0]!.env).toEqual(powershellEnvironment('C:\\Windows', planted));
    expect(calls[0]!.env).toEqual({
      SystemRoot: 'C:\\Windows',
      windir: 'C:\\Windows',
      SystemDrive: 'C:',
      ComSpec: 'C:\\Windows\\System32\\cmd.exe',
      PATH: 'C:\\Windows\\System32;C:\\Windows;C:\\Windows\\System32\\Wbem;C:\\Windows\\System32\\WindowsPowerShell\\v1.0',
      PSModulePath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\Modules',
      TEMP: 'C:\\Users\\kiosk\\AppData\\Local\\Temp',
    });
  });

  it('decodes Security Center product states and OS keys', () => {
    expect(decodeProductState(0x061100)).toEqual({ enabled: true, upToDate: true });
    expect(decodeProductState(0x060110)).toEqual({ enabled: false, upToDate: false });
    expect(decodeProductState(0x041010)).toEqual({ enabled: true, upToDate: false });
    expect(windowsOsKey({ caption: 'Microsoft Windows 10 Enterprise LTSC 2021', version: '10.0.19044', build: 19044, displayVersion: '21H2', editionId: 'EnterpriseS' })).toBe('windows-10-21h2-ltsc');
    expect(windowsOsKey({ caption: 'Microsoft Windows 10 Pro', version: '10.0.22631', build: 22631, displayVersion: '23H2' })).toBe('windows-11-23h2');
    expect(() => parseWindowsOutput('not json')).toThrow('powershell-output-not-json');
    expect(windowsProbeScript(["a'b"])).toContain("'a''b'");
  });
});
