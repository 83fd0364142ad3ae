// `npm run bench:report` (not a test): `public-kiosk report --logs DIR` over 300 kiosks × one month
// (two shift wipes and about 40 session wipes per kiosk per day, keyed logs as a department receives
// them), against baselines measured in the same run on the same bytes: `wc -l`, and a plain Node
// read that counts lines and JSON-parses each one. Goal: ≤ 10 s and ≤ 500 MB (peak RSS) per report.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { sealLine, GENESIS } = require(path.join(repo, 'dist/src/audit/chain.js'));
const { nextShiftEnds } = require(path.join(repo, 'dist/src/schedule/shift-ends.js'));
const { newSigningKey, publicKeyPem } = require(path.join(repo, 'dist/src/audit/signing-key.js'));
const { checkpointRecord, checkpointDueAfter, logStartedRecord } = require(path.join(repo, 'dist/src/audit/signature-records.js'));
const KIOSKS = Number(process.env.BENCH_KIOSKS ?? 300);
const SESSIONS_PER_DAY = 40;
const GOAL_SECONDS = 10;
const GOAL_MB = 500;

const base = mkdtempSync(path.join(tmpdir(), 'pk-bench-report-'));
const logs = path.join(base, 'logs');
mkdirSync(logs);
// The same records signed as a kiosk with a signing key writes them (log-started, a checkpoint after
// each shift wipe and every 100 records), with the department's keys.yaml: `report --keys`.
const signedLogs = path.join(base, 'signed');
mkdirSync(signedLogs);
const keysYaml = [];
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

