import { describe, expect, it } from 'vitest';
import { chatApps } from '../../../src/compliance/chat-apps';
import { evaluateChatApps, evaluateRemoteAccess, isApproved, type SoftwareFacts } from '../../../src/compliance/evaluate-software';
import { evaluateAntivirus, evaluateBrowserPasswords, evaluateOsSupport, evaluateUpdates } from '../../../src/compliance/evaluate-system';
import { countPendingSecurityUpdates } from '../../../src/compliance/linux-apt';
import { nameMatches } from '../../../src/compliance/matching';
import { evaluateNetworkZone } from '../../../src/compliance/network-zone';
import { remoteAccessTools } from '../../../src/compliance/remote-access-tools';
import { evidenceText } from '../../../src/compliance/report-schema';
import { complianceDefaults, complianceSchema, parseEndpoint } from '../../../src/policy/compliance-schema';

const linux = (facts: Partial<SoftwareFacts>): SoftwareFacts => ({ platform: 'linux', processes: [], installed: [], services: [], folders: [], ...facts });
const windows = (facts: Partial<SoftwareFacts>): SoftwareFacts => ({ ...linux(facts), platform: 'win32' });
const now = new Date('2026-11-28T10:00:00Z');

describe('catalogues', () => {
  it('holds at least 20 remote-access tools with unique ids, the ones the directive names among them', () => {
    expect(remoteAccessTools.length).toBeGreaterThanOrEqual(20);
    const ids = remoteAccessTools.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['teamviewer', 'ultraviewer', 'anydesk', 'rustdesk', 'chrome-remote-desktop', 'tightvnc', 'ultravnc', 'realvnc', 'tigervnc', 'x11vnc', 'splashtop', 'anyviewer', 'screenconnect', 'ammyy-admin', 'dwservice', 'quick-assist']) expect(ids).toContain(id);
    for (const tool of remoteAccessTools) expect(tool.windows.processes.length + tool.linux.processes.length, tool.id).toBeGreaterThan(0);
  });

  it('every catalogue name passes the evidence whitelist (else finding that tool would turn into an error)', () => {
    for (const name of [...remoteAccessTools, ...chatApps].map((entry) => entry.name)) expect(evidenceText.safeParse(name).success, name).toBe(true);
  });
});

describe('remote-access', () => {
  it('matches case-insensitively, ignores .exe, honours a trailing * and the 15-character Linux comm', () => {
    expect(nameMatches('TeamViewer', 'teamviewer.exe')).toBe(true);
    expect(nameMatches('AnyDesk*', 'AnyDesk-portable')).toBe(true);
    expect(nameMatches('chrome-remote-desktop-host', 'chrome-remote-d')).toBe(true);
    expect(nameMatches('teamviewer', 'teamviewer-helper')).toBe(false);
  });

  it('a portable UltraViewer running on Windows is a critical fail even though nothing is installed', () => {
    const outcome = evaluateRemoteAccess(windows({ processes: ['explorer', 'UltraViewer_Desktop'] }), null, remoteAccessTools, []);
    expect(outcome).toMatchObject({ status: 'fail', severity: 'critical', evidence: { running: ['UltraViewer'], installed: [] } });
  });

  it('installed only (package, Uninstall entry, or service) is a high fail; RDP on alone is a warn', () => {
    expect(evaluateRemoteAccess(linux({ installed: ['anydesk'] }), null, remoteAccessTools, [])).toMatchObject({ status: 'fail', severity: 'high', evidence: { installed: ['AnyDesk'] } });
    expect(evaluateRemoteAccess(windows({ installed: ['TeamViewer 15'] }), null, remoteAccessTools, [])).toMatchObject({ status: 'fail', evidence: { installed: ['TeamViewer'] } });
    expect(evaluateRemoteAccess(windows({ services: ['uvnc_service'] }), null, remoteAccessTools, [])).toMatchObject({ status: 'fail', evidence: { installed: ['UltraVNC'] } });
    expect(evaluateRemoteAccess(windows({}), { rdpEnabled: true, remoteAssistanceEnabled: false }, remoteAccessTools, [])).toMatchObject({ status: 'warn' });
    expect(evaluateRemoteAccess(windows({}), { rdpEnabled: false, remoteAssistanceEnabled: false }, remoteAccessTools, [])).toMatchObject({ status: 'pass' });
  });

  it('an approval names one tool exactly: approving "rustdesk" does not approve AnyDesk, and no pattern approves them all', () => {
    const facts = linux({ processes: ['rustdesk', 'anydesk'] });
    expect(evaluateRemoteAccess(facts, null, remoteAccessTools, ['RustDesk'])).toMatchObject({ status: 'fail', evidence: { running: ['AnyDesk'], approvedPresent: ['RustDesk'] } });
    expect(isApproved({ id: 'anydesk', name: 'AnyDesk' }, ['any'])).toBe(false);
    expect(isApproved({ id: 'anydesk', name: 'AnyDesk' }, ['*'])).toBe(false);
    const wildcard = complianceSchema.safeParse({ ...complianceDefaults, remoteAccess: { allow: ['*'] } });
    expect(wildcard.success).toBe(false);
  });
});

