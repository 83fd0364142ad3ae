// `npm run bench:forward` (not a test): a 100,000-record audit-log backlog forwarded to a local
// rsyslog over RELP-TLS by the kiosk's forwarder (read the log, format RFC 5424, windowed RELP,
// cursor saved), against the same message bytes written raw over TLS (RFC 5425 octet counting, no
// acknowledgement) as the ceiling, in the same run and to the same rsyslog. Both are timed until
// the receiver has written every message to its file.
// Goal: RELP-TLS >= 0.5 of the ceiling and >= 5,000 records/s. Also printed: CPU ms per 1,000 records
// of each side (forwarder / raw writer, rsyslogd for each): steadier than wall time on a busy machine,
// and it tells a busy side from round-trip waiting. Knobs: BENCH_RECORDS, BENCH_ROUNDS, BENCH_WINDOW
// (RELP window), BENCH_PLAIN_RELP=1 (RELP without TLS, for comparison), BENCH_CPU_PROF=PREFIX (a CPU
// profile of the forwarding part only).
//
// Why 0.5 is out of reach here (2 cores, load 11-17, 30,000 records x 3 rounds, medians, CPU ms per
// 1,000 records): rsyslogd itself spends 17-20 on RELP-TLS against 7 on raw TLS of the same bytes
// (imrelp's work per acknowledged frame: 15 with plain RELP, so it is not TLS); the forwarder spends
// 23-25 (35 before batching: reading and parsing the log, formatting, framing, TLS, cursor saves; the
// raw writer only encrypts pre-formatted bytes, 5.6). Both sides on one machine: the ratio is bounded
// by 12-13 / 41-44 = ~0.3. Each side on its own core: by the slower side, 7 / 19 ~ 0.37 even for a
// forwarder that cost nothing. Wall-time ratios here swing 0.2-0.65 with the load.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { connect as tlsConnect } from 'node:tls';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { GENESIS, sealLine } = require(path.join(repo, 'dist/src/audit/chain.js'));
const { createForwarding } = require(path.join(repo, 'dist/src/forwarding/forwarding.js'));
const { auditLogFiles, readRecordsFrom } = require(path.join(repo, 'dist/src/forwarding/log-reader.js'));
const { syslogMessage, octetCounted } = require(path.join(repo, 'dist/src/forwarding/syslog-message.js'));
const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

const base = mkdtempSync(path.join(tmpdir(), 'pk-bench-forward-'));
const at = (...parts) => path.join(base, ...parts);
const q = JSON.stringify;