console.log(`generating ${KIOSKS} kiosk logs for March 2026 …`);
let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
let records = 0;
for (let k = 0; k < KIOSKS; k += 1) {
  const key = randomBytes(32);
  let prev = GENESIS;
  let seq = 0;
  const out = [];
  const signer = newSigningKey();
  const logId = randomBytes(16).toString('hex');
  const signed = { prev: GENESIS, seq: 0, out: [] };
  const sealSigned = (rec) => {
    const line = sealLine({ v: 1, seq: (signed.seq += 1), prev: signed.prev, alg: 'hmac-sha256', rec }, key);
    signed.prev = line.seal;
    signed.out.push(line.text);
  };
  sealSigned(logStartedRecord(signer, logId, '2026-03-01T00:00:00.000Z'));
  const push = (rec) => {
    const line = sealLine({ v: 1, seq: (seq += 1), prev, alg: 'hmac-sha256', rec }, key);
    prev = line.seal;
    out.push(line.text);
    const due = checkpointDueAfter(rec, signed.seq + 1);
    sealSigned(rec);
    if (due) sealSigned(checkpointRecord(signer, logId, { seq: signed.seq, seal: signed.prev }, rec.endedAt));
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
  const name = `kiosk-${String(k + 1).padStart(3, '0')}`;
  writeFileSync(path.join(logs, `${name}.log`), `${out.join('\n')}\n`);
  writeFileSync(path.join(signedLogs, `${name}.log`), `${signed.out.join('\n')}\n`);
  const pem = publicKeyPem(signer.publicKey).trim().split('\n').map((l) => `      ${l}`).join('\n');
  keysYaml.push(`${name}:\n  - publicKey: |\n${pem}\n    fingerprint: ${signer.fingerprint}\n    since: 2026-03-01`);
}
const keysFile = path.join(base, 'keys.yaml');
writeFileSync(keysFile, `${keysYaml.join('\n')}\n`);
const files = readdirSync(logs).map((f) => path.join(logs, f));
const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
console.log(`${files.length} files, ${records} records, ${(bytes / 1048576).toFixed(1)} MiB`);

function timed(label, fn) {
  const start = process.hrtime.bigint();
  const result = fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { label, seconds, result };
}

const wc = timed('wc -l (same bytes)', () => spawnSync('wc', ['-l', ...files], { encoding: 'utf8' }).stdout.trim().split('\n').at(-1));
const rssProbe = path.join(base, 'rss.cjs');
// Peak RSS and CPU seconds of the process itself: on a shared machine, CPU time is the steadier figure.
writeFileSync(rssProbe, "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeSync(2, `\\nBENCH_RSS_KB=${u.maxRSS} BENCH_CPU_US=${u.userCPUTime + u.systemCPUTime}\\n`); });\n");
const cpuOf = (stderr) => Number(/BENCH_CPU_US=(\d+)/.exec(stderr)?.[1] ?? NaN) / 1e6;
const plain = timed('node: read + count lines + JSON.parse each', () => {
  const probe = `let n=0;for(const f of ${JSON.stringify(files)}){for(const l of require('fs').readFileSync(f,'utf8').split('\\n')){if(l){JSON.parse(l);n++}}}console.log(n)`;
  return spawnSync(process.execPath, ['--require', rssProbe, '-e', probe], { encoding: 'utf8' });
});

const variants = [
  ...['json', 'html', 'csv'].map((format) => ({ format, label: `public-kiosk report --format ${format}`, args: ['--logs', logs] })),
  { format: 'json', label: 'public-kiosk report --format json, signed logs, --keys', args: ['--logs', signedLogs, '--keys', keysFile] },
];
const runs = variants.map(({ format, label, args }, index) => {
  const out = path.join(base, `report-${index}.${format}`);
  const run = timed(label, () =>
    spawnSync(process.execPath, ['--require', rssProbe, path.join(repo, 'bin/public-kiosk.js'), 'report', '--from', '2026-03-01', '--to', '2026-03-31', ...args, '--format', format, '--out', out, '--policy', policy], {
      encoding: 'utf8',
      env: { ...process.env, PUBLIC_KIOSK_POLICY: '' },
    }),
  );
  const rssKb = Number(/BENCH_RSS_KB=(\d+)/.exec(run.result.stderr)?.[1] ?? NaN);
  if (![0, 1].includes(run.result.status)) throw new Error(`report failed (exit ${run.result.status}): ${run.result.stderr}`);
  return { ...run, rssMb: rssKb / 1024, cpu: cpuOf(run.result.stderr), outMb: statSync(out).size / 1048576, summary: run.result.stdout.trim() };
});

console.log(`\nbaseline ${wc.label}: ${wc.seconds.toFixed(2)} s (${wc.result})`);
const plainCpu = cpuOf(plain.result.stderr);
console.log(`baseline ${plain.label}: ${plain.seconds.toFixed(2)} s, CPU ${plainCpu.toFixed(2)} s (${plain.result.stdout.trim()} lines)`);
let ok = true;
for (const run of runs) {
  const pass = run.seconds <= GOAL_SECONDS && run.rssMb <= GOAL_MB;
  ok &&= pass;
  console.log(
    `${run.label}: ${run.seconds.toFixed(2)} s (CPU ${run.cpu.toFixed(2)} s), peak RSS ${run.rssMb.toFixed(0)} MB, output ${run.outMb.toFixed(1)} MiB; ` +
      `×${(run.seconds / wc.seconds).toFixed(1)} wc -l, ×${(run.seconds / plain.seconds).toFixed(2)} plain Node parse (CPU ×${(run.cpu / plainCpu).toFixed(2)}); goal ≤ ${GOAL_SECONDS} s and ≤ ${GOAL_MB} MB: ${pass ? 'MET' : 'NOT MET'}`,
  );
}
const [unsigned, , , withKeys] = runs;
console.log(`signatures: report --keys over the signed logs ${withKeys.seconds.toFixed(2)} s (CPU ${withKeys.cpu.toFixed(2)} s) = ×${(withKeys.seconds / unsigned.seconds).toFixed(2)} the unsigned JSON report (CPU ×${(withKeys.cpu / unsigned.cpu).toFixed(2)})`);
console.log(unsigned.summary);
console.log(withKeys.summary);
if (process.env.BENCH_KEEP) console.log(`kept: ${base}`);
else rmSync(base, { recursive: true, force: true });
process.exitCode = ok ? 0 : 1;
