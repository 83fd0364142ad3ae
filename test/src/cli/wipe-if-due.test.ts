import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runWipeIfDue } from '../../../src/cli/commands/wipe-if-due';
import { UsageError } from '../../../src/cli/exit-codes';
import { startLockHolder, stopChild } from '../liveness/lock-holder';
import { auditRecords, makeCliRoots, plant, type CliRoots } from './wipe-fixtures';

// runWipeIfDue in-process with the real wipe engine, audit log and state files on temp roots.
let roots: CliRoots;
afterEach(() => roots?.cleanup());

async function ifDue(extra: Record<string, string | boolean> = {}): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stdout += text) },
    stdin: new PassThrough(),
    env: { ...process.env, PUBLIC_KIOSK_POLICY: '' },
  };
  const code = await runWipeIfDue({ positionals: [], values: { 'if-due': true, policy: roots.policyFile, ...extra }, io });
  return { code, stdout };
}

describe('wipe --if-due (runWipeIfDue)', () => {
  it('wipes when a shift wipe is owed and no kiosk runs, then says not due', async () => {
    roots = makeCliRoots();
    plant(roots.sessionData, { 'Default/Cookies': 'x' });
    plant(roots.downloads, { 's1/giay-to.pdf': 'zzz' });
    const first = await ifDue();
    expect(first.stdout).toMatch(/shift wipe due for .*: no shift wipe has been recorded; no kiosk is running: wiping now/);
    expect(first.stdout).toMatch(/shift wipe \((shift-end|catch-up)\) SUCCEEDED/);
    expect(first.code).toBe(0);
    expect(readdirSync(roots.sessionData)).toEqual([]);
    expect(readdirSync(roots.downloads)).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(roots.state, 'last-shift-wipe.json'), 'utf8'))).toMatchObject({ coveredShiftEnd: expect.any(String) });
    expect(existsSync(path.join(roots.state, 'kiosk.lock'))).toBe(false);

    const second = await ifDue({ json: true });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ outcome: 'not-due', record: null, messages: [expect.stringMatching(/^not due: the shift end at/)] });
  });

  it('takes an overdue running kiosk out of service, records why, and deletes nothing', async () => {
    roots = makeCliRoots();
    plant(roots.downloads, { 's1/giay-to.pdf': 'zzz' });
    const { child } = await startLockHolder(roots.state, { dueWipePendingSince: new Date(Date.now() - 60 * 60_000).toISOString() });
    try {
      const r = await ifDue();
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('taking it out of service (wipe-overdue)');
    } finally {
      await stopChild(child);
    }
    expect(JSON.parse(readFileSync(path.join(roots.state, 'out-of-service.json'), 'utf8'))).toMatchObject({ reason: 'wipe-overdue' });
    expect(auditRecords(roots.state)).toMatchObject([{ type: 'service', state: 'out-of-service', reason: 'wipe-overdue' }]);
    expect(readdirSync(roots.downloads)).toEqual(['s1']);
  });

  it.each(['reason', 'scope', 'session'])('refuses --%s with --if-due (bad input, nothing touched)', async (flag) => {
    roots = makeCliRoots();
    plant(roots.downloads, { 's1/f.pdf': 'f' });
    await expect(ifDue({ [flag]: 'x' })).rejects.toThrow(UsageError);
    expect(readdirSync(roots.downloads)).toEqual(['s1']);
  });
});
