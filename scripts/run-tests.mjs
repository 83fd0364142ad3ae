// `npm test`: set up what the suites need outside npm, run the whole suite (every vitest project),
// run the unit and process-level suites again on Node 24 (the Node inside Electron, which runs the
// packaged kiosk's CLI) where this Node is another major, then print one plain summary line that CI reads.
// The Electron end-to-end suite needs the Electron binary, which cannot be downloaded everywhere;
// it is run by `npm run test:electron`, and this script says in one line whether it was run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { electronBinaryAvailable } from './electron-binary.mjs';
import { ensureTestDeps } from './test-deps/ensure.mjs';
import { SHIPPED_NODE_MAJOR, shippedNodeBinary } from './test-deps/node24.mjs';

// First what the suites need outside npm (Chromium, Xvfb, the Secret Service…): installed here when
// possible, else one message and no test run at all, rather than a mix of failures and skips.
const deps = ensureTestDeps();
if (!deps.ok) {
  console.error(deps.message);
  process.exit(1);
}
console.log(deps.message);

const dir = mkdtempSync(path.join(tmpdir(), 'pk-test-'));

/** Runs vitest on the given Node binary; returns { status, counts } from its JSON report. */
function runVitest(node, label, args) {
  const report = path.join(dir, `${label}.json`);
  const run = spawnSync(node, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], { stdio: 'inherit' });
  try {
    const r = JSON.parse(readFileSync(report, 'utf8'));
    const counts = { passed: r.numPassedTests, failed: r.numFailedTests, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
    return { status: run.status ?? 1, counts };
  } catch {
    // vitest crashed before writing: its own output above says why; the status fails the run.
    return { status: run.status || 1, counts: null };
  }
}

const line = (label, counts) => (counts ? `${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped` : `${label}: no report was written`);

const runs = [{ label: `all projects on Node ${process.versions.node}`, ...runVitest(process.execPath, 'all', process.argv.slice(2)) }];
const thisMajor = Number(process.versions.node.split('.')[0]);
if (thisMajor !== SHIPPED_NODE_MAJOR && process.argv.length <= 2) {
  const node = shippedNodeBinary();
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`\nThe unit and process-level suites again on Node ${version} (Electron's Node major, which runs the packaged CLI):`);
  // `unit` and `slow` (crash points, keyring sessions, real services: where Node's fs, child processes
  // and signals speak). The random-kill soak (`soak`: 200 SIGKILLs, a second line behind the
  // deterministic crash points, which do run here) is timing, not Node semantics: once per `npm test`.
  runs.push({ label: `unit and slow on Node ${version}`, ...runVitest(node, 'node24', ['--project', 'unit', '--project', 'slow']) });
}
rmSync(dir, { recursive: true, force: true });

if (electronBinaryAvailable()) {
  console.log('test:electron: an Electron binary is present; run `npm run test:electron` for the Electron end-to-end suite.');
} else {
  console.log('test:electron: not run here: no Electron binary on this machine (it cannot be downloaded); run `npm run test:electron` where it can.');
}
for (const run of runs) console.log(line(run.label, run.counts));
const total = runs.reduce(
  (sum, run) => ({ passed: sum.passed + (run.counts?.passed ?? 0), failed: sum.failed + (run.counts?.failed ?? 0), skipped: sum.skipped + (run.counts?.skipped ?? 0) }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(line('tests', total));
process.exit(runs.every((run) => run.status === 0 && run.counts !== null) ? 0 : 1);
