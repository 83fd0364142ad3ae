import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrefix, runWindowsCli, type WinePrefix } from './support/wine';

// `doctor` on Windows' Node under Wine: there is no PowerShell (nor Security Center) here, so every
// check that needs the Windows probe script must say it could not find out (`error`), never `pass`.
let win: WinePrefix;
beforeAll(() => {
  win = createPrefix();
});
afterAll(() => win?.dispose());

interface DoctorJson {
  version: number;
  platform: string;
  checks: { id: string; status: string; severity: string; evidence: Record<string, unknown> }[];
}

describe('public-kiosk doctor on Windows (Wine, no PowerShell)', () => {
  it('answers error for every check the PowerShell probe feeds, passes none by default, exits 1', async () => {
    const r = await runWindowsCli(win, ['doctor', '--json']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as DoctorJson;
    expect(report).toMatchObject({ version: 1, platform: 'win32' });
    const byId = new Map(report.checks.map((c) => [c.id, c.status]));
    expect([...byId.keys()].sort()).toEqual(['antivirus', 'browser-passwords', 'chat-apps', 'kiosk-account', 'network-zone', 'os-support', 'os-updates', 'print-to-file', 'remote-access']);
    for (const id of ['antivirus', 'browser-passwords', 'chat-apps', 'kiosk-account', 'os-support', 'os-updates', 'print-to-file', 'remote-access']) {
      expect(byId.get(id), id).toBe('error');
    }
    // The network zone needs no PowerShell (Node's own TCP); with no endpoints in the policy it proves nothing either.
    expect(byId.get('network-zone')).not.toBe('pass');
  });

  it('refuses an unknown check id as bad input, running nothing', async () => {
    const r = await runWindowsCli(win, ['doctor', '--only', 'remote-access,teleport']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('teleport');
  });
});
