import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { CliResult } from './cli';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An empty 0755 folder made by the global setup; the first test that drops privileges fills it. */
    unprivilegedRuntimeDir: string;
  }
}

/**
 * Tests that run a process as `nobody` (setpriv) cannot run it from the checkout: a checkout in a
 * private folder (root's home, any `mktemp -d`, mode 0700) is closed to that user. They run it from
 * one world-readable copy of the built runtime instead — bin/, dist/, policies/, scripts/, package.json and the
 * production node_modules — made once per run in the temp folder. The checkout's own permissions
 * are never touched.
 */
export const NOBODY = 65534;

export const repoRoot = path.resolve(__dirname, '..', '..');

/** Root and setpriv: what running a process as another user needs here. */
export const canDropPrivileges = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;

export interface UnprivilegedRuntime {
  root: string;
  cliEntry: string;
  /** This Node, or a copy of it in the runtime when its own folder is closed to others (Node 24 under .cache/). */
  node: string;
}

/** What the built CLI reads besides its production packages (the bundled policy lives in policies/). */
const PARTS = ['bin', 'dist', 'policies', 'scripts', 'package.json'];

/**
 * Copies the runtime of `checkout` into `into` (made if missing) and opens it to every user: folders
 * 0755, files readable by all (execute bits kept). Refuses a place whose parents another user cannot
 * pass through: that would fail later with a module-not-found that hides the cause.
 */
export function makeWorldReadableRuntime(checkout: string, into: string): UnprivilegedRuntime {
  const closed = closedAncestor(path.dirname(into));
  if (closed) throw new Error(`cannot make a runtime copy other users can reach under ${into}: ${closed} is closed to them (mode ${(statSync(closed).mode & 0o777).toString(8)}); set TMPDIR to a folder like /tmp`);
  mkdirSync(into, { recursive: true });
  for (const part of PARTS) cpSync(path.join(checkout, part), path.join(into, part), { recursive: true });
  for (const name of productionPackages(checkout)) {
    cpSync(path.join(checkout, 'node_modules', name), path.join(into, 'node_modules', name), { recursive: true });
  }
  if (closedAncestor(process.execPath) !== null) cpSync(process.execPath, path.join(into, 'node', path.basename(process.execPath)));
  openToAll(into);
  return runtimeIn(into);
}

function runtimeIn(root: string): UnprivilegedRuntime {
  const copied = path.join(root, 'node', path.basename(process.execPath));
  return { root, cliEntry: path.join(root, 'bin', 'public-kiosk.js'), node: existsSync(copied) ? copied : process.execPath };
}

/**
 * This run's copy: filled by the first caller in any worker (a lock folder keeps the others
 * waiting), reused by the rest. Outside a vitest run with the global setup, a copy of its own.
 */
export function unprivilegedRuntime(): UnprivilegedRuntime {
  const dir = providedDir() ?? ownDir();
  const done = path.join(dir, '.ready');
  if (!existsSync(done)) {
    const lock = path.join(dir, '.making');
    if (tryMkdir(lock)) {
      makeWorldReadableRuntime(repoRoot, dir);
      writeFileSync(done, '');
    } else {
      const until = Date.now() + 120_000;
      while (!existsSync(done)) {
        if (Date.now() > until) throw new Error(`the runtime copy in ${dir} was not finished by another test worker within 2 minutes`);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
      }
    }
  }
  return runtimeIn(dir);
}

/** Runs `program args` as `nobody` (setpriv); `cwd` should be the runtime copy (the checkout may be closed). */
export function runAsNobody(program: string, args: readonly string[], options: SpawnSyncOptions & { cwd: string }): CliResult {
  const result = spawnSync('setpriv', setprivArgs(program, args), { encoding: 'utf8', timeout: 60_000, ...options });
  return { code: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

export function setprivArgs(program: string, args: readonly string[]): string[] {
  return [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', program, ...args];
}

/** The package.json dependencies and everything they need, as found in node_modules (hoisted). */
export function productionPackages(checkout: string): string[] {
  const read = (dir: string) => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: object; optionalDependencies?: object };
  const seen = new Set<string>();
  const queue = Object.keys(read(checkout).dependencies ?? {});
  while (queue.length > 0) {
    const name = queue.pop() as string;
    const dir = path.join(checkout, 'node_modules', name);
    if (seen.has(name) || !existsSync(dir)) continue;
    seen.add(name);
    const manifest = read(dir);
    // Optional ones (a native module's build for this platform) only where they were installed.
    queue.push(...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {}));
  }
  return [...seen].sort();
}

/** The first folder from `/` down to `dir` that others cannot pass through, or null. */
export function closedAncestor(dir: string): string | null {
  let current = path.resolve(dir);
  const chain: string[] = [];
  while (!existsSync(current)) current = path.dirname(current);
  for (;;) {
    chain.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return chain.find((folder) => (statSync(folder).mode & 0o001) === 0) ?? null;
}

function openToAll(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) openToAll(full);
    else if (entry.isFile()) chmodSync(full, lstatSync(full).mode & 0o7777 | 0o444);
  }
}

function providedDir(): string | undefined {
  try {
    return inject('unprivilegedRuntimeDir');
  } catch {
    return undefined;
  }
}

let own: string | undefined;
function ownDir(): string {
  if (!own) {
    const made = mkdtempSync(path.join(tmpdir(), 'pk-runtime-'));
    own = made;
    process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  return own;
}

function tryMkdir(dir: string): boolean {
  try {
    mkdirSync(dir);
    return true;
  } catch {
    return false;
  }
}
