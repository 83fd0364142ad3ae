import { spawnSync } from 'node:child_process';
import { amtoolPath, promtoolPath, tools } from '../../scripts/test-deps/system-packages.mjs';

/**
 * promtool and amtool, unpacked from Debian's packages by the test setup (scripts/test-deps/). A
 * bare `vitest run` fetches them the same way; if that fails the test fails — never a silent skip.
 */
function ensureTool(name: 'promtool' | 'amtool', file: string): string {
  const tool = tools.find((t) => t.name === name);
  if (!tool) throw new Error(`${name} is not declared in scripts/test-deps/system-packages.mjs`);
  if (!tool.present()) tool.install(() => undefined);
  if (!tool.present()) throw new Error(`${name} is missing at ${file}; run node scripts/test-deps/ensure.mjs`);
  return file;
}

export const promtool = (): string => ensureTool('promtool', promtoolPath);
export const amtool = (): string => ensureTool('amtool', amtoolPath);

export interface ToolRun {
  code: number | null;
  output: string;
}

/** Runs a tool with its output (stdout and stderr together) for the assertion message. */
export function runTool(file: string, args: string[], input?: string, cwd?: string): ToolRun {
  const result = spawnSync(file, args, { encoding: 'utf8', input, cwd, timeout: 60_000 });
  return { code: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}
