import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli';
import { makeCliRoots, plant, type CliRoots } from './wipe-fixtures';

// `wipe --if-due` as the OS scheduler runs it: the built CLI, a real process, real files.
let roots: CliRoots;
afterEach(() => roots?.cleanup());

describe('public-kiosk wipe --if-due (real process)', () => {
  it('wipes when owed (exit 0), then says "not due" (exit 0) and deletes nothing', () => {
    roots = makeCliRoots();
    plant(roots.sessionData, { 'Default/Cookies': 'x' });
    const first = runCli(['wipe', '--if-due', '--policy', roots.policyFile]);
    expect(first.stdout).toMatch(/SUCCEEDED/);
    expect(first.code).toBe(0);
    expect(readdirSync(roots.sessionData)).toEqual([]);

    plant(roots.sessionData, { 'Default/Cookies': 'after the wipe' });
    const second = runCli(['wipe', '--if-due', '--policy', roots.policyFile]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^not due/m);
    expect(readdirSync(roots.sessionData)).toEqual(['Default']);
  });

  it('refuses --reason with --if-due (exit 2)', () => {
    roots = makeCliRoots();
    const result = runCli(['wipe', '--if-due', '--reason', 'manual', '--policy', roots.policyFile]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--if-due .* no --reason/);
  });
});
