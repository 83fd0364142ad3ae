import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anotherKioskRunning, runStartupWipe, startupWipeCommand, wipeOnStartTrigger, type SpawnSync } from '../../../main/kiosk/startup-wipe';

const packagedWindows = { platform: 'win32' as const, execPath: 'C:\\Program Files\\public-kiosk\\public-kiosk.exe', isPackaged: true, appPath: 'ignored', policyFile: undefined };
const devLinux = { platform: 'linux' as const, execPath: '/repo/node_modules/electron/dist/electron', isPackaged: false, appPath: '/repo', policyFile: '/tmp/p.yaml' };

describe('startupWipeCommand', () => {
  it('runs the binary’s own CLI: wipe --if-due on a normal start', () => {
    expect(startupWipeCommand(packagedWindows, null)).toEqual([packagedWindows.execPath, '--kiosk-cli', 'wipe', '--if-due', '--json']);
  });
  it('on Linux in development: the app path, headless switches, and the policy the kiosk was given', () => {
    expect(startupWipeCommand(devLinux, null)).toEqual([
      devLinux.execPath, '/repo', '--ozone-platform=headless', '--disable-gpu', '--no-sandbox', '--kiosk-cli',
      'wipe', '--if-due', '--policy', '/tmp/p.yaml', '--json',
    ]);
  });
  it.each([
    ['shift-end', 'shift-end'],
    ['staff', 'manual'],
    ['recovery', 'catch-up'],
    ['resume', 'catch-up'],
  ] as const)('after a relaunch for a %s wipe: wipes unconditionally, recorded as %s', (trigger, reason) => {
    expect(startupWipeCommand(packagedWindows, trigger).slice(2)).toEqual(['wipe', '--reason', reason, '--json']);
  });
  it('a relaunch running on the last-applied copy hands its hash on, so the wipe empties the same roots (no environment hand-off)', () => {
    const hash = 'ab'.repeat(32);
    expect(startupWipeCommand({ ...packagedWindows, lastAppliedHash: hash }, 'shift-end').slice(2)).toEqual(['wipe', '--reason', 'shift-end', `--last-applied-policy=${hash}`, '--json']);
  });
});

describe('wipeOnStartTrigger', () => {
  it('reads only a known trigger', () => {
    expect(wipeOnStartTrigger(['exe', '--wipe-on-start=staff'])).toBe('staff');
    expect(wipeOnStartTrigger(['exe', '--wipe-on-start=rm -rf'])).toBeNull();
    expect(wipeOnStartTrigger(['exe'])).toBeNull();
  });
});

function spawnReturning(result: Partial<ReturnType<SpawnSync>>, seen: unknown[] = []): SpawnSync {
  return (command, args, options) => {
    seen.push({ command, args, env: options.env });
    return { status: 0, stdout: '', stderr: '', error: undefined, ...result } as ReturnType<SpawnSync>;
  };
}

describe('runStartupWipe', () => {
  const command = ['kiosk', '--kiosk-cli', 'wipe', '--if-due', '--json'];
  it.each([
    [{ status: 0, stdout: '{"outcome":"not-due"}' }, { ran: false }],
    [{ status: 0, stdout: '{"outcome":"wiped-by-other"}' }, { ran: false }],
    [{ status: 0, stdout: '{"outcome":"wiped"}' }, { ran: true, ok: true, detail: 'wiped' }],
    [{ status: 0, stdout: '{"ok":true}' }, { ran: true, ok: true, detail: 'wiped' }],
    [{ status: 1, stdout: '{"outcome":"wipe-failed"}' }, { ran: true, ok: false, detail: 'start-up wipe: wipe-failed' }],
    [{ status: 2, stdout: '', stderr: '\nrefusing to wipe: / is a filesystem root\n' }, { ran: true, ok: false, detail: 'start-up wipe: exit 2: refusing to wipe: / is a filesystem root' }],
    [{ status: null, error: new Error('spawnSync kiosk ETIMEDOUT') }, { ran: true, ok: false, detail: 'the start-up wipe could not run: spawnSync kiosk ETIMEDOUT' }],
  ])('%j → %j', (result, expected) => {
    expect(runStartupWipe(spawnReturning(result), command, {})).toEqual(expected);
  });

  it('never passes ELECTRON_RUN_AS_NODE to the child', () => {
    const seen: { env: NodeJS.ProcessEnv }[] = [];
    runStartupWipe(spawnReturning({ stdout: '{"outcome":"not-due"}' }, seen), command, { ELECTRON_RUN_AS_NODE: '1', PUBLIC_KIOSK_POLICY: '/p.yaml' });
    expect(seen[0]?.env).toEqual({ PUBLIC_KIOSK_POLICY: '/p.yaml' });
  });
});

describe('anotherKioskRunning', () => {
  const record = (role: string, heartbeatAt: string) =>
    JSON.stringify({ version: 1, role, pid: 4242, token: 't', startedAt: heartbeatAt, heartbeatAt, dueWipePendingSince: null });
  const now = Date.parse('2025-06-02T02:00:00Z');

  it.each([
    ['a live kiosk', record('kiosk', '2025-06-02T01:59:50Z'), true, true],
    ['a kiosk whose process is gone', record('kiosk', '2025-06-02T01:59:50Z'), false, false],
    ['a kiosk with an old heartbeat', record('kiosk', '2025-06-02T01:00:00Z'), true, false],
    ['an OS-started wipe', record('os-wipe', '2025-06-02T01:59:50Z'), true, false],
    ['a damaged lock', '{not json', true, false],
    ['no lock', null, true, false],
  ])('%s → %s', (_label, content, alive, expected) => {
    const state = mkdtempSync(path.join(tmpdir(), 'pk-other-kiosk-'));
    try {
      if (content !== null) writeFileSync(path.join(state, 'kiosk.lock'), content);
      expect(anotherKioskRunning(state, { now: () => now, isAlive: () => alive })).toBe(expected);
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  });
});
