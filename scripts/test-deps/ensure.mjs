// Checks, and where it may installs, what the test suites need outside npm (system-packages.mjs).
// Like `playwright install --with-deps`: as root or with passwordless sudo it installs the missing
// Debian packages with apt-get and says what it installs; otherwise it stops before any test runs with
// one message naming what is missing and the one command that installs it. Never half a suite.
//
// Usage: node scripts/test-deps/ensure.mjs [--check]   (--check: report only, install nothing)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { aptPackages, tools } from './system-packages.mjs';

/**
 * The packages this run needs: the list, plus any named in PUBLIC_KIOSK_TEST_DEPS_REQUIRE (comma
 * separated) — how the setup's own test makes a package "missing" without removing Chromium.
 */
export function requiredAptPackages(env = process.env) {
  const extra = (env.PUBLIC_KIOSK_TEST_DEPS_REQUIRE ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  return [...aptPackages, ...extra.map((name) => ({ name, for: 'named in PUBLIC_KIOSK_TEST_DEPS_REQUIRE' }))];
}

/** Names of the packages dpkg does not report as installed; null where there is no dpkg (not Debian). */
export function missingAptPackages(packages = aptPackages) {
  const probe = spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) return null;
  return packages.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Status}', p.name], { encoding: 'utf8' });
    return r.status !== 0 || r.stdout.trim() !== 'installed';
  });
}

/** 'root', 'sudo' (passwordless) or null: how apt-get may be run here. */
export function installPrivilege() {
  if (process.getuid?.() === 0) return 'root';
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
  return !sudo.error && sudo.status === 0 ? 'sudo' : null;
}

function run(privilege, command, args, log) {
  const [file, argv] = privilege === 'sudo' ? ['sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', command, ...args]] : [command, args];
  log(`$ ${[file, ...argv].join(' ')}`);
  const r = spawnSync(file, argv, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return !r.error && r.status === 0;
}

export function installCommand(names) {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${names.join(' ')}`;
}

/**
 * Returns { ok, message }. `install: false` only reports. `privilege` and `packages` are parameters so
 * that a test can drive both paths with its own list.
 */
export function ensureTestDeps({ install = true, packages = requiredAptPackages(), toolList = tools, privilege = installPrivilege(), log = console.log } = {}) {
  const missing = missingAptPackages(packages);
  if (missing === null) {
    const names = packages.map((p) => p.name);
    return { ok: false, message: `npm test needs these Debian packages and this machine has no dpkg to check them: ${names.join(', ')}.\nOn Debian or Ubuntu: ${installCommand(names)}` };
  }
  if (missing.length > 0) {
    const names = missing.map((p) => p.name);
    if (!install || privilege === null) {
      const why = missing.map((p) => `  ${p.name}: ${p.for}`).join('\n');
      return { ok: false, message: `npm test needs ${names.length} system package(s) that are missing, and ${install ? 'cannot install them without root or passwordless sudo' : 'was told not to install'}:\n${why}\nInstall them with:\n  ${installCommand(names)}\nthen run npm test again.` };
    }
    log(`test setup: installing ${names.length} missing system package(s) with apt-get (${privilege}): ${names.join(' ')}`);
    for (const p of missing) log(`  ${p.name}: ${p.for}`);
    const installed = run(privilege, 'apt-get', ['update', '-qq'], log) && run(privilege, 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], log);
    const still = missingAptPackages(missing) ?? missing;
    if (!installed || still.length > 0) {
      const left = still.map((p) => p.name);
      return { ok: false, message: `test setup: apt-get could not install ${left.join(', ') || names.join(', ')} (see its output above). Install them with:\n  ${installCommand(left.length ? left : names)}\nthen run npm test again.` };
    }
  }
  const absentTools = toolList.filter((t) => !t.present());
  for (const tool of absentTools) {
    if (!install) return { ok: false, message: `test setup: ${tool.name} (${tool.for}) is missing; run npm test (or node scripts/test-deps/ensure.mjs) to fetch it.` };
    log(`test setup: fetching ${tool.name} (${tool.for})`);
    try {
      tool.install(log);
    } catch (error) {
      return { ok: false, message: `test setup: could not fetch ${tool.name} (${tool.for}): ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!tool.present()) return { ok: false, message: `test setup: ${tool.name} is still missing after fetching it.` };
  }
  return { ok: true, message: `test setup: ${packages.length} system package(s) and ${toolList.length} tool(s) present` };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = ensureTestDeps({ install: !process.argv.includes('--check') });
  (result.ok ? console.log : console.error)(result.message);
  process.exit(result.ok ? 0 : 1);
}