describe('chat-apps, antivirus, updates, os-support, browsers, network', () => {
  it('chat apps: running fails, installed (package or Appx) warns', () => {
    expect(evaluateChatApps(windows({ processes: ['Zalo'] }), chatApps)).toMatchObject({ status: 'fail', evidence: { running: ['Zalo'] } });
    expect(evaluateChatApps(windows({ installed: ['5319275A.WhatsAppDesktop'] }), chatApps)).toMatchObject({ status: 'warn', evidence: { installed: ['WhatsApp'] } });
    expect(evaluateChatApps(linux({ installed: ['telegram-desktop'] }), chatApps)).toMatchObject({ status: 'warn' });
  });

  it('antivirus: an unapproved Security Center product fails when the policy lists approved ones', () => {
    const product = { name: 'Avast Free Antivirus', source: 'security-center' as const, enabled: true, upToDate: true, signatureAgeDays: null };
    expect(evaluateAntivirus({ products: [product] }, { approved: [], maxSignatureAgeDays: 7 }).status).toBe('pass');
    expect(evaluateAntivirus({ products: [product] }, { approved: ['Kaspersky'], maxSignatureAgeDays: 7 }).status).toBe('fail');
    expect(evaluateAntivirus({ products: [{ ...product, upToDate: false }] }, { approved: [], maxSignatureAgeDays: 7 }).status).toBe('fail');
  });

  it('updates: thresholds, disabled service, and no history is error (never pass)', () => {
    const policy = { warnAfterDays: 35, failAfterDays: 60 };
    const at = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    expect(evaluateUpdates({ kind: 'windows-update', lastSecurityUpdate: at(35), updateServiceDisabled: false }, policy, now).status).toBe('pass');
    expect(evaluateUpdates({ kind: 'windows-update', lastSecurityUpdate: at(36), updateServiceDisabled: false }, policy, now).status).toBe('warn');
    expect(evaluateUpdates({ kind: 'windows-update', lastSecurityUpdate: at(61), updateServiceDisabled: false }, policy, now).status).toBe('fail');
    expect(evaluateUpdates({ kind: 'windows-update', lastSecurityUpdate: at(1), updateServiceDisabled: true }, policy, now).status).toBe('fail');
    expect(evaluateUpdates({ kind: 'windows-update', lastSecurityUpdate: null, updateServiceDisabled: false }, policy, now).status).toBe('error');
    expect(countPendingSecurityUpdates('Inst a [1] (2 Debian-Security:12/stable-security [amd64])\nInst b [1] (2 Debian:12.12/stable [amd64])\nConf a (2 Debian-Security:12/stable-security [amd64])\n')).toBe(1);
  });

  it('os-support: the last day still passes, the next fails; an unknown OS warns', () => {
    const policy = { supportEnds: { 'windows-10-22h2': '2025-10-14' } };
    const os = { key: 'windows-10-22h2', product: 'Windows 10 Pro', version: '22H2' };
    expect(evaluateOsSupport(os, policy, new Date('2025-10-14T23:00:00Z')).status).toBe('pass');
    expect(evaluateOsSupport(os, policy, new Date('2025-10-15T00:30:00Z')).status).toBe('fail');
    expect(evaluateOsSupport({ ...os, key: 'windows-12-26h1' }, policy, now).status).toBe('warn');
  });

  it('browsers: not-applicable without one, fail when any setting is unset or true', () => {
    expect(evaluateBrowserPasswords([{ browser: 'chrome', installed: false, settings: {} }]).status).toBe('not-applicable');
    expect(evaluateBrowserPasswords([{ browser: 'edge', installed: true, settings: { PasswordManagerEnabled: false, AutofillAddressEnabled: false, AutofillCreditCardEnabled: null } }])).toMatchObject({ status: 'fail', evidence: { settingsNotOff: ['edge:AutofillCreditCardEnabled'] } });
  });

  it('network: host:port parsing rejects what a typo produces', () => {
    expect(parseEndpoint('10.0.0.5:445')).toEqual({ host: '10.0.0.5', port: 445 });
    expect(parseEndpoint('[::1]:8080')).toEqual({ host: '::1', port: 8080 });
    expect(parseEndpoint('dichvucong.gov.vn:443')).toEqual({ host: 'dichvucong.gov.vn', port: 443 });
    for (const bad of ['10.0.0.5', '10.0.0.256:80', 'host:0', 'host:65536', 'https://x.vn:443', '[zz]:1', 'a_b.vn:80', ':80']) expect(parseEndpoint(bad), bad).toBeNull();
    expect(evaluateNetworkZone([{ endpoint: 'a:1', result: 'timeout' }], [])).toMatchObject({ status: 'warn' });
  });
});
