import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cliEntry, type CliResult } from '../../support/cli';
import { NOBODY, setprivArgs, unprivilegedRuntime } from '../../support/unprivileged-runtime';
import { makeCliRoots, type CliRoots } from './wipe-fixtures';

/**
 * The report's tests run real wipes with the real CLI at chosen moments: libfaketime (Debian package
 * `faketime`) starts each process's wall clock at the given UTC instant and lets it run on; the
 * monotonic clock is left alone so that timers and retries behave. Missing libfaketime is a failure.
 */
const candidates = ['x86_64-linux-gnu', 'aarch64-linux-gnu', 'i386-linux-gnu'].map((arch) => `/usr/lib/${arch}/faketime/libfaketime.so.1`);
export const libfaketime = candidates.find((file) => existsSync(file));

export function requireLibfaketime(): string {
  if (!libfaketime) throw new Error("libfaketime is missing: install the Debian package 'faketime' (npm test does, from scripts/test-deps)");
  return libfaketime;
}


export interface KioskAt {
  roots: CliRoots;
  /** Runs the CLI with its wall clock starting at `utc` ('2026-03-06T04:32:00Z'); as `nobody` when asked. */
  at(utc: string, args: string[], options?: { asNobody?: boolean }): CliResult;
}

/** A kiosk (real roots and policy file) whose policy may set its own schedule and unit name. */
export function makeKiosk(policyExtra = ''): KioskAt {
  const roots = makeCliRoots(0);
  if (policyExtra) writeFileSync(roots.policyFile, `${readFileSync(roots.policyFile, 'utf8')}${policyExtra}\n`);
  const preload = requireLibfaketime();
  return {
    roots,
    at(utc, args, options = {}) {
      const when = utc.replace('T', ' ').replace(/\.\d+/, '').replace('Z', '');
      const clock = { TZ: 'UTC', LD_PRELOAD: preload, FAKETIME: `@${when}`, FAKETIME_DONT_FAKE_MONOTONIC: '1' };
      const env = { ...process.env, PUBLIC_KIOSK_POLICY: '', HOME: roots.base };
      // As nobody: the CLI from the run's world-readable runtime copy (the checkout may be a 0700
      // folder), and only node is preloaded: libfaketime's shared memory made by a root setpriv would be closed to it.
      const runtime = options.asNobody ? unprivilegedRuntime() : { node: process.execPath, cliEntry, root: process.cwd() };
      const fakedNode = ['env', ...Object.entries(clock).map(([k, v]) => `${k}=${v}`), runtime.node, runtime.cliEntry, ...args, ...roots.args];
      const program = options.asNobody ? ['setpriv', setprivArgs(fakedNode[0] as string, fakedNode.slice(1))] : ['env', fakedNode.slice(1)];
      if (options.asNobody) chownTree(roots.base);
      const result = spawnSync(program[0] as string, program[1] as string[], { encoding: 'utf8', timeout: 60_000, env, cwd: runtime.root });
      return { code: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
    },
  };
}

/** Gives the kiosk's files to `nobody`, except a folder named 'locked-by-root' (a wipe cannot empty it). */
export function chownTree(dir: string, uid = NOBODY): void {
  chownSync(dir, uid, uid);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.name === 'locked-by-root') continue;
    if (entry.isDirectory()) chownTree(full, uid);
    else chownSync(full, uid, uid);
  }
}

export interface ReportShape {
  kiosks: {
    kioskId: string;
    log: { verified: boolean; method: string; problems: { file: string; line: number; kind: string; detail: string }[]; notes: string[] };
    shiftEnds: { at: string; local: string; status: string; wipedAt: string | null; coverage: string | null; failedAttempts: number }[];
    sessions: { succeeded: number; failed: number };
    outOfService: { from: string; to: string | null; reason: string }[];
    compliance: { runs: number; failing: { id: string }[] } | null;
  }[];
  summary: Record<string, number>;
}

/** "2026-03-06 11:30 on-time" per shift end: what an inspector reads, in one comparable list. */
export const statusLines = (kiosk: ReportShape['kiosks'][number]) => kiosk.shiftEnds.map((end) => `${end.local.slice(0, 16)} ${end.status}`);