function openssl(args) {
  const result = spawnSync('openssl', args, { cwd: base, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`);
}
function makePki() {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl(['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=Bench CA']);
  writeFileSync(at('server.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n');
  writeFileSync(at('client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const name of ['server', 'client']) {
    openssl(['req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
    openssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '1', '-extfile', `${name}.ext`]);
  }
}
async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}
async function waitFor(check, what, timeoutMs = 120_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await delay(5);
  }
}
/** CPU time (ms) rsyslogd has used so far, from /proc (Linux): shows which side the time goes to. */
const receiverCpuMs = (pid) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return NaN;
  }
};
const sizeOf = (file) => { try { return statSync(file).size; } catch { return 0; } };

/** BENCH_CPU_PROF=PREFIX: a CPU profile of the forwarding part only (PREFIX.ROUND.cpuprofile). */
async function startProfile() {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

function writeBacklog(stateRoot) {
  mkdirSync(stateRoot, { recursive: true });
  const out = [];
  let prev = GENESIS;
  const start = Date.UTC(2026, 10, 28, 1, 0, 0);
  for (let seq = 1; seq <= RECORDS; seq += 1) {
    const rec = { type: 'wipe', scope: 'session', trigger: 'session-end', startedAt: new Date(start + seq * 1000).toISOString(), endedAt: new Date(start + seq * 1000 + 900).toISOString(), durationMs: 900, filesRemoved: 42, bytesRemoved: 1048576 + seq, verification: 'passed', result: 'succeeded', errors: [], wipeId: seq.toString(16).padStart(32, '0'), canarySessionsChecked: 1 };
    const line = sealLine({ v: 1, seq, prev, alg: 'sha256', rec }, null);
    out.push(`${line.text}\n`);
    prev = line.seal;
  }
  const text = out.join('');
  writeFileSync(path.join(stateRoot, 'audit.log'), text);
  return Buffer.byteLength(text);
}

async function main() {
  makePki();
  const ports = { relp: await freePort(), tls: await freePort(), plainRelp: await freePort() };
  mkdirSync(at('work'));
  writeFileSync(at('rsyslog.conf'), [
    `global(workDirectory=${q(at('work'))} maxMessageSize="64k" defaultNetstreamDriverCAFile=${q(at('ca.pem'))} defaultNetstreamDriverCertFile=${q(at('server.pem'))} defaultNetstreamDriverKeyFile=${q(at('server.key'))})`,
    'module(load="imrelp")',
    'module(load="imtcp" StreamDriver.Name="gtls" StreamDriver.Mode="1" StreamDriver.AuthMode="anon")',
    'template(name="msgOnly" type="string" string="%msg%\\n")',
    `ruleset(name="relp") { action(type="omfile" file=${q(at('relp.log'))} template="msgOnly") }`,
    `ruleset(name="tls") { action(type="omfile" file=${q(at('tls.log'))} template="msgOnly") }`,
    `input(type="imrelp" address="127.0.0.1" port="${ports.relp}" ruleset="relp" tls="on" tls.caCert=${q(at('ca.pem'))} tls.myCert=${q(at('server.pem'))} tls.myPrivKey=${q(at('server.key'))} tls.authMode="certvalid")`,
    `input(type="imtcp" address="127.0.0.1" port="${ports.tls}" ruleset="tls")`,
    // Plain RELP on the same receiver, only for BENCH_PLAIN_RELP=1 (to see what TLS costs the receiver).
    `input(type="imrelp" address="127.0.0.1" port="${ports.plainRelp}" ruleset="relp")`,
    '',
  ].join('\n'));
  const rsyslog = spawn('/usr/sbin/rsyslogd', ['-n', '-f', at('rsyslog.conf'), '-i', at('rsyslogd.pid')], { stdio: 'inherit' });
  try {
    await waitFor(() => spawnSync('ss', ['-Hltn', `sport = :${ports.tls}`], { encoding: 'utf8' }).stdout.includes('LISTEN') && spawnSync('ss', ['-Hltn', `sport = :${ports.relp}`], { encoding: 'utf8' }).stdout.includes('LISTEN'), 'rsyslogd to listen');
    const results = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const stateRoot = at(`state-${round}`);
      const logBytes = writeBacklog(stateRoot);
      // The receiver writes each MSG (the log line) plus a newline: exactly the log's bytes per run.
      const relpFile = at('relp.log');
      const tlsFile = at('tls.log');
      const relpStart = sizeOf(relpFile);
      const forwarding = createForwarding({
        stateRoot,
        destinations: [process.env.BENCH_PLAIN_RELP
          ? { host: '127.0.0.1', port: ports.plainRelp, transport: 'relp' }
          : { host: '127.0.0.1', port: ports.relp, transport: 'relp-tls', ca: at('ca.pem'), cert: at('client.pem'), key: at('client.key') }],
        software: 'public-kiosk,bench',
        hostname: 'bench-kiosk',
        ...(process.env.BENCH_WINDOW ? { sender: { window: Number(process.env.BENCH_WINDOW) } } : {}),
      });
      const cpu0 = process.cpuUsage();
      const receiver0 = receiverCpuMs(rsyslog.pid);
      let t0 = performance.now();
      if (process.env.BENCH_PROFILE) {
        console.time('read backlog');
        await forwarding.backlog();
        console.timeEnd('read backlog');
      }
      const profiler = process.env.BENCH_CPU_PROF ? await startProfile() : null;
      const [outcome] = await forwarding.forwardAll();
      if (profiler) await profiler.stop(`${process.env.BENCH_CPU_PROF}.${round}.cpuprofile`);
      if (outcome.error || outcome.sent !== RECORDS) throw new Error(`RELP-TLS run failed: ${JSON.stringify(outcome)}`);
      const relpAcked = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const clientCpuMs = (cpu.user + cpu.system) / 1000;
      await waitFor(() => sizeOf(relpFile) - relpStart >= logBytes, 'the RELP output');
      const relpMs = performance.now() - t0;
      const relpReceiverMs = receiverCpuMs(rsyslog.pid) - receiver0;

      // Ceiling: the same messages, pre-formatted, written raw over TLS with no acknowledgement.
      const [log] = await auditLogFiles(stateRoot);
      const { records } = await readRecordsFrom(log, 0);
      const framed = Buffer.from(records.map((r) => octetCounted(syslogMessage(r, { hostname: 'bench-kiosk' }))).join(''), 'utf8');
      const tlsStart = sizeOf(tlsFile);
      const receiver1 = receiverCpuMs(rsyslog.pid);
      const rawCpu0 = process.cpuUsage();
      t0 = performance.now();
      const socket = tlsConnect({ host: '127.0.0.1', port: ports.tls, ca: [readFileSync(at('ca.pem'))] });
      await new Promise((resolve, reject) => { socket.once('secureConnect', resolve); socket.once('error', reject); });
      socket.end(framed);
      await waitFor(() => sizeOf(tlsFile) - tlsStart >= logBytes, 'the TLS output');
      const tlsMs = performance.now() - t0;
      const tlsReceiverMs = receiverCpuMs(rsyslog.pid) - receiver1;
      const rawCpu = process.cpuUsage(rawCpu0);
      const rawClientCpuMs = (rawCpu.user + rawCpu.system) / 1000;
      socket.destroy();
      const relpRate = RECORDS / (relpMs / 1000);
      const tlsRate = RECORDS / (tlsMs / 1000);
      const per1k = (ms) => (ms * 1000) / RECORDS;
      results.push({
        relpRate, tlsRate, ratio: relpRate / tlsRate,
        relpClient: per1k(clientCpuMs), relpReceiver: per1k(relpReceiverMs), rawClient: per1k(rawClientCpuMs), rawReceiver: per1k(tlsReceiverMs),
      });
      console.log(`round ${round}: RELP-TLS ${relpMs.toFixed(0)} ms (all acknowledged at ${relpAcked.toFixed(0)} ms) = ${relpRate.toFixed(0)} records/s; raw TLS ${tlsMs.toFixed(0)} ms = ${tlsRate.toFixed(0)} records/s; ratio ${(relpRate / tlsRate).toFixed(2)}`);
      console.log(`  CPU ms per 1,000 records: RELP-TLS forwarder ${per1k(clientCpuMs).toFixed(1)} (read + format + frame + TLS + cursor), rsyslogd ${per1k(relpReceiverMs).toFixed(1)}; raw TLS writer ${per1k(rawClientCpuMs).toFixed(1)} (TLS only, pre-formatted), rsyslogd ${per1k(tlsReceiverMs).toFixed(1)}`);
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const m = (key) => median(results.map((r) => r[key]));
    const best = Math.max(...results.map((r) => r.ratio));
    const ratio = m('ratio');
    const rate = m('relpRate');
    const relpCpu = m('relpClient') + m('relpReceiver');
    const rawCpu = m('rawClient') + m('rawReceiver');
    console.log(`\n${RECORDS} records, ${ROUNDS} round(s), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${availableParallelism()} core(s). Medians:`);
    console.log(`  CPU ms per 1,000 records  forwarder/writer  rsyslogd  both`);
    console.log(`  RELP-TLS                  ${m('relpClient').toFixed(1).padStart(16)}  ${m('relpReceiver').toFixed(1).padStart(8)}  ${relpCpu.toFixed(1)}`);
    console.log(`  raw TLS                   ${m('rawClient').toFixed(1).padStart(16)}  ${m('rawReceiver').toFixed(1).padStart(8)}  ${rawCpu.toFixed(1)}`);
    console.log(`  rsyslogd alone spends ${(m('relpReceiver') / m('rawReceiver')).toFixed(1)}x the CPU per record on RELP-TLS that it spends on raw TLS; CPU-bound ratio ceiling (both sides on one machine) ~${(rawCpu / relpCpu).toFixed(2)}`);
    console.log(`  throughput: RELP-TLS ${rate.toFixed(0)} records/s, ratio to raw TLS ${ratio.toFixed(2)} (best round ${best.toFixed(2)})`);
    const met = ratio >= 0.5 && rate >= 5000;
    console.log(`GOAL (RELP-TLS >= 0.5 x raw TLS and >= 5,000 records/s): ${met ? 'MET' : 'NOT MET'} (ratio ${ratio.toFixed(2)}, ${rate.toFixed(0)} records/s)`);
    process.exitCode = met ? 0 : 1;
  } finally {
    rsyslog.kill('SIGTERM');
    await new Promise((resolve) => (rsyslog.exitCode === null ? rsyslog.once('exit', resolve) : resolve()));
    rmSync(base, { recursive: true, force: true });
  }
}

await main();
