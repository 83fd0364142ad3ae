// `npm run bench:metrics` (not a test): periodic work that must not grow with the kiosk's history.
// `public-kiosk metrics` (what the kiosk's every-minute rewrite runs) and `public-kiosk status` on a
// state root whose audit log holds 200 records against one holding 200,000 (years of sessions), in
// pairs, with the same few records appended to both before each pair (as between two rewrites).
// Goal: large / small ≤ 1.3 for each. The first `metrics` on each log verifies it in full and leaves
// the verified point (src/audit/verify-since.ts): shown on its own line, not in the ratio.
// Unkeyed logs, no OS credential store: the same work on every machine. Needs only `npm run build`.
// BENCH_ROUNDS (default 9) sets the number of pairs; BENCH_LARGE the large log's record count.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { sealLine, sealHead, GENESIS } = require(path.join(repo, 'dist/src/audit/chain.js'));
const { openAuditLog } = require(path.join(repo, 'dist/src/audit/audit-log.js'));
const cli = path.join(repo, 'bin', 'public-kiosk.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const SMALL = 200;
const LARGE = Number(process.env.BENCH_LARGE ?? 200_000);
const GOAL = 1.3;
const env = { ...process.env, PUBLIC_KIOSK_POLICY: '', DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
const base = mkdtempSync(path.join(tmpdir(), 'pk-bench-metrics-'));

/** The record at index i of a kiosk's life: a policy record first, a compliance run daily, sessions and shift wipes. */
function record(i) {
  const at = new Date(Date.UTC(2020, 0, 1) + i * 600_000).toISOString();
  if (i === 0) return { type: 'policy', at, event: 'applied', hash: 'a'.repeat(64) };
  if (i % 144 === 1) {
    return { type: 'compliance', at, platform: 'linux', checks: [{ id: 'remote-access', status: 'pass', severity: 'high' }], counts: { pass: 1, fail: 0, warn: 0, notApplicable: 0, error: 0 } };
  }
  const scope = i % 21 === 0 ? 'shift' : 'session';
  return {
    type: 'wipe', scope, trigger: scope === 'shift' ? 'shift-end' : 'session-end', startedAt: at, endedAt: at, durationMs: 1800,
    filesRemoved: 2400, bytesRemoved: 73400320, verification: 'passed', result: 'succeeded', errors: [], canarySessionsChecked: 3,
  };
}

function writeLog(count) {
  const state = path.join(base, `state-${count}`);
  mkdirSync(state);
  let prev = GENESIS;
  const lines = [];
  for (let i = 0; i < count; i += 1) {
    const line = sealLine({ v: 1, seq: i + 1, prev, alg: 'sha256', rec: record(i) }, null);
    prev = line.seal;
    lines.push(line.text);
  }
  writeFileSync(path.join(state, 'audit.log'), `${lines.join('\n')}\n`);
  writeFileSync(path.join(state, 'audit.head'), JSON.stringify(sealHead(count, prev, 'sha256', null)));
  return state;
}

// CPU time of the command itself, printed beside the wall time: on a shared machine the steadier figure.
const cpuProbe = path.join(base, 'cpu.cjs');
writeFileSync(cpuProbe, "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeSync(2, `\\nBENCH_CPU_US=${u.userCPUTime + u.systemCPUTime}\\n`); });\n");
const cpu = { metrics: { small: [], large: [] }, status: { small: [], large: [] } };

function timed(args, cpuRow) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--require', cpuProbe, cli, ...args], { env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  cpuRow?.push(Number(/BENCH_CPU_US=(\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1000);
  if (result.status !== 0) throw new Error(`public-kiosk ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  if (args[0] === 'metrics' && !/^public_kiosk_audit_log_valid(\{[^}]*\})? 1$/m.test(result.stdout)) throw new Error(`metrics did not call the log valid:\n${result.stdout}`);
  return ms;
}

console.log(`generating audit logs of ${SMALL} and ${LARGE} records …`);
const small = writeLog(SMALL);
const large = writeLog(LARGE);
const mib = (state) => (statSync(path.join(state, 'audit.log')).size / 1048576).toFixed(1);
const sizes = { small: mib(small), large: mib(large) };
const first = { small: timed(['metrics', '--state', small]), large: timed(['metrics', '--state', large]) };

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = { metrics: { small: [], large: [] }, status: { small: [], large: [] } };
let appended = 0;
for (let round = 0; round < ROUNDS; round += 1) {
  // As between two rewrites: a few sessions end on both kiosks.
  for (const state of [small, large]) {
    const log = openAuditLog(state, null);
    for (let i = 0; i < 3; i += 1) await log.append(record(1000 + round * 3 + i));
  }
  appended += 3;
  for (const command of ['metrics', 'status']) {
    rows[command].small.push(timed([command, '--state', small], cpu[command].small));
    rows[command].large.push(timed([command, '--state', large], cpu[command].large));
  }
}
rmSync(base, { recursive: true, force: true });

console.log(`bench:metrics — Node ${process.version}, ${ROUNDS} paired runs (3 records appended to each log before each pair), medians of wall time; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`  logs: ${SMALL} records (${sizes.small} MiB) and ${LARGE} records (${sizes.large} MiB); ${appended} appended to each during the run`);
console.log(`  first metrics on each log (full verification, leaves the verified point): ${first.small.toFixed(0)} ms / ${first.large.toFixed(0)} ms`);
let allMet = true;
for (const command of ['metrics', 'status']) {
  const s = median(rows[command].small);
  const l = median(rows[command].large);
  const ratio = l / s;
  const met = ratio <= GOAL;
  allMet &&= met;
  console.log(`  public-kiosk ${command.padEnd(8)} ${SMALL} records ${s.toFixed(0).padStart(5)} ms  ${LARGE} records ${l.toFixed(0).padStart(5)} ms  ratio ${ratio.toFixed(2)}×  goal ≤ ${GOAL}×  ${met ? 'PASS' : 'MISS'}`);
  const cs = median(cpu[command].small);
  const cl = median(cpu[command].large);
  console.log(`    (CPU time: ${cs.toFixed(0)} ms / ${cl.toFixed(0)} ms, ratio ${(cl / cs).toFixed(2)}×)`);
}
console.log(allMet ? 'bench:metrics: every goal met' : 'bench:metrics: a goal was missed (on a loaded machine, run again when it is quiet)');
