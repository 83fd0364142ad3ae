// `npm test`: the whole suite (unit, browser and windows projects), then one plain summary line that CI reads.
// The Electron end-to-end suite needs the Electron binary, which cannot be downloaded everywhere;
// it is run by `npm run test:electron`, and this script says in one line whether it was run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { electronBinaryAvailable } from './electron-binary.mjs';
import { ensureTestDeps } from './test-deps/ensure.mjs';

// First what the suites need outside npm (Chromium, Xvfb, the Secret Service…): installed here when
// possible, else one message and no test run at all, rather than a mix of failures and skips.
const deps = ensureTestDeps();
if (!deps.ok) {
  console.error(deps.message);
  process.exit(1);
}
console.log(deps.message);

const dir = mkdtempSync(path.join(tmpdir(), 'pk-test-'));
const report = path.join(dir, 'report.json');
const vitest = spawnSync(
  process.execPath,
  ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

let summary = 'tests: no report was written';
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  summary = `tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`;
} catch {
  // vitest crashed before writing: its own output above says why; the exit code below fails the run.
}
rmSync(dir, { recursive: true, force: true });

if (electronBinaryAvailable()) {
  console.log('test:electron: an Electron binary is present; run `npm run test:electron` for the Electron end-to-end suite.');
} else {
  console.log('test:electron: not run here: no Electron binary on this machine (it cannot be downloaded); run `npm run test:electron` where it can.');
}
console.log(summary);
process.exit(vitest.status ?? 1);
