import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyDataFolderPlan, dataFolderPlan, describeDataFolderPlan } from '../../../src/install/data-folders';
import type { ProgramRunner } from '../../../src/install/run-program';
import { runCli } from '../../support/cli';

const ICACLS = 'C:\\Windows\\System32\\icacls.exe';
const ROOT = 'C:\\ProgramData\\public-kiosk';
const work = mkdtempSync(path.join(tmpdir(), 'pk-folders-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const lines = (root: string, user: string) => dataFolderPlan(root, user, ICACLS).commands.map((c) => [c.program, ...c.args].join(' '));

describe('install-folders: the Windows data folders and their rights', () => {
  it('resets owner and children of an existing tree, then grants SYSTEM and Administrators full, users read, the kiosk account modify on its data only', () => {
    expect(lines(ROOT, 'PC-01\\kiosk')).toEqual([
      `${ICACLS} ${ROOT} /setowner *S-1-5-32-544 /T /Q`,
      `${ICACLS} ${ROOT} /reset /T /Q`,
      `${ICACLS} ${ROOT} /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F *S-1-5-32-545:(OI)(CI)RX /Q`,
      ...['session-data', 'downloads', 'state'].map((f) => `${ICACLS} ${ROOT}\\${f} /inheritance:r /grant:r *S-1-5-18:(OI)(CI)F *S-1-5-32-544:(OI)(CI)F PC-01\\kiosk:(OI)(CI)M /Q`),
    ]);
  });

  it('refuses an account name that could smuggle another grant or switch into icacls', () => {
    for (const bad of ['', 'kiosk /grant Everyone:F', 'a:F', 'Everyone,', 'kiosk ', '"kiosk"']) {
      expect(() => dataFolderPlan(ROOT, bad, ICACLS), bad).toThrow(/is not a usable account name/);
    }
  });

  it('creates the folders, runs every call in order, and stops at the first failing exit code with icacls\' words', async () => {
    const root = path.join(work, 'public-kiosk');
    const seen: string[] = [];
    const failThird: ProgramRunner = async (...call) => {
      seen.push(call[1].join(' '));
      return seen.length === 3 ? { code: 1332, output: 'No mapping between account names and security IDs was done.' } : { code: 0, output: '' };
    };
    const plan = dataFolderPlan(root, 'kiosk', ICACLS);
    await expect(applyDataFolderPlan(plan, failThird)).rejects.toThrow(/\/inheritance:r .* failed \(exit 1332\): No mapping between account names/);
    expect(seen).toHaveLength(3);
    for (const folder of plan.folders) expect(existsSync(folder), folder).toBe(true);
    const ok: ProgramRunner = async () => ({ code: 0, output: '' });
    await expect(applyDataFolderPlan(plan, ok)).resolves.toBe(`prepared ${root} (session-data, downloads, state) for the kiosk account kiosk\n`);
  });

  it('CLI --dry-run prints the plan for the policy\'s install.kioskUser; --kiosk-user wins; a bad name exits 2 and changes nothing', () => {
    const policy = path.join(work, 'machine.yaml');
    writeFileSync(policy, 'install:\n  kioskUser: quay-01\n');
    const env = { PUBLIC_KIOSK_POLICY: policy, ProgramData: 'C:\\ProgramData' };
    const fromPolicy = runCli(['install-folders', '--dry-run'], { env });
    expect(fromPolicy.stderr).toBe('');
    expect(fromPolicy.code).toBe(0);
    expect(fromPolicy.stdout).toBe(describeDataFolderPlan(dataFolderPlan(ROOT, 'quay-01', ICACLS)));
    expect(runCli(['install-folders', '--dry-run', '--kiosk-user', 'kiosk02'], { env }).stdout).toContain(' kiosk02:(OI)(CI)M /Q');
    const bad = runCli(['install-folders', '--dry-run', '--kiosk-user', 'x:F'], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("install-folders: 'x:F' is not a usable account name");
    expect(bad.stdout).toBe('');
    writeFileSync(policy, 'install:\n  kioskUser: "x:F"\n');
    const badPolicy = runCli(['install-folders', '--dry-run'], { env });
    expect(badPolicy.code).toBe(2);
    expect(badPolicy.stderr).toMatch(/machine\.yaml:2:\d+ .*install\.kioskUser.*must be an account name/);
  });
});
