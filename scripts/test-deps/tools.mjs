// Helpers for the tools in system-packages.mjs that are fetched rather than installed with apt.
// Everything lands under .cache/test-tools/ in the checkout (git-ignored), one folder per tool.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const toolsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '.cache', 'test-tools');

/** Unpacks an npm package (e.g. 'node@24') from the registry into toolsDir/<folder>/package. */
export function fetchNpmPackage(spec, folder, log = console.log) {
  const dest = path.join(toolsDir, folder);
  mkdirSync(toolsDir, { recursive: true });
  const scratch = mkdtempSync(path.join(toolsDir, '.fetch-'));
  try {
    log(`$ npm pack ${spec}`);
    const name = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', scratch], { encoding: 'utf8' }).trim().split('\n').pop();
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(dest, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(scratch, name), '-C', dest]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return path.join(dest, 'package');
}

/** Unpacks a Debian package's files (without installing it or starting its daemon) into toolsDir/<folder>. */
export function extractDebPackage(pkg, folder, log = console.log) {
  const dest = path.join(toolsDir, folder);
  mkdirSync(toolsDir, { recursive: true });
  const scratch = mkdtempSync(path.join(toolsDir, '.fetch-'));
  try {
    log(`$ apt-get download ${pkg}`);
    execFileSync('apt-get', ['download', '-qq', pkg], { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });
    const deb = readdirSync(scratch).find((f) => f.endsWith('.deb'));
    if (!deb) throw new Error(`apt-get download ${pkg} wrote no .deb`);
    rmSync(dest, { recursive: true, force: true });
    execFileSync('dpkg-deb', ['-x', path.join(scratch, deb), dest]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return dest;
}
