import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../src/audit/verify-log';
import { createSessionCanaries } from '../../../src/wipe/canaries';
import { cliEntry, runCli } from '../../support/cli';
import { auditRecords, makeCliRoots, plant, type CliRoots } from './wipe-fixtures';

// The second line behind the named crash points (test/src/crash/): SIGKILL at random moments, on a
// machine this test keeps busy itself, one kill after another. Each killed run first finishes the
// wipe the previous kill interrupted, so kills also land inside recoveries. After every kill the
// kiosk must not be out of service and the audit log must verify; at checkpoints a normal run must
// succeed with every wipe recorded once.
const KILLS = 200;
const CHECK_EVERY = 25;
let roots: CliRoots;
let loaders: ChildProcess[] = [];
afterEach(() => {
  for (const loader of loaders) loader.kill('SIGKILL');
  loaders = [];
  roots?.cleanup();
});

const scopeArgs = (kill: number) =>
  kill % 2 === 0 ? ['wipe', '--reason', 'shift-end'] : ['wipe', '--scope', 'session', '--session', 'citizen-a', '--reason', 'session-end'];

function replant(r: CliRoots): void {
  const files: Record<string, string> = {};
  for (let i = 0; i < 150; i += 1) files[`Default/Cache/Cache_Data/f_${i}`] = 'c'.repeat(256);
  for (let i = 0; i < 60; i += 1) files[`Partitions/citizen-a/IndexedDB/db${i % 6}/${i}.ldb`] = 'i'.repeat(128);
  plant(r.sessionData, files);
  plant(r.downloads, { 'citizen-a/form.pdf': 'pdf', 'citizen-b/other.pdf': 'keep' });
  plant(r.extraPaths[0] as string, { 'scan.jpg': 'jpeg' });
  const canaries = path.join(r.state, 'canaries', 'citizen-a.json');
  if (!existsSync(canaries)) plant(path.join(r.state, 'canaries'), { 'citizen-a.json': `${JSON.stringify(createSessionCanaries('citizen-a'))}\n` });
}

/** Busy processes (all cores but one): the machine a power cut hits is rarely idle, and busy machines shift timings. */
function loadCpu(): void {
  for (let i = 0; i < Math.max(1, cpus().length - 1); i += 1) {
    loaders.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
  }
}

function spawnWipe(args: string[]) {
  const child = spawn(process.execPath, [cliEntry, ...args], { stdio: 'ignore', env: { ...process.env, PUBLIC_KIOSK_POLICY: '' } });
  let done = false;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => ((done = true), resolve(code))));
  return { child, exited, done: () => done };
}

/** Resolves when this process holds the wipe lock (its real work begins), or has exited. */
async function lockTaken(stateRoot: string, pid: number | undefined, done: () => boolean): Promise<void> {
  const lock = path.join(stateRoot, 'wipe.lock');
  while (!done()) {
    try {
      if ((JSON.parse(readFileSync(lock, 'utf8')) as { pid: number }).pid === pid) return;
    } catch {
      // not there yet, or being written
    }
    await delay(1);
  }
}

/** How long an uninterrupted run of each scope works once it holds the wipe lock. */
async function measure(r: CliRoots): Promise<number[]> {
  const spans: number[] = [];
  for (const kind of [0, 1]) {
    replant(r);
    const run = spawnWipe([...scopeArgs(kind), ...r.args]);
    await lockTaken(r.state, run.child.pid, run.done);
    const at = performance.now();
    expect(await run.exited).toBe(0);
    spans.push(performance.now() - at);
  }
  return spans;
}

async function checkpoint(r: CliRoots, label: string): Promise<void> {
  replant(r);
  const normal = runCli([...scopeArgs(0), ...r.args]);
  expect(normal.code, `${label}: ${normal.stderr}${normal.stdout}`).toBe(0);
  expect(normal.stderr, label).not.toMatch(/FAILED/);
  const wipes = auditRecords(r.state).filter((rec) => rec.type === 'wipe');
  const ids = wipes.map((rec) => rec.wipeId);
  expect(new Set(ids).size, `${label}: a wipe recorded twice`).toBe(ids.length);
  expect(wipes.filter((rec) => rec.result !== 'succeeded'), label).toEqual([]);
  expect(existsSync(path.join(r.state, 'wipe-journal.json')), label).toBe(false);
}

describe('kill -9 at random moments on a busy machine', () => {
  it(`${KILLS} kills across both scopes, one after another: never out of service, the log always verifies`, async () => {
    roots = makeCliRoots();
    loadCpu();
    const spans = await measure(roots);
    const seen = { midWipe: 0, startup: 0 };
    for (let kill = 0; kill < KILLS; kill += 1) {
      replant(roots);
      const run = spawnWipe([...scopeArgs(kill), ...roots.args]);
      if (kill % 6 === 5) {
        // Start-up, before the wipe lock: loading, policy, recovery of the previous kill's wipe.
        await delay(Math.random() * 150);
        seen.startup += 1;
      } else {
        await lockTaken(roots.state, run.child.pid, run.done);
        // Stratified over the measured span so that every part of the run is hit, plus a margin.
        const span = (spans[kill % 2] ?? 50) * 1.2;
        await delay(span * (((kill % 5) + Math.random()) / 5));
        seen.midWipe += 1;
      }
      run.child.kill('SIGKILL');
      await run.exited; // reaped: a zombie would still look alive to the stale-lock check
      const label = `kill ${kill}`;
      expect(existsSync(path.join(roots.state, 'out-of-service.json')), `${label}: spurious out of service`).toBe(false);
      expect((await verifyAuditLog(roots.state, null)).problems, `${label}: audit log`).toEqual([]);
      if ((kill + 1) % CHECK_EVERY === 0) await checkpoint(roots, label);
    }
    const wipes = auditRecords(roots.state).filter((rec) => rec.type === 'wipe').length;
    console.log(`wipe-crash: ${KILLS} kills (${seen.midWipe} after the wipe lock, ${seen.startup} in start-up), ${wipes} wipes recorded, spans ${spans.map(Math.round).join(' / ')} ms (shift / session)`);
    expect(wipes).toBeGreaterThan(KILLS / CHECK_EVERY);
  }, 1_200_000);
});
