import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/cli';

// The shipped CLI and kiosk must hold no way to trigger a crash point: only a test entry that calls
// useCrashPointPort itself can, and nothing the product reads (environment, flags, files) reaches it.
function files(dir: string, ext: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return files(file, ext);
    return ext.test(name) ? [file] : [];
  });
}

const code = (file: string) => readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
const rel = (file: string) => path.relative(repoRoot, file).split(path.sep).join('/');
const product = () => [
  ...files(path.join(repoRoot, 'src'), /\.ts$/),
  ...files(path.join(repoRoot, 'main'), /\.ts$/),
  ...files(path.join(repoRoot, 'renderer'), /\.ts$/),
  ...files(path.join(repoRoot, 'bin'), /\.js$/),
  ...files(path.join(repoRoot, 'dist'), /\.(c|m)?js$/),
];

describe('no way to trigger a crash point in the product', () => {
  it('the built product exists to be scanned', () => {
    expect(existsSync(path.join(repoRoot, 'dist', 'src', 'crash', 'crash-points.js'))).toBe(true);
    expect(existsSync(path.join(repoRoot, 'dist', 'main'))).toBe(true);
  });

  it('nothing in src/, main/, renderer/, bin/ or dist/ installs a port: only its definition names it', () => {
    const naming = product().filter((file) => readFileSync(file, 'utf8').includes('useCrashPointPort')).map(rel).sort();
    expect(naming).toEqual(['dist/src/crash/crash-points.js', 'src/crash/crash-points.ts']);
  });

  it('the crash-point module reads no environment, argument, file or global: the port changes only by that call', () => {
    for (const file of ['src/crash/crash-points.ts', 'dist/src/crash/crash-points.js']) {
      expect(code(path.join(repoRoot, file)), file).not.toMatch(/process|globalThis|require\(|import\(|\bimport\s|env|argv|readFile|fs/);
    }
  });

  it('the product never loads the test entry, and the installer packs no test/ file', () => {
    for (const file of product()) expect(code(file), rel(file)).not.toMatch(/crash-cli|test\/support/);
    const builder = readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8');
    const packed = [...builder.matchAll(/^\s+- "?([^"\n]+)"?$/gm)].map((m) => m[1] ?? '').filter((p) => !p.startsWith('!'));
    expect(packed.filter((p) => p.startsWith('test') || p.includes('*.mjs'))).toEqual([]);
    expect(builder).toMatch(/"!\*\*\/\{test,tests,__tests__\}\/\*\*"/);
  });
});
