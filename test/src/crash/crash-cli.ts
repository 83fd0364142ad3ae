import { spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { verifyAuditLog } from '../../../src/audit/verify-log';
import { createSessionCanaries } from '../../../src/wipe/canaries';
import { repoRoot, runCli } from '../../support/cli';
import { auditRecords, makeCliRoots, plant, type CliRoots } from '../cli/wipe-fixtures';

export const crashEntry = path.join(repoRoot, 'test', 'support', 'crash-cli.mjs');

export interface CrashRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the built CLI through the test entry: `trace` collects every point, `kill` names the one to die at. */
export function runCrashCli(trace: string | null, kill: string | null, args: readonly string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<CrashRun> {
  const child = spawn(process.execPath, [crashEntry, trace ?? '-', kill ?? '-', ...args], {
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
    env: { ...process.env, PUBLIC_KIOSK_POLICY: '', ...options.env },
  });
  if (options.input !== undefined) child.stdin?.end(options.input);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

export function traceLabels(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
}

export const SESSION = 'citizen-a';

export interface Scenario {
  name: string;
  scope: 'shift' | 'session';
  /** Starts out of service (only a successful shift wipe brings it back). */
  outOfService: boolean;
  /** An audit log with earlier records; false: the first append creates audit.log. */
  history: boolean;
}

export interface ScenarioOptions {
  credentialServices?: string[];
  /** How the CLI is run to write the history (e.g. inside a keyring session). */
  run?: (args: string[]) => { code: number | null; stderr: string };
}

export interface ScenarioRoots extends CliRoots {
  wipeArgs: string[];
  /** Puts every root back to the scenario's starting state. */
  reset(): void;
}

/** Roots for one scenario; its starting state is built once and copied back before every trial. */
export function scenarioRoots(scenario: Scenario, options: ScenarioOptions = {}): ScenarioRoots {
  const roots = makeCliRoots(1, options.credentialServices ?? []);
  const run = options.run ?? runCli;
  const wipeArgs = scenario.scope === 'shift'
    ? ['wipe', '--reason', 'shift-end', ...roots.args]
    : ['wipe', '--scope', 'session', '--session', SESSION, '--reason', 'session-end', ...roots.args];
  const dataDirs = [roots.sessionData, roots.downloads, roots.state, ...roots.extraPaths];
  if (scenario.history) {
    const first = run(['wipe', '--reason', 'manual', ...roots.args]);
    if (first.code !== 0) throw new Error(`history wipe failed: ${first.stderr}`);
  }
  plant(roots.sessionData, { 'Default/Cookies': 'c', [`Partitions/${SESSION}/Local Storage/leveldb/000003.log`]: 'l'.repeat(64), 'Partitions/citizen-b/Cookies': 'b' });
  plant(roots.downloads, { [`${SESSION}/form.pdf`]: 'pdf', 'citizen-b/other.pdf': 'keep' });
  plant(roots.extraPaths[0] as string, { 'scan.jpg': 'jpeg' });
  plant(path.join(roots.state, 'canaries'), {
    [`${SESSION}.json`]: `${JSON.stringify(createSessionCanaries(SESSION))}\n`,
    'citizen-b.json': `${JSON.stringify(createSessionCanaries('citizen-b'))}\n`,
  });
  if (scenario.outOfService) {
    writeFileSync(path.join(roots.state, 'out-of-service.json'), `${JSON.stringify({ reason: 'wipe-failed', since: new Date().toISOString() })}\n`);
  }
  const template = path.join(roots.base, 'template');
  for (const dir of dataDirs) cpSync(dir, path.join(template, path.basename(dir)), { recursive: true });
  return {
    ...roots,
    wipeArgs,
    reset() {
      for (const dir of dataDirs) {
        rmSync(dir, { recursive: true, force: true });
        cpSync(path.join(template, path.basename(dir)), dir, { recursive: true });
      }
    },
  };
}

/** What must hold after any crash and one more normal run; returns what is wrong, [] when all is well. */
export async function checkAfterRecovery(
  r: ScenarioRoots,
  scenario: Scenario,
  interruptedId: string | null,
  /** A keyed log is verified where its key can be read (inside the keyring session): its result. */
  verifiedElsewhere?: { ok: boolean; problems: unknown[] },
): Promise<string[]> {
  const wrong: string[] = [];
  const shift = scenario.scope === 'shift';
  const left = (dir: string) => readdirSync(dir).sort().join(',');
  if (left(r.downloads) !== (shift ? '' : 'citizen-b')) wrong.push(`downloads left: ${left(r.downloads)}`);
  if (existsSync(path.join(r.sessionData, 'Partitions', SESSION))) wrong.push('session partition left');
  if (shift && left(r.sessionData) !== '') wrong.push(`session data left: ${left(r.sessionData)}`);
  const stray = readdirSync(r.state).filter((f) => /journal|\.lock$|\.tmp$|out-of-service/.test(f));
  if (stray.length > 0) wrong.push(`state root still holds ${stray.join(', ')}`);
  const wipes = auditRecords(r.state).filter((rec) => rec.type === 'wipe');
  const ids = wipes.map((rec) => rec.wipeId);
  if (new Set(ids).size !== ids.length) wrong.push('a wipe recorded twice');
  if (!wipes.every((rec) => rec.result === 'succeeded')) wrong.push('a wipe record says failed');
  if (interruptedId !== null && ids.filter((id) => id === interruptedId).length !== 1) wrong.push('the interrupted wipe is not recorded exactly once');
  const verified = verifiedElsewhere ?? (await verifyAuditLog(r.state, null));
  if (!verified.ok) wrong.push(`audit verify: ${JSON.stringify(verified.problems)}`);
  return wrong;
}

export function journalWipeId(stateRoot: string): string | null {
  const file = path.join(stateRoot, 'wipe-journal.json');
  if (!existsSync(file)) return null;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { wipeId: string }).wipeId;
  } catch {
    return 'unreadable';
  }
}
