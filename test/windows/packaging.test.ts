import { listPackage } from '@electron/asar';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ResEdit from 'resedit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { wantedFuses } from '../../src/shell/fuses';
import { repoRoot } from '../support/cli';

// `electron-builder --win --dir` offline, against a stub Windows Electron: a real (unsigned) PE file
// — Wine's notepad.exe, stripped with binutils' objcopy — given Electron's version resource and fuse wire. electron-builder writes its
// ASAR-integrity resource into it with resedit (pure JavaScript, no rcedit download) and our afterPack
// flips the fuses; both are read back from the packaged .exe.
// Not covered: the NSIS installer (makensis would be downloaded) and the Windows build of the
// credential-store module (npm installs only the host's; build/before-pack.mjs refuses a Windows
// package without it, so this build skips that hook and the test says so below).
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ELECTRON_DEFAULT_WIRE = '101100011';
const WINE_NOTEPAD = '/usr/lib/x86_64-linux-gnu/wine/x86_64-windows/notepad.exe';

let work: string;
let unpacked: string;
let build = { code: -1 as number | null, output: '' };

/** An unsigned PE stripped of symbols and debug sections (pe-library refuses both), with a version resource and the fuse wire. */
function makeStubElectronExe(file: string): void {
  const stripped = `${file}.stripped`;
  execFileSync('objcopy', ['--strip-all', WINE_NOTEPAD, stripped]);
  const exe = ResEdit.NtExecutable.from(readFileSync(stripped));
  rmSync(stripped);
  const resources = ResEdit.NtExecutableResource.from(exe);
  const version = ResEdit.Resource.VersionInfo.createEmpty();
  version.setFileVersion(45, 5, 0, 0, 1033);
  version.setProductVersion(45, 5, 0, 0, 1033);
  version.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron', FileDescription: 'Electron', OriginalFilename: 'electron.exe', FileVersion: '45.5.0', ProductVersion: '45.5.0' });
  version.outputToResourceEntries(resources.entries);
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_WIRE)]);
  resources.entries.push({ type: 10, id: 101, lang: 1033, codepage: 1200, bin: new Uint8Array(wire).buffer });
  resources.outputResource(exe);
  writeFileSync(file, Buffer.from(exe.generate()));
}

function runBuilder(config: string, stub: string, output: string): Promise<{ code: number | null; output: string }> {
  const cli = path.join(repoRoot, 'node_modules', 'electron-builder', 'cli.js');
  const args = [cli, '--config', config, '--dir', '--win', '--x64', '--publish', 'never', `-c.electronDist=${stub}`, `-c.directories.output=${output}`];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, output: text }));
  });
}

beforeAll(async () => {
  if (!existsSync(path.join(repoRoot, 'dist', 'main', 'index.js'))) throw new Error('run npm run build before the packaging smoke test');
  if (!existsSync(WINE_NOTEPAD)) throw new Error(`${WINE_NOTEPAD} is missing: install wine64 (node scripts/test-deps/ensure.mjs)`);
  work = mkdtempSync(path.join(tmpdir(), 'pk-package-win-'));
  const stub = path.join(work, 'electron-stub');
  mkdirSync(stub);
  makeStubElectronExe(path.join(stub, 'electron.exe'));
  writeFileSync(path.join(stub, 'version'), '45.5.0');
  writeFileSync(path.join(stub, 'LICENSE'), 'MIT');
  writeFileSync(path.join(stub, 'LICENSES.chromium.html'), '<html></html>');
  // The project's configuration, less the beforePack hook that demands the Windows credential-store binary.
  const config = parse(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
  delete config.beforePack;
  const configFile = path.join(repoRoot, 'build', `.smoke-win-${process.pid}.yml`);
  writeFileSync(configFile, stringify(config));
  try {
    build = await runBuilder(configFile, stub, path.join(work, 'out'));
  } finally {
    rmSync(configFile, { force: true });
  }
  unpacked = path.join(work, 'out', 'win-unpacked');
}, 300_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('packaged Windows app (electron-builder --win --dir against a stub Electron)', () => {
  it('builds public-kiosk.exe and resources\\app.asar', () => {
    expect(build.output).not.toMatch(/⨯/);
    expect(build.code).toBe(0);
    expect(existsSync(path.join(unpacked, 'public-kiosk.exe'))).toBe(true);
    expect(existsSync(path.join(unpacked, 'resources', 'app.asar'))).toBe(true);
  });

  it('flipped every fuse to the kiosk settings (read back from the .exe)', async () => {
    const { FuseV1Options, getCurrentFuseWire } = await import('@electron/fuses');
    const wire = (await getCurrentFuseWire(path.join(unpacked, 'public-kiosk.exe'))) as Record<string, unknown>;
    const read = Object.fromEntries(Object.keys(wantedFuses).map((name) => [name, wire[FuseV1Options[name as keyof typeof FuseV1Options]] === 49]));
    expect(read).toEqual(wantedFuses);
  });

  it('carries the ASAR integrity resource that the embedded-asar-integrity fuse checks, with the archive\'s hash', () => {
    const exe = ResEdit.NtExecutable.from(readFileSync(path.join(unpacked, 'public-kiosk.exe')));
    const entry = ResEdit.NtExecutableResource.from(exe).entries.find((e) => e.type === 'INTEGRITY' && e.id === 'ELECTRONASAR');
    expect(entry).toBeDefined();
    const integrity = JSON.parse(Buffer.from(entry!.bin).toString('utf8')) as { file: string; alg: string; value: string }[];
    expect(integrity).toEqual([expect.objectContaining({ file: 'resources\\app.asar', alg: 'SHA256' })]);
    expect(integrity[0]!.value).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the archive holds the app and its production dependencies, no sources or tests', () => {
    const entries = listPackage(path.join(unpacked, 'resources', 'app.asar'), { isPack: false }).map((e) => e.split(path.sep).join('/'));
    for (const required of ['/package.json', '/dist/main/index.js', '/dist/main/ipc/preload.js', '/dist/ui/renderer/index.html', '/policies/default.yaml', '/node_modules/@napi-rs/keyring']) {
      expect(entries).toContain(required);
    }
    expect(entries.filter((e) => /\.(ts|map)$/.test(e) || /^\/(src|main|renderer|test|scripts|build)(\/|$)/.test(e))).toEqual([]);
    // Built on Linux, the Windows credential-store binary is absent: the real hook refuses this build.
    expect(entries.some((e) => e.includes('keyring-win32-x64-msvc'))).toBe(false);
  });
});
