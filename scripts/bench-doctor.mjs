// `npm run bench:doctor` (not a test): `public-kiosk doctor --json` with the bundled default policy on
// this Linux machine, wall time per run, against baselines measured in the same run: `node -e ''`
// (process start), `public-kiosk status` (a CLI command that loads the policy and reads state) and the
// doctor's slowest probe alone (`apt-get -s dist-upgrade`, LANG=C), so a loaded machine shows as such.
// Goal: doctor <= 3 s wall. The figure includes every probe; they run side by side.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(repo, 'bin', 'public-kiosk.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const state = mkdtempSync(path.join(tmpdir(), 'pk-bench-doctor-'));
const env = { ...process.env, PUBLIC_KIOSK_POLICY: '' };

function time(args, program = process.execPath, extraEnv = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(program, args, { env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, code: result.status, stdout: result.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = { node: [], status: [], apt: [], doctor: [] };
let last = null;
for (let round = 0; round < ROUNDS; round += 1) {
  rows.node.push(time(['-e', '']).ms);
  rows.status.push(time([cli, 'status', '--state', state]).ms);
  rows.apt.push(time(['-s', '-o', 'Debug::NoLocking=1', 'dist-upgrade'], 'apt-get', { LANG: 'C', LC_ALL: 'C' }).ms);
  last = time([cli, 'doctor', '--json']);
  if (last.code !== 0 && last.code !== 1) throw new Error(`doctor exited ${last.code}`);
  rows.doctor.push(last.ms);
}
rmSync(state, { recursive: true, force: true });

const report = JSON.parse(last.stdout);
const doctor = median(rows.doctor);
console.log(`doctor checks: ${report.checks.map((c) => `${c.id}=${c.status}`).join(' ')}`);
console.log(`rounds: ${ROUNDS}; medians (wall): node -e '' ${median(rows.node).toFixed(0)} ms, public-kiosk status ${median(rows.status).toFixed(0)} ms, apt-get -s dist-upgrade alone ${median(rows.apt).toFixed(0)} ms, public-kiosk doctor ${doctor.toFixed(0)} ms`);
console.log(`ratios: doctor / node start ${(doctor / median(rows.node)).toFixed(1)}x, doctor / status ${(doctor / median(rows.status)).toFixed(1)}x, doctor / apt-get -s alone ${(doctor / median(rows.apt)).toFixed(2)}x`);
console.log(`goal: doctor <= 3000 ms wall: ${doctor <= 3000 ? 'MET' : 'NOT MET'} (${doctor.toFixed(0)} ms; load average ${(await import('node:os')).loadavg()[0].toFixed(1)})`);
