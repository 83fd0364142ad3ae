import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../../src/audit/verify-log';
import { cliEntry, runCli } from '../../support/cli';
import { auditRecords, makeCliRoots, plant, type CliRoots } from './wipe-fixtures';

/** At least this many kills; more (up to MAX_TRIALS) until MIN_MID_WIPE of them hit a wipe in progress. */
const TRIALS = 22;
const MAX_TRIALS = 44;
const MIN_MID_WIPE = 10;
let roots: CliRoots;
afterEach(() => roots?.cleanup());

function plantTree(r: CliRoots): void {
  const files: Record<string, string> = {};
  for (let i = 0; i < 1000; i += 1) files[`Default/Cache/Cache_Data/f_${i.toString(16).padStart(6, '0')}`] = 'c'.repeat(512);
  for (let i = 0; i < 500; i += 1) files[`Partitions/citizen-a/IndexedDB/db${i % 10}/${i}.ldb`] = 'i'.repeat(256);
  plant(r.sessionData, files);
  plant(r.downloads, { 'citizen-a/form.pdf': 'pdf', 'citizen-b/other.pdf': 'keep' });
  plant(r.extraPaths[0] as string, { 'scan.jpg': 'jpeg' });
}

function wipeArgs(trial: number): string[] {
  return trial % 2 === 0 ? ['wipe', '--reason', 'shift-end'] : ['wipe', '--scope', 'session', '--session', 'citizen-a', '--reason', 'session-end'];
}

function spawnWipe(args: string[]) {
  const child = spawn(process.execPath, [cliEntry, ...args], { stdio: 'ignore', env: { ...process.env, PUBLIC_KIOSK_POLICY: '' } });
  return { child, exited: new Promise<number | null>((resolve) => child.on('exit', resolve)) };
}

/**
 * Kills the wipe `afterJournalMs` after its journal appears (negative: that long after spawning,
 * before any journal). Tied to the journal, not to the clock, so that a busy machine does not shift
 * every kill into the start-up phase.
 */
async function runAndKill(args: string[], stateRoot: string, afterJournalMs: number): Promise<void> {
  const { child, exited } = spawnWipe(args);
  let done = false;
  void exited.then(() => (done = true));
  if (afterJournalMs < 0) {
    await delay(-afterJournalMs);
  } else {
    while (!done && !existsSync(path.join(stateRoot, 'wipe-journal.json'))) await delay(1);
    await delay(afterJournalMs);
  }
  child.kill('SIGKILL');
  await exited; // reaped: a zombie would still look alive to the stale-lock check
}

/** How long an uninterrupted run lasts after its journal appears. */
async function measureAfterJournal(args: string[], stateRoot: string): Promise<number> {
  const { exited } = spawnWipe(args);
  let done = false;
  void exited.then(() => (done = true));
  while (!done && !existsSync(path.join(stateRoot, 'wipe-journal.json'))) await delay(1);
  const journalAt = performance.now();
  expect(await exited).toBe(0);
  return performance.now() - journalAt;
}

function journalWipeId(r: CliRoots): string | null {
  const file = path.join(r.state, 'wipe-journal.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { wipeId: string }).wipeId : null;
}

describe('kill -9 during a wipe', () => {
  it(`at ${TRIALS} or more points spread over its run: the next run finishes it, one record per wipe`, async () => {
    const afterJournal: number[] = [];
    for (const kind of [0, 1]) {
      roots = makeCliRoots();
      plantTree(roots);
      afterJournal.push(await measureAfterJournal([...wipeArgs(kind), ...roots.args], roots.state));
      roots.cleanup();
    }
    const seen = { journalLeft: 0, recordedBeforeKill: 0 };
    let trial = 0;
    for (; trial < TRIALS || (seen.journalLeft < MIN_MID_WIPE && trial < MAX_TRIALS); trial += 1) {
      roots = makeCliRoots();
      plantTree(roots);
      const args = [...wipeArgs(trial), ...roots.args];
      // Stratified: trial k dies somewhere in the k-th slice of a normal run.
      // Every sixth trial dies during start-up; the others at stratified points after the journal.
      const at = trial % 6 === 5 ? -200 * Math.random() : ((afterJournal[trial % 2] ?? 0) * ((trial % TRIALS) + Math.random())) / TRIALS;
      await runAndKill(args, roots.state, at);
      const interrupted = journalWipeId(roots);
      if (interrupted) seen.journalLeft += 1;
      const recordsAtKill = auditRecords(roots.state).filter((r) => r.type === 'wipe').length;
      if (interrupted && recordsAtKill > 0) seen.recordedBeforeKill += 1;

      const normal = runCli(args);
      expect(normal.code, `trial ${trial}: ${normal.stderr}`).toBe(0);
      if (interrupted) expect(normal.stderr).toMatch(/finished an interrupted (shift|session) wipe first: SUCCEEDED/);
      const shift = trial % 2 === 0;
      expect(readdirSync(roots.downloads)).toEqual(shift ? [] : ['citizen-b']);
      expect(existsSync(path.join(roots.sessionData, 'Partitions', 'citizen-a'))).toBe(false);
      if (shift) expect(readdirSync(roots.sessionData)).toEqual([]);
      expect(readdirSync(roots.state).filter((f) => /journal|\.lock$|\.tmp$/.test(f))).toEqual([]);

      const wipes = auditRecords(roots.state).filter((r) => r.type === 'wipe');
      const ids = wipes.map((r) => r.wipeId);
      expect(new Set(ids).size, `trial ${trial}: a wipe recorded twice`).toBe(ids.length);
      expect(wipes.every((r) => r.result === 'succeeded')).toBe(true);
      if (interrupted) {
        const own = wipes.filter((r) => r.wipeId === interrupted);
        expect(own).toHaveLength(1);
        if (own[0]?.trigger === 'startup-recovery') expect(own[0].recoveredTrigger).toBe(shift ? 'shift-end' : 'session-end');
      }
      expect((await verifyAuditLog(roots.state, null)).problems, `trial ${trial}: audit log`).toEqual([]);
      roots.cleanup();
    }
    console.log(`wipe-crash: ${trial} kills, most within the ${afterJournal.map(Math.round).join(' / ')} ms (shift / session) after the journal; journal left ${seen.journalLeft}×, record already written ${seen.recordedBeforeKill}×`);
    // Timing on a shared machine varies, hence the extra trials; enough kills must land mid-wipe.
    expect(seen.journalLeft).toBeGreaterThanOrEqual(MIN_MID_WIPE);
  }, 540_000);
});
