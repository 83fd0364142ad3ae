import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildMsi } from '../../../build/msi.mjs';
import { toWindowsPath, type WinePrefix } from './wine';

// The MSI of build/msi.mjs around a test-only public-kiosk.exe (fixtures/recording-stub.c, built with
// Debian's mingw: a 64-bit Windows program) that records each command line the installer runs.
export const MINGW = 'x86_64-w64-mingw32-gcc';
export const CALLS = 'C:\\stub-calls.log';
export const FAIL_ON = 'C:\\stub-fail.txt';
export const INSTALLED_EXE = 'C:\\Program Files\\public-kiosk\\public-kiosk.exe';
export const UNINSTALL_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall';

/** A win-unpacked tree (the stub as public-kiosk.exe, an archive, a DLL) and an MSI of each version. */
export function buildTestMsis(work: string, versions: readonly string[]): Record<string, string> {
  for (const tool of [MINGW, 'wixl', 'wixl-heat', 'msiinfo', 'msibuild']) {
    if (!existsSync(`/usr/bin/${tool}`)) throw new Error(`${tool} is missing: run \`node scripts/test-deps/ensure.mjs\` (npm test does)`);
  }
  const unpacked = path.join(work, 'win-unpacked');
  mkdirSync(path.join(unpacked, 'resources'), { recursive: true });
  buildRecordingStub(path.join(unpacked, 'public-kiosk.exe'));
  writeFileSync(path.join(unpacked, 'resources', 'app.asar'), 'archive');
  writeFileSync(path.join(unpacked, 'ffmpeg.dll'), 'dll');
  return Object.fromEntries(versions.map((version) => [version, buildMsi({ unpacked, version, out: path.join(work, `public-kiosk-${version}-x64.msi`) })]));
}

/** fixtures/recording-stub.c as a 64-bit Windows program at `file`. */
export function buildRecordingStub(file: string): void {
  execFileSync(MINGW, ['-O2', '-s', '-o', file, path.join(__dirname, '..', 'fixtures', 'recording-stub.c')]);
}

/** The stub's recorded command lines, and a fresh record for the next run. */
export function takeCalls(win: WinePrefix): string[] {
  const file = win.host(CALLS);
  const calls = existsSync(file) ? readFileSync(file, 'latin1').split(/\r?\n/).filter((l) => l !== '') : [];
  writeFileSync(file, '');
  return calls;
}

/** One table of the MSI as rows of columns (msiinfo export: names, types, key, then the rows). */
export function msiTable(msi: string, table: string): string[][] {
  const text = execFileSync('msiinfo', ['export', msi, table], { encoding: 'utf8' });
  return text.split(/\r?\n/).slice(3).filter((line) => line !== '').map((line) => line.split('\t'));
}

export interface MsiRun {
  /** msiexec's exit status as Linux sees it: Windows' 1603 arrives as 1603 % 256 = 67. */
  code: number | null;
  log: string;
  /** The command lines the stub recorded during this run. */
  calls: string[];
}

let runs = 0;

/** `msiexec ARGS /qn /l*v LOG` in the prefix; returns its status, verbose log and the stub's calls. */
export async function msiexec(win: WinePrefix, args: readonly string[]): Promise<MsiRun> {
  runs += 1;
  const log = `C:\\msi-${runs}.log`;
  writeFileSync(win.host(CALLS), '');
  const r = await win.run([...args, '/qn', '/l*v', log], { program: 'msiexec', timeoutMs: 170_000 });
  const logFile = win.host(log);
  return {
    code: r.code,
    log: existsSync(logFile) ? readFileSync(logFile, 'latin1') : '',
    calls: readFileSync(win.host(CALLS), 'latin1').split(/\r?\n/).filter((l) => l !== ''),
  };
}

export const package_ = (msi: string): string => toWindowsPath(msi);

/** `reg query KEY` in the prefix: its text, or null when the key does not exist. */
export async function regQuery(win: WinePrefix, key: string): Promise<string | null> {
  const r = await win.run(['query', key, '/s'], { program: 'reg' });
  return r.code === 0 ? r.stdout : null;
}

/** The product codes registered under the Uninstall key. */
export async function installedProducts(win: WinePrefix): Promise<string[]> {
  const text = (await regQuery(win, UNINSTALL_KEY)) ?? '';
  return [...new Set([...text.matchAll(/Uninstall\\(\{[0-9A-F-]{36}\})/g)].map((m) => m[1]!))];
}
