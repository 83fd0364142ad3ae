// `npm run test:node24`: the unit and process-level (`slow`) suites on Node 24, the Node inside
// Electron that runs the packaged kiosk's CLI. Fetches the Node 24 binary from the npm registry first
// where this Node is another major.
import { spawnSync } from 'node:child_process';
import { ensureTestDeps } from './test-deps/ensure.mjs';
import { node24Tool, shippedNodeBinary } from './test-deps/node24.mjs';

const deps = ensureTestDeps({ packages: [], toolList: [node24Tool] });
if (!deps.ok) {
  console.error(deps.message);
  process.exit(1);
}
const run = spawnSync(shippedNodeBinary(), ['node_modules/vitest/vitest.mjs', 'run', '--project', 'unit', '--project', 'slow', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
