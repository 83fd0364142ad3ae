import type { SpawnSyncReturns } from 'node:child_process';
import type { ShiftWipeTrigger } from '../../src/session/types';
import { CLI_MARKER, LINUX_CLI_SWITCHES } from '../../src/install/scheduled-program';
import type { StartupWipeResult } from './wipers';

/**
 * The full wipe at start, before Chromium has opened anything in the session-data root: the kiosk
 * binary runs its own CLI (`wipe`) as a child and waits for it (spawnSync), so this process holds
 * no file of the root while it is emptied and verified. A normal start runs `wipe --if-due`; a
 * relaunch for a staff or recovery wipe runs the wipe unconditionally (nothing may be "due").
 */

/** The switch a relaunch for a shift wipe adds, with the controller's trigger. */
export const WIPE_ON_START = '--wipe-on-start';

export interface StartupFacts {
  platform: NodeJS.Platform;
  execPath: string;
  isPackaged: boolean;
  /** app.getAppPath(): `electron <app>` needs it in development. */
  appPath: string;
  /** A --policy FILE the kiosk was started with, forwarded to the CLI. */
  policyFile: string | undefined;
}

export function wipeOnStartTrigger(argv: readonly string[]): ShiftWipeTrigger | null {
  const arg = argv.find((a) => a.startsWith(`${WIPE_ON_START}=`));
  const value = arg?.slice(WIPE_ON_START.length + 1);
  const known: readonly ShiftWipeTrigger[] = ['shift-end', 'staff', 'recovery', 'start-up', 'tick', 'resume', 'unlock', 'before-session', 'policy-reload'];
  return known.find((t) => t === value) ?? null;
}

export function startupWipeCommand(facts: StartupFacts, trigger: ShiftWipeTrigger | null): string[] {
  const switches = facts.platform === 'linux' ? [...LINUX_CLI_SWITCHES] : [CLI_MARKER];
  const program = [facts.execPath, ...(facts.isPackaged ? [] : [facts.appPath]), ...switches];
  const policy = facts.policyFile === undefined ? [] : ['--policy', facts.policyFile];
  // Staff and recovery wipes are wanted whether or not a shift end is owed; the rest only when due.
  const wipe = trigger === 'staff' ? ['--reason', 'manual'] : trigger === 'recovery' ? ['--reason', 'catch-up'] : ['--if-due'];
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
  const why = result.status === 1 ? (outcome ?? 'the wipe failed') : `exit ${String(result.status)}: ${firstLine(result.stderr)}`;
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

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? 'no message';
}
