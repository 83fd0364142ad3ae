// `npm run bench:wipe` (not a test): `public-kiosk wipe` against `rm -rf` of an identical copy, in the
// same run, on trees laid out like a Chromium profile (>= 20,000 small files plus large ones).
// Goal: wipe / rm -rf <= 1.1, journal, measuring, verification and audit record included.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { createSessionCanaries, rememberCanaries, canaryValues } = require(path.join(repo, 'dist/src/wipe/canaries.js'));
const { scanForCanaries } = require(path.join(repo, 'dist/src/wipe/canary-scan.js'));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MiB = 1024 * 1024;

/** Deterministic sizes, so both copies are byte-for-byte the same shape. */
function* sizes(seed) {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield x;
  }
}

function generate(root) {
  const rand = sizes(42);
  const small = (n, dir, name, min, max) => {
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < n; i += 1) {
      const size = min + (rand.next().value % (max - min));
      writeFileSync(path.join(dir, name(i)), Buffer.alloc(size, i % 251));
    }
    return n;
  };
  const big = (n, dir, name, size) => {
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < n; i += 1) writeFileSync(path.join(dir, name(i)), Buffer.alloc(size, 7 + i));
    return n;
  };
  const sd = path.join(root, 'session-data');
  let files = 0;
  for (let s = 0; s < 4; s += 1) {
    const p = path.join(sd, 'Partitions', `citizen-${s}`);
    files += small(3200, path.join(p, 'Cache', 'Cache_Data'), (i) => `f_${i.toString(16).padStart(6, '0')}`, 512, 12_000);
    files += small(800, path.join(p, 'Code Cache', 'js'), (i) => `${(i * 2654435761).toString(16)}_0`, 1_000, 16_000);
    files += small(150, path.join(p, 'IndexedDB', 'http_portal.gov.vn_0.indexeddb.leveldb'), (i) => `${String(i).padStart(6, '0')}.ldb`, 2_000, 60_000);
    files += small(600, path.join(p, 'Service Worker', 'CacheStorage', 'a1b2c3', 'd4e5f6'), (i) => `${i.toString(16)}_0`, 800, 9_000);
    files += small(250, path.join(p, 'File System', '000', 'p', '00'), (i) => String(i).padStart(8, '0'), 100, 4_000);
    files += small(20, path.join(p, 'Local Storage', 'leveldb'), (i) => `${String(i).padStart(6, '0')}.log`, 100, 4_000);
    files += small(10, path.join(p, 'Session Storage'), (i) => `${String(i).padStart(6, '0')}.log`, 100, 4_000);
    files += small(30, path.join(p, 'GPUCache'), (i) => `data_${i}`, 1_000, 8_000);
    files += big(3, path.join(p, 'Cache', 'Cache_Data'), (i) => `f_big${i}`, 20 * MiB);
    files += big(2, path.join(p, 'IndexedDB', 'http_portal.gov.vn_0.indexeddb.blob', '1', '00'), (i) => `${i + 1}`, 10 * MiB);
  }
  files += small(40, path.join(sd, 'Crashpad', 'pending'), (i) => `r${i}.dmp`, 10_000, 60_000);
  const dl = path.join(root, 'downloads');
  for (let s = 0; s < 30; s += 1) files += small(4, path.join(dl, `citizen-${s}`), (i) => `giay-to-${i}.pdf`, 20_000, 400_000);
  files += big(5, path.join(dl, 'citizen-big'), (i) => `ho-so-${i}.pdf`, 25 * MiB);
  mkdirSync(path.join(root, 'state'), { recursive: true });
  return files;
}

function timed(fn) {
  const started = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const base = mkdtempSync(path.join(tmpdir(), 'pk-bench-'));
const results = [];
try {
  for (let round = 1; round <= ROUNDS; round += 1) {
    const wipeCopy = path.join(base, `wipe-${round}`);
    const rmCopy = path.join(base, `rm-${round}`);
    const files = generate(wipeCopy);
    generate(rmCopy);
    const policy = path.join(base, `policy-${round}.yaml`);
    writeFileSync(policy, 'wipe:\n  extraPaths: []\n  credentialServices: []\n');
    const state = path.join(wipeCopy, 'state');
    for (let s = 0; s < 30; s += 1) await rememberCanaries(state, createSessionCanaries(`citizen-${s}`));
    if (round === 1) {
      const values = Array.from({ length: 30 }, (_, s) => canaryValues(createSessionCanaries(`x${s}`))).flat();
      const scanTime = process.hrtime.bigint();
      const scan = await scanForCanaries(path.join(rmCopy, 'session-data'), values);
      const seconds = Number(process.hrtime.bigint() - scanTime) / 1e9;
      console.log(`scan of a full tree: ${scan.filesScanned} files, ${(scan.bytesScanned / MiB).toFixed(0)} MiB, ${values.length} canaries (UTF-8 + UTF-16LE) in ${seconds.toFixed(2)} s = ${(scan.bytesScanned / MiB / seconds).toFixed(0)} MiB/s`);
    }
    execFileSync('sync');
    const args = ['wipe', '--json', '--policy', policy, '--session-data', path.join(wipeCopy, 'session-data'), '--downloads', path.join(wipeCopy, 'downloads'), '--state', state];
    let wipeOut;
    const runWipe = () => timed(() => {
      wipeOut = spawnSync(process.execPath, [path.join(repo, 'bin', 'public-kiosk.js'), ...args], { encoding: 'utf8', env: { ...process.env, PUBLIC_KIOSK_POLICY: '' } });
    });
    const runRm = () => timed(() => execFileSync('rm', ['-rf', path.join(rmCopy, 'session-data'), path.join(rmCopy, 'downloads')]));
    // Alternate which goes first, so neither always gets the warmer page cache.
    const [wipeSeconds, rmSeconds] = round % 2 === 1 ? [runWipe(), runRm()] : [runRm(), runWipe()].reverse();
    if (wipeOut.status !== 0) throw new Error(`wipe failed (${wipeOut.status}): ${wipeOut.stderr}${wipeOut.stdout}`);
    const record = JSON.parse(wipeOut.stdout).record;
    results.push({ round, files, wipeSeconds, rmSeconds, ratio: wipeSeconds / rmSeconds });
    console.log(
      `round ${round}: ${record.filesRemoved} files, ${(record.bytesRemoved / MiB).toFixed(0)} MiB; public-kiosk wipe ${wipeSeconds.toFixed(2)} s ` +
        `(engine ${(record.durationMs / 1000).toFixed(2)} s, verification ${record.verification}) vs rm -rf ${rmSeconds.toFixed(2)} s: ratio ${(wipeSeconds / rmSeconds).toFixed(2)}`,
    );
    rmSync(wipeCopy, { recursive: true, force: true });
    rmSync(rmCopy, { recursive: true, force: true });
  }
} finally {
  rmSync(base, { recursive: true, force: true });
}
const ratios = results.map((r) => r.ratio).sort((a, b) => a - b);
const median = ratios[Math.floor(ratios.length / 2)];
const total = results.reduce((s, r) => s + r.wipeSeconds, 0) / results.reduce((s, r) => s + r.rmSeconds, 0);
console.log(`ratio public-kiosk wipe / rm -rf: median ${median.toFixed(2)}, overall ${total.toFixed(2)} (goal <= 1.10) over ${results.length} round(s)`);
