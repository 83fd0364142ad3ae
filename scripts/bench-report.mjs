// `npm run bench:report` (not a test): `public-kiosk report --logs DIR` over 300 and 1,000 kiosks × one
// month (two shift wipes and about 40 session wipes per kiosk per day, keyed logs as a department
// receives them), against a baseline measured in the same run on the same bytes: a plain Node read that
// splits lines and JSON-parses each one. Goals: on one worker (--jobs 1) CPU ≤ 1.5× that baseline;
// on every core ≤ 10 s per 300 kiosks and ≤ 500 MB peak RSS. Prints the speed-up of all cores over one.
// BENCH_KIOSKS=300,1000 and BENCH_ROUNDS=3 choose the sizes and the paired rounds (medians printed).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { sealLine, GENESIS } = require(path.join(repo, 'dist/src/audit/chain.js'));
const { nextShiftEnds } = require(path.join(repo, 'dist/src/schedule/shift-ends.js'));
const { newSigningKey, publicKeyPem } = require(path.join(repo, 'dist/src/audit/signing-key.js'));
const { checkpointRecord, checkpointDueAfter, logStartedRecord } = require(path.join(repo, 'dist/src/audit/signature-records.js'));
const SIZES = (process.env.BENCH_KIOSKS ?? '300,1000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CPU_GOAL = 1.5;
const SESSIONS_PER_DAY = 40;
const GOAL_SECONDS = 10;
const GOAL_MB = 500;

const base = mkdtempSync(path.join(tmpdir(), 'pk-bench-report-'));
const schedule = { timeZone: 'Asia/Ho_Chi_Minh', shiftEnds: ['11:30', '17:00'], days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], warningSeconds: 60 };
const ends = nextShiftEnds(schedule, new Date('2026-02-28T17:00:00Z'), 62);
const policy = path.join(base, 'policy.yaml');
writeFileSync(policy, `paths:\n  sessionData: ${base}/sd\n  downloads: ${base}/dl\n  state: ${base}/st\nschedule:\n  days: [mon, tue, wed, thu, fri, sat, sun]\n`);

function wipe(scope, startMs, result, covered) {
  return {
    type: 'wipe', scope, trigger: scope === 'shift' ? 'shift-end' : 'session-end',
    startedAt: new Date(startMs).toISOString(), endedAt: new Date(startMs + 1800).toISOString(), durationMs: 1800,
    filesRemoved: 2400, bytesRemoved: 73400320, verification: result === 'succeeded' ? 'passed' : 'failed', result,
    errors: result === 'succeeded' ? [] : ['EBUSY on session-data'], wipeId: randomBytes(16).toString('hex'),
    ...(scope === 'shift' ? { credentialEntriesRemoved: 0, coveredShiftEnd: new Date(covered).toISOString() } : {}), canarySessionsChecked: 3,
  };
}

let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
/**
 * Writes `count` kiosk logs for March 2026 into a new folder; the first kiosks are the same in every
 * size. With `signed`, also the same records as a kiosk with a signing key writes them (log-started,
 * a checkpoint after each shift wipe and every 100 records) and the department's keys.yaml.
 */
