import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../src/cli/commands';
import { compileCacheDir } from '../../../src/cli/compile-cache';
import { cliEntry } from '../../support/cli';

describe('the command table (commands load only when they run)', () => {
  it('each row names its command exactly as the command file does', async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect({ words: command.words, usage: command.usage, summary: command.summary }).toEqual({ words: entry.words, usage: entry.usage, summary: entry.summary });
    }
    expect(new Set(commands.map((c) => c.words.join(' '))).size).toBe(commands.length);
  });

  /** The modules the built CLI loaded, relative to the repository (node_modules as package names). */
  function loadedModules(args: string[]): { code: number | null; modules: string[] } {
    const home = mkdtempSync(path.join(tmpdir(), 'pk-cmd-table-'));
    writeFileSync(path.join(home, 'probe.cjs'), "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify(Object.keys(require.cache)) + '\\n'));");
    const result = spawnSync(process.execPath, ['--require', path.join(home, 'probe.cjs'), cliEntry, ...args], {
      encoding: 'utf8',
      env: { ...process.env, PUBLIC_KIOSK_POLICY: '', HOME: home, XDG_CACHE_HOME: '' },
    });
    rmSync(home, { recursive: true, force: true });
    const line = /LOADED (.*)/.exec(result.stderr)?.[1] ?? '[]';
    const root = path.resolve(path.dirname(cliEntry), '..');
    const modules = (JSON.parse(line) as string[]).map((file) => {
      const pkg = /node_modules[\\/]((@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
      return pkg ? `package:${pkg[1]}` : path.relative(root, file);
    });
    return { code: result.status, modules };
  }

  it('`--version` and `--help` load no command module and no dependency', () => {
    for (const args of [['--version'], ['--help'], ['staff']]) {
      const { modules } = loadedModules(args);
      expect(modules.length, args.join(' ')).toBeGreaterThan(0);
      expect(modules.filter((m) => m.startsWith('package:') || m.includes(`cli${path.sep}commands${path.sep}`)), args.join(' ')).toEqual([]);
    }
  });
});

describe('the compile cache folder', () => {
  it("is the account's own cache folder, never the shared temp folder", () => {
    expect(compileCacheDir('linux', {}, '/home/kiosk')).toBe('/home/kiosk/.cache/public-kiosk/node-compile-cache');
    expect(compileCacheDir('linux', { XDG_CACHE_HOME: '/var/cache/me' }, '/root')).toBe('/var/cache/me/public-kiosk/node-compile-cache');
    // A relative XDG_CACHE_HOME would depend on the working folder (a scheduled task's is System32).
    expect(compileCacheDir('linux', { XDG_CACHE_HOME: 'cache' }, '/root')).toBe('/root/.cache/public-kiosk/node-compile-cache');
    expect(compileCacheDir('win32', { LOCALAPPDATA: 'C:\\Users\\kiosk\\AppData\\Local' }, 'C:\\Users\\kiosk')).toBe('C:\\Users\\kiosk\\AppData\\Local\\public-kiosk\\node-compile-cache');
    expect(compileCacheDir('win32', {}, 'C:\\Windows\\system32\\config\\systemprofile')).toBe('C:\\Windows\\system32\\config\\systemprofile\\AppData\\Local\\public-kiosk\\node-compile-cache');
  });
});
