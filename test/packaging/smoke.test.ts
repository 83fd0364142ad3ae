import { extractAll, extractFile, listPackage } from '@electron/asar';
import { spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wantedFuses } from '../../src/shell/fuses';
import { repoRoot } from '../support/cli';
import { requiresIn, walkImports, walkRequires } from './asar-walk';

// One real `electron-builder --dir --linux` run against a stub Electron folder (the binary cannot
// be downloaded here): the stub `electron` carries a fuse wire with Electron's defaults, so the
// fuses the build flips are read back from the packaged file itself.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// run_as_node 1, cookie_encryption 0, node_options 1, node_cli_inspect 1, embedded_asar_integrity 0,
// only_load_app_from_asar 0, browser_v8_snapshot 0, grant_file_protocol_extra_privileges 1, wasm_trap_handlers 1
const ELECTRON_DEFAULT_WIRE = '101100011';

let work: string;
let unpacked: string;
let asarFile: string;
let entries: string[];
let build = { code: -1 as number | null, output: '' };

function makeStubElectron(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const binary = path.join(dir, 'electron');
  writeFileSync(binary, Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(FUSE_SENTINEL), Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_WIRE)]));
  chmodSync(binary, 0o755);
  writeFileSync(path.join(dir, 'version'), '45.5.0');
  writeFileSync(path.join(dir, 'LICENSE'), 'MIT');
  writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '<html></html>');
}

function runBuilder(stub: string, output: string): Promise<{ code: number | null; output: string }> {
  const cli = path.join(repoRoot, 'node_modules', 'electron-builder', 'cli.js');
  const args = [cli, '--config', 'electron-builder.yml', '--dir', '--linux', '--x64', '--publish', 'never', `-c.electronDist=${stub}`, `-c.directories.output=${output}`];
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
  work = mkdtempSync(path.join(tmpdir(), 'pk-package-'));
  makeStubElectron(path.join(work, 'electron-stub'));
  build = await runBuilder(path.join(work, 'electron-stub'), path.join(work, 'out'));
  unpacked = path.join(work, 'out', 'linux-unpacked');
  asarFile = path.join(unpacked, 'resources', 'app.asar');
  entries = existsSync(asarFile) ? listPackage(asarFile, { isPack: false }).map((e) => e.split(path.sep).join('/')) : [];
}, 300_000);
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('packaged Linux app (electron-builder --dir against a stub Electron)', () => {
  it('builds', () => {
    expect(build.output).not.toMatch(/⨯/);
    expect(build.code).toBe(0);
    expect(existsSync(asarFile)).toBe(true);
  });

  it('has the binary, the display-less CLI wrapper and the unpacked native credential-store module', () => {
    accessSync(path.join(unpacked, 'public-kiosk'), constants.X_OK);
    accessSync(path.join(unpacked, 'public-kiosk-cli'), constants.X_OK);
    expect(existsSync(path.join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', '@napi-rs', 'keyring-linux-x64-gnu', 'keyring.linux-x64-gnu.node'))).toBe(true);
  });

  it('flipped every fuse to the kiosk settings (read back from the packaged binary)', async () => {
    const { FuseV1Options, getCurrentFuseWire } = await import('@electron/fuses');
    const wire = (await getCurrentFuseWire(path.join(unpacked, 'public-kiosk'))) as Record<string, unknown>;
    const read = Object.fromEntries(Object.keys(wantedFuses).map((name) => [name, wire[FuseV1Options[name as keyof typeof FuseV1Options]] === 49]));
    expect(read).toEqual(wantedFuses);
  });

  it('contains the main entry, the preload, the kiosk UI, the default policy and package.json', () => {
    const manifest = JSON.parse(extractFile(asarFile, 'package.json').toString('utf8')) as { main: string };
    expect(manifest.main).toBe('dist/main/index.js');
    for (const required of ['/package.json', '/dist/main/index.js', '/dist/main/ipc/preload.js', '/dist/ui/renderer/index.html', '/dist/ui/renderer/app.js', '/policies/default.yaml']) {
      expect(entries).toContain(required);
    }
  });

  it('contains no TypeScript sources, tests, source maps or development dependencies', () => {
    expect(entries.filter((e) => /\.(ts|map|tsbuildinfo)$/.test(e))).toEqual([]);
    expect(entries.filter((e) => /^\/(src|main|renderer|test|scripts|build|bin|docs)(\/|$)/.test(e))).toEqual([]);
    expect(entries.filter((e) => /\/(test|tests|__tests__)\//.test(e) && !e.startsWith('/node_modules/'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; dependencies: Record<string, string> };
    const devOnly = Object.keys(manifest.devDependencies).filter((name) => !(name in manifest.dependencies));
    expect(devOnly.filter((name) => entries.includes(`/node_modules/${name}`))).toEqual([]);
    for (const name of Object.keys(manifest.dependencies)) expect(entries).toContain(`/node_modules/${name}`);
  });

  describe('from the extracted archive', () => {
    let appDir: string;
    beforeAll(() => {
      appDir = path.join(work, 'extracted');
      if (existsSync(asarFile)) extractAll(asarFile, appDir);
    });

    it("the main entry's requires all resolve inside the archive", () => {
      const walk = walkRequires(appDir, 'dist/main/index.js');
      expect(walk.unresolved).toEqual([]);
      expect(walk.files.length).toBeGreaterThan(0);
    });

    it('the sandboxed preload requires nothing but electron', () => {
      expect(requiresIn(readFileSync(path.join(appDir, 'dist', 'main', 'ipc', 'preload.js'), 'utf8'))).toEqual(['electron']);
    });

    it("the kiosk UI's module imports, followed from index.html, all resolve inside the archive", () => {
      const html = readFileSync(path.join(appDir, 'dist', 'ui', 'renderer', 'index.html'), 'utf8');
      const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => path.posix.join('/dist/ui/renderer', m[1] ?? ''));
      const walk = walkImports(appDir, scripts, entries);
      expect(scripts.length).toBeGreaterThan(0);
      expect(walk.missing).toEqual([]);
      expect(walk.files).toContain('/dist/ui/renderer/app.js');
    });

    it('the credential-store module loads from the packaged files (its native binary unpacked)', () => {
      const load = createRequire(path.join(appDir, 'dist', 'main', 'index.js'));
      const keyring = load('@napi-rs/keyring') as Record<string, unknown>;
      expect(typeof keyring.AsyncEntry).toBe('function');
      expect(load.resolve('@napi-rs/keyring')).toContain(appDir);
    });
  });
});