function generate(count, signed = false) {
  const folder = path.join(base, `logs-${count}`);
  const signedFolder = path.join(base, `signed-${count}`);
  mkdirSync(folder);
  if (signed) mkdirSync(signedFolder);
  const keysYaml = [];
  seed = 7;
  let records = 0;
  for (let k = 0; k < count; k += 1) {
    const key = randomBytes(32);
    let prev = GENESIS;
    let seq = 0;
    const out = [];
    const signer = signed ? newSigningKey() : null;
    const logId = randomBytes(16).toString('hex');
    const sig = { prev: GENESIS, seq: 0, out: [] };
    const sealSigned = (rec) => {
      const line = sealLine({ v: 1, seq: (sig.seq += 1), prev: sig.prev, alg: 'hmac-sha256', rec }, key);
      sig.prev = line.seal;
      sig.out.push(line.text);
    };
    if (signer) sealSigned(logStartedRecord(signer, logId, '2026-03-01T00:00:00.000Z'));
    const push = (rec) => {
      const line = sealLine({ v: 1, seq: (seq += 1), prev, alg: 'hmac-sha256', rec }, key);
      prev = line.seal;
      out.push(line.text);
      if (!signer) return;
      const due = checkpointDueAfter(rec, sig.seq + 1);
      sealSigned(rec);
      if (due) sealSigned(checkpointRecord(signer, logId, { seq: sig.seq, seal: sig.prev }, rec.endedAt));
    };
    for (const end of ends) {
      const at = end.getTime();
      // Half a day's sessions before each shift end, then the shift wipe.
      for (let s = 0; s < SESSIONS_PER_DAY / 2; s += 1) push(wipe('session', at - (4 * 3600_000) + s * 600_000, random() < 0.995 ? 'succeeded' : 'failed'));
      const roll = random();
      if (roll < 0.97) push(wipe('shift', at + (roll < 0.94 ? 120_000 : 3600_000), 'succeeded', at));
      else if (roll < 0.985) push(wipe('shift', at + 120_000, 'failed', at));
    }
    records += seq;
    const name = `kiosk-${String(k + 1).padStart(4, '0')}`;
    writeFileSync(path.join(folder, `${name}.log`), `${out.join('\n')}\n`);
    if (!signer) continue;
    writeFileSync(path.join(signedFolder, `${name}.log`), `${sig.out.join('\n')}\n`);
    const pem = publicKeyPem(signer.publicKey).trim().split('\n').map((l) => `      ${l}`).join('\n');
    keysYaml.push(`${name}:\n  - publicKey: |\n${pem}\n    fingerprint: ${signer.fingerprint}\n    since: 2026-03-01`);
  }
  if (signed) writeFileSync(path.join(base, `keys-${count}.yaml`), `${keysYaml.join('\n')}\n`);
  const bytes = readdirSync(folder).reduce((sum, f) => sum + statSync(path.join(folder, f)).size, 0);
  console.log(`${count} kiosks: ${records} records, ${(bytes / 1048576).toFixed(1)} MiB`);
  return [count, folder];
}
const folders = SIZES.map((count, index) => generate(count, index === 0));

function timed(label, fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { label, seconds, result };
}

