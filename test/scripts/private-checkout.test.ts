import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chownTree } from '../src/cli/report-fixtures';
import { makeCliRoots, plant } from '../src/cli/wipe-fixtures';
import { canDropPrivileges, closedAncestor, makeWorldReadableRuntime, productionPackages, repoRoot, runAsNobody } from '../support/unprivileged-runtime';

/**
 * `npm test` from a checkout in a private folder (root's home, a `mktemp -d`: mode 0700). The tests
 * that run the CLI as `nobody` use a world-readable copy of the built runtime; proven here with a copy
 * of this checkout inside a fresh 0700 folder: from the checkout itself `nobody` cannot even load the
 * CLI (the control), from the runtime copy made of it the same wipe as `nobody` succeeds, and the
 * private folder stays private.
 */
if (!canDropPrivileges) console.log('private-checkout: skipped: needs root and setpriv to run a process as an unprivileged user');

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** A checkout as `git clone` + `npm install` + `npm run build` leave it, inside a fresh 0700 folder. */
function privateCheckout(): string {
  const home = mkdtempSync(path.join(tmpdir(), 'pk-private-home-'));
  made.push(home);
  expect(statSync(home).mode & 0o777).toBe(0o700);
  const checkout = path.join(home, 'public-kiosk');
  mkdirSync(checkout);
  for (const part of ['bin', 'dist', 'policies', 'scripts', 'package.json']) cpSync(path.join(repoRoot, part), path.join(checkout, part), { recursive: true });
  for (const name of productionPackages(repoRoot)) cpSync(path.join(repoRoot, 'node_modules', name), path.join(checkout, 'node_modules', name), { recursive: true });
  return checkout;
}

describe.skipIf(!canDropPrivileges)('a checkout in a 0700 folder', () => {
  it('the CLI as nobody: fails from the checkout itself, succeeds from the runtime copy; the checkout keeps its modes', () => {
    const checkout = privateCheckout();
    const home = path.dirname(checkout);
    const roots = makeCliRoots(0);
    made.push(roots.base);
    plant(roots.sessionData, { 'Default/Cookies': 'c' });
    plant(roots.downloads, { 's1/form.pdf': 'pdf' });
    chownTree(roots.base);
    const env = { ...process.env, PUBLIC_KIOSK_POLICY: '', HOME: roots.base };
    const args = ['wipe', '--reason', 'shift-end', ...roots.args];

    // The control: what the three privilege-dropping tests did before, from a private checkout.
    const direct = runAsNobody(process.execPath, [path.join(checkout, 'bin', 'public-kiosk.js'), ...args], { cwd: '/', env });
    expect(direct.code).not.toBe(0);
    expect(direct.stderr).toMatch(/Cannot find module|EACCES|permission denied/i);
    expect(readdirSync(roots.downloads)).toEqual(['s1']);

    const runtimeDir = mkdtempSync(path.join(tmpdir(), 'pk-runtime-test-'));
    made.push(runtimeDir);
    const runtime = makeWorldReadableRuntime(checkout, runtimeDir);
    expect(closedAncestor(runtime.cliEntry)).toBeNull();
    const viaCopy = runAsNobody(runtime.node, [runtime.cliEntry, ...args], { cwd: runtime.root, env });
    expect(viaCopy.stderr).toBe('');
    expect(viaCopy.code).toBe(0);
    expect(viaCopy.stdout).toMatch(/SUCCEEDED/);
    expect(readdirSync(roots.downloads)).toEqual([]);

    // Nothing was opened up: the private folder and the checkout keep their modes.
    expect(statSync(home).mode & 0o777).toBe(0o700);
    expect(closedAncestor(checkout)).toBe(home);
  }, 120_000);

  it('refuses to make a runtime copy where other users cannot reach it, naming the closed folder', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'pk-private-home-'));
    made.push(home);
    expect(() => makeWorldReadableRuntime(repoRoot, path.join(home, 'runtime'))).toThrow(new RegExp(`${home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is closed to them \\(mode 700\\)`));
  });
});
