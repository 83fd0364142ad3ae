import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../../support/cli';
import { canDropPrivileges, NOBODY, runAsNobody, unprivilegedRuntime } from '../../support/unprivileged-runtime';
import { auditRecords, makeCliRoots, plant, type CliRoots } from './wipe-fixtures';

// A REAL undeletable file: root cannot be stopped by permissions, so the CLI runs as `nobody` on
// roots it owns, with one folder inside that belongs to root and is read-only.
// The CLI runs from the run's world-readable runtime copy: the checkout may be in a 0700 folder.
const setprivAvailable = canDropPrivileges;
if (!setprivAvailable) console.log('wipe-locked: skipped: needs root and setpriv to run the CLI as an unprivileged user');

let roots: CliRoots;
afterEach(() => roots?.cleanup());

function runCliAsNobody(args: string[]): CliResult {
  const runtime = unprivilegedRuntime();
  return runAsNobody(runtime.node, [runtime.cliEntry, ...args], { cwd: runtime.root, env: { ...process.env, PUBLIC_KIOSK_POLICY: '', HOME: roots.base } });
}

function chownTree(dir: string): void {
  chownSync(dir, NOBODY, NOBODY);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full);
    else chownSync(full, NOBODY, NOBODY);
  }
}

describe.skipIf(!setprivAvailable)('a file that cannot be removed', () => {
  it('is retried with backoff, then the wipe FAILS, is recorded as such, and the kiosk goes out of service (exit 1)', () => {
    roots = makeCliRoots(0);
    plant(roots.sessionData, { 'Default/Cookies': 'c', 'Default/Cache/f_1': 'cache' });
    plant(roots.downloads, { 's1/form.pdf': 'pdf' });
    chownTree(roots.base);
    const locked = path.join(roots.sessionData, 'Default', 'locked');
    mkdirSync(locked);
    writeFileSync(path.join(locked, 'held'), 'still here');
    chmodSync(locked, 0o555);

    const failed = runCliAsNobody(['wipe', '--reason', 'shift-end', ...roots.args]);
    expect(failed.stderr).toBe('');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/FAILED/);
    expect(failed.stdout).toMatch(/error: EACCES on session-data: 1 entries left after 4 attempts/);
    expect(failed.stdout).toMatch(/OUT OF SERVICE \(wipe-failed\)/);
    expect(existsSync(path.join(locked, 'held'))).toBe(true);
    expect(readdirSync(roots.downloads)).toEqual([]);
    const [record, service] = auditRecords(roots.state);
    expect(record).toMatchObject({ type: 'wipe', result: 'failed', verification: 'failed', filesRemoved: 3 });
    expect((record?.errors as string[]).join('\n')).toMatch(/EACCES on session-data.*\n.*verification: session-data not empty/);
    // Four attempts, waiting 250 + 500 + 1000 ms between them: the retries really happened.
    expect(record?.durationMs).toBeGreaterThanOrEqual(1750);
    expect(service).toMatchObject({ type: 'service', state: 'out-of-service', reason: 'wipe-failed' });
    expect(runCli(['status', ...roots.args]).stdout).toMatch(/^Service: OUT OF SERVICE since .* \(wipe-failed\)/);

    // Once the file can go, the next shift wipe succeeds and puts the kiosk back in service.
    chmodSync(locked, 0o777);
    const fixed = runCliAsNobody(['wipe', ...roots.args]);
    expect(fixed.code).toBe(0);
    expect(readdirSync(roots.sessionData)).toEqual([]);
    expect(auditRecords(roots.state).map((r) => `${r.type}:${String(r.result ?? r.state)}`)).toEqual([
      'wipe:failed',
      'service:out-of-service',
      'wipe:succeeded',
      'service:in-service',
    ]);
    expect(runCli(['status', ...roots.args]).stdout).toMatch(/^Service: in service/);
  });
});
