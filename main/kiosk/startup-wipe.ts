import type { SpawnSyncReturns } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { judge, type InspectOptions } from '../../src/liveness/inspect-lock';
import { lockPath, parseLockRecord } from '../../src/liveness/lock-record';
import type { ShiftWipeTrigger } from '../../src/session/types';
import { CLI_MARKER, LINUX_CLI_SWITCHES } from '../../src/install/scheduled-program';
import { LAST_APPLIED_POLICY, WIPE_ON_START } from '../../src/shell/launch-switches';
import type { StartupWipeResult } from './wipers';

/**
 * The full wipe at start, before Chromium has opened anything in the session-data root: the kiosk
 * binary runs its own CLI (`wipe`) as a child and waits for it (spawnSync), so this process holds
 * no file of the root while it is emptied and verified. A normal start runs `wipe --if-due`; a
 * relaunch for a wipe (`--wipe-on-start=<trigger>`) runs it unconditionally, with its trigger.
 */

/** The switch a relaunch for a shift wipe adds, with the controller's trigger (allowlisted in src/shell/launch-switches.ts). */
export { WIPE_ON_START } from '../../src/shell/launch-switches';

export interface StartupFacts {
  platform: NodeJS.Platform;
  execPath: string;
  isPackaged: boolean;
  /** app.getAppPath(): `electron <app>` needs it in development. */
  appPath: string;
  /** A --policy FILE the kiosk was started with, forwarded to the CLI. */
  policyFile: string | undefined;
  /** The last-applied copy this relaunch runs on (its hash), forwarded so the wipe empties the same roots. */
  lastAppliedHash?: string | null;
}

/** The audit trigger of the wipe a relaunch asked for. */
const relaunchReasons: Record<ShiftWipeTrigger, 'shift-end' | 'manual' | 'catch-up'> = {
  'shift-end': 'shift-end',
  staff: 'manual',
  recovery: 'catch-up',
  'start-up': 'catch-up',
  tick: 'catch-up',
  resume: 'catch-up',
  unlock: 'catch-up',
  'before-session': 'catch-up',
  'policy-reload': 'catch-up',
};

export function wipeOnStartTrigger(argv: readonly string[]): ShiftWipeTrigger | null {
  const arg = argv.find((a) => a.startsWith(`${WIPE_ON_START}=`));
  const value = arg?.slice(WIPE_ON_START.length + 1);
  return (Object.keys(relaunchReasons) as ShiftWipeTrigger[]).find((t) => t === value) ?? null;
}

export function startupWipeCommand(facts: StartupFacts, trigger: ShiftWipeTrigger | null): string[] {
  const switches = facts.platform === 'linux' ? [...LINUX_CLI_SWITCHES] : [CLI_MARKER];
  const program = [facts.execPath, ...(facts.isPackaged ? [] : [facts.appPath]), ...switches];
  const policy = [
    ...(facts.policyFile === undefined ? [] : ['--policy', facts.policyFile]),
    ...(facts.lastAppliedHash ? [`${LAST_APPLIED_POLICY}=${facts.lastAppliedHash}`] : []),
  ];
  // A relaunch happens because a full wipe is wanted now (its record then covers every shift end
  // before it); a plain start wipes only when the due check says a shift end is owed.
  const wipe = trigger === null ? ['--if-due'] : ['--reason', relaunchReasons[trigger]];
  return [...program, 'wipe', ...wipe, ...policy, '--json'];
}

export type SpawnSync = (command: string, args: string[], options: { encoding: 'utf8'; timeout: number; windowsHide: boolean; env: NodeJS.ProcessEnv }) => Pick<SpawnSyncReturns<string>, 'status' | 'stdout' | 'stderr' | 'error'>;

const TEN_MINUTES = 10 * 60_000;

export function runStartupWipe(spawn: SpawnSync, command: string[], env: NodeJS.ProcessEnv): StartupWipeResult {
  const [program, ...args] = command;
  if (program === undefined) return { ran: true, ok: false, detail: 'no program for the start-up wipe' };
  const childEnv = { ...env };
  delete childEnv.ELECTRON_RUN_AS_NODE;
  const result = spawn(program, args, { encoding: 'utf8', timeout: TEN_MINUTES, windowsHide: true, env: childEnv });
  if (result.error) return { ran: true, ok: false, detail: `the start-up wipe could not run: ${result.error.message}` };
  const outcome = parseOutcome(result.stdout);
  if (result.status === 0) {
    if (outcome === 'not-due' || outcome === 'wiped-by-other') return { ran: false };
    return { ran: true, ok: true, detail: outcome ?? 'wiped' };
  }
  const why = result.status === 1 ? (outcome ?? 'the wipe failed') : `exit ${String(result.status)}: ${summary(result.stderr)}`;
  return { ran: true, ok: false, detail: `start-up wipe: ${why}` };
}

function parseOutcome(stdout: string): string | undefined {
  try {
    const report = JSON.parse(stdout) as { outcome?: unknown };
    return typeof report.outcome === 'string' ? report.outcome : undefined;
  } catch {
    return undefined;
  }
}

/** The CLI's first lines (what it refused and why), short enough for a log line. */
function summary(text: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return lines.length === 0 ? 'no message' : lines.slice(0, 3).join(' / ').slice(0, 400);
}

/**
 * Whether another kiosk is running on these data roots (its liveness lock is alive). Read without
 * yielding to the event loop, like the wipe itself: then this start is a second instance, which the
 * single-instance lock ends, and it must not wipe (or wait on) the running kiosk's files.
 */
export function anotherKioskRunning(stateRoot: string, options: InspectOptions = {}): boolean {
  let text: string;
  try {
    text = readFileSync(lockPath(stateRoot), 'utf8');
  } catch {
    return false;
  }
  const record = parseLockRecord(text);
  return record !== null && record.role === 'kiosk' && judge(record, options).state === 'alive';
}
