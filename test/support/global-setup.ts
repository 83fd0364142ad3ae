import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import './unprivileged-runtime';

// CLI tests run the built CLI as a real process, so the build must exist. `npm test` and
// `npm run check` build first; a bare `npx vitest` still gets a clear message instead of ENOENT noise.
// Tests that run a process as `nobody` share one world-readable runtime copy per run: its folder is
// made here (empty, cheap) and filled by the first such test (support/unprivileged-runtime.ts).
export default function setup(project: TestProject): () => void {
  const root = path.resolve(__dirname, '..', '..');
  const cli = path.join(root, 'dist', 'src', 'cli', 'index.js');
  if (!existsSync(cli)) {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  }
  const runtimeDir = mkdtempSync(path.join(tmpdir(), 'pk-runtime-'));
  chmodSync(runtimeDir, 0o755);
  project.provide('unprivilegedRuntimeDir', runtimeDir);
  return () => rmSync(runtimeDir, { recursive: true, force: true });
}
