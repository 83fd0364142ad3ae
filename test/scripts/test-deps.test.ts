import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { setprivArgs, unprivilegedRuntime } from '../support/unprivileged-runtime';

/**
 * `npm test` sets up its own system packages (scripts/test-deps/). Proven here with a small package
 * that is not installed (Debian's `hello`), named through PUBLIC_KIOSK_TEST_DEPS_REQUIRE, so that the
 * real suites' Chromium is never removed: as root the setup installs it; as a user who cannot install,
 * `npm test`'s runner stops before any test with one message and the one command.
 */
const root = path.resolve(__dirname, '..', '..');
const probe = 'hello';
const isRoot = process.getuid?.() === 0;
const installed = () => spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', probe], { encoding: 'utf8' }).stdout.trim() === 'installed';
// Root is needed to act as another user and to install; CI runs as root, so there this never skips.
const skip = !isRoot && !process.env.CI;

describe.skipIf(skip)('npm test installs what its suites need, or stops with one message', () => {
  const wasInstalled = installed();
  afterAll(() => {
    if (!wasInstalled && installed()) spawnSync('dpkg', ['--remove', probe], { stdio: 'ignore' });
  }, 120_000);

  it('as a user without root or sudo: exit 1 before any test, one message naming the package and the command', () => {
    if (wasInstalled) spawnSync('dpkg', ['--remove', probe], { stdio: 'ignore' });
    expect(installed()).toBe(false);
    // From the run's world-readable runtime copy: `nobody` cannot reach a checkout in a 0700 folder.
    const runtime = unprivilegedRuntime();
    const run = spawnSync('setpriv', setprivArgs(runtime.node, ['scripts/run-tests.mjs']), {
      cwd: runtime.root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PUBLIC_KIOSK_TEST_DEPS_REQUIRE: probe, HOME: '/tmp' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`  ${probe}: named in PUBLIC_KIOSK_TEST_DEPS_REQUIRE`);
    expect(run.stderr).toContain(`sudo apt-get update && sudo apt-get install -y --no-install-recommends ${probe}`);
    expect(run.stderr).toContain('cannot install them without root or passwordless sudo');
    // Nothing ran: vitest never started, so no test count or summary line.
    expect(run.stdout).not.toMatch(/RUN|passed|failed/);
    expect(installed()).toBe(false);
  }, 120_000);

  it('as root: installs the missing package with apt-get, says what it installs, then reports all present', () => {
    expect(installed()).toBe(false);
    const run = spawnSync(process.execPath, ['scripts/test-deps/ensure.mjs'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, PUBLIC_KIOSK_TEST_DEPS_REQUIRE: probe },
    });
    expect(run.stderr + run.stdout).not.toContain('could not install');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`installing 1 missing system package(s) with apt-get (root): ${probe}`);
    expect(run.stdout).toMatch(/test setup: \d+ system package\(s\) and \d+ tool\(s\) present/);
    expect(installed()).toBe(true);
  }, 300_000);
});