const rssProbe = path.join(base, 'rss.cjs');
// Peak RSS and CPU seconds of the process itself: on a shared machine, CPU time is the steadier figure.
writeFileSync(rssProbe, "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeSync(2, `\\nBENCH_RSS_KB=${u.maxRSS} BENCH_CPU_US=${u.userCPUTime + u.systemCPUTime}\\n`); });\n");
const cpuOf = (stderr) => Number(/BENCH_CPU_US=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1e6;
const rssOf = (stderr) => Number(/BENCH_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;

/** The baseline: a plain Node read of the same bytes that splits lines and JSON-parses each one. */
function plainRead(fileList) {
  const probe = `let n=0;for(const f of ${JSON.stringify(fileList)}){for(const l of require('fs').readFileSync(f,'utf8').split('\\n')){if(l){JSON.parse(l);n++}}}console.log(n)`;
  const run = timed('plain', () => spawnSync(process.execPath, ['--require', rssProbe, '-e', probe], { encoding: 'utf8' }));
  return { seconds: run.seconds, cpu: cpuOf(run.result.stderr), rssMb: rssOf(run.result.stderr) };
}

function report(folder, format, jobs, extra = []) {
  const out = path.join(base, `report.${format}`);
  const run = timed('report', () =>
    spawnSync(process.execPath, ['--require', rssProbe, path.join(repo, 'bin/public-kiosk.js'), 'report', '--from', '2026-03-01', '--to', '2026-03-31', '--logs', folder, '--format', format, '--out', out, '--policy', policy, '--jobs', String(jobs), ...extra], {
      encoding: 'utf8',
      env: { ...process.env, PUBLIC_KIOSK_POLICY: '' },
    }),
  );
  if (![0, 1].includes(run.result.status)) throw new Error(`report failed (exit ${run.result.status}): ${run.result.stderr}`);
  return { seconds: run.seconds, cpu: cpuOf(run.result.stderr), rssMb: rssOf(run.result.stderr), outMb: statSync(out).size / 1048576, summary: run.result.stdout.trim() };
}

const cores = availableParallelism();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let ok = true;
const verdict = (pass) => {
  ok &&= pass;
  return pass ? 'MET' : 'NOT MET';
};
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${cores} cores; medians of ${ROUNDS} paired rounds`);
for (const [count, folder] of folders) {
  const fileList = readdirSync(folder).map((f) => path.join(folder, f));
  const plain = [];
  const one = [];
  const many = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    plain.push(plainRead(fileList));
    one.push(report(folder, 'json', 1));
    many.push(report(folder, 'json', cores));
  }
  const p = { seconds: median(plain.map((r) => r.seconds)), cpu: median(plain.map((r) => r.cpu)) };
  const o = { seconds: median(one.map((r) => r.seconds)), cpu: median(one.map((r) => r.cpu)), rssMb: Math.max(...one.map((r) => r.rssMb)) };
  const m = { seconds: median(many.map((r) => r.seconds)), rssMb: Math.max(...many.map((r) => r.rssMb)) };
  const cpuRatio = median(one.map((r, i) => r.cpu / plain[i].cpu));
  const speedUp = median(one.map((r, i) => r.seconds / many[i].seconds));
  console.log(`\n${count} kiosks:`);
  console.log(`  baseline plain read + JSON.parse: ${p.seconds.toFixed(2)} s, CPU ${p.cpu.toFixed(2)} s`);
  console.log(`  report --jobs 1: ${o.seconds.toFixed(2)} s, CPU ${o.cpu.toFixed(2)} s, peak RSS ${o.rssMb.toFixed(0)} MB; CPU ×${cpuRatio.toFixed(2)} the baseline (goal ≤ ${CPU_GOAL}): ${verdict(cpuRatio <= CPU_GOAL)}`);
  console.log(`  report --jobs ${cores}: ${m.seconds.toFixed(2)} s, peak RSS ${m.rssMb.toFixed(0)} MB; speed-up ×${speedUp.toFixed(2)} over --jobs 1 on ${cores} cores`);
  console.log(`  goal ≤ ${GOAL_SECONDS} s and ≤ ${GOAL_MB} MB at ${count} kiosks (--jobs ${cores}): ${verdict(m.seconds <= GOAL_SECONDS * (count / 300) && m.rssMb <= GOAL_MB)}`);
}
// Signatures on: the same records signed, checked against the department's keys (report --keys).
{
  const [count] = folders[0];
  const signedRuns = [];
  const unsignedRuns = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    unsignedRuns.push(report(folders[0][1], 'json', 1));
    signedRuns.push(report(path.join(base, `signed-${count}`), 'json', 1, ['--keys', path.join(base, `keys-${count}.yaml`)]));
  }
  const cpuRatio = median(signedRuns.map((r, i) => r.cpu / unsignedRuns[i].cpu));
  const wallRatio = median(signedRuns.map((r, i) => r.seconds / unsignedRuns[i].seconds));
  console.log(`\nsignatures at ${count} kiosks (--jobs 1): report --keys over the signed logs ${median(signedRuns.map((r) => r.seconds)).toFixed(2)} s (CPU ${median(signedRuns.map((r) => r.cpu)).toFixed(2)} s) = ×${wallRatio.toFixed(2)} the unsigned report (CPU ×${cpuRatio.toFixed(2)})`);
  console.log(signedRuns[0].summary);
}
const html = report(folders[0][1], 'html', cores);
const csv = report(folders[0][1], 'csv', cores);
console.log(`\nHTML ${html.seconds.toFixed(2)} s (${html.outMb.toFixed(1)} MiB), CSV ${csv.seconds.toFixed(2)} s (${csv.outMb.toFixed(1)} MiB) at ${folders[0][0]} kiosks`);
console.log(html.summary);
if (process.env.BENCH_KEEP) console.log(`kept: ${base}`);
else rmSync(base, { recursive: true, force: true });
process.exitCode = ok ? 0 : 1;
