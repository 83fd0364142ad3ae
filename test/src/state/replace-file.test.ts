import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceFile } from '../../../src/state/replace-file';

// The Windows behaviour itself (a rename over a file another process holds) runs under Wine in
// test/windows/state-files.test.ts; here the retry policy, with a rename that fails on cue.
let dir: string;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function failing(codes: string[]): { calls: number; rename: (a: string, b: string) => Promise<void> } {
  const state = {
    calls: 0,
    rename: async (a: string, b: string) => {
      const code = codes[state.calls];
      state.calls += 1;
      if (code) throw Object.assign(new Error(`${code}: rename`), { code });
      await rename(a, b);
    },
  };
  return state;
}

describe('replaceFile', () => {
  it('on Windows retries a rename refused by a sharing lock until it goes through', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pk-replace-'));
    writeFileSync(path.join(dir, 'new'), 'new');
    writeFileSync(path.join(dir, 'file'), 'old');
    const fake = failing(['EPERM', 'EBUSY', 'EACCES']);
    await replaceFile(path.join(dir, 'new'), path.join(dir, 'file'), { platform: 'win32', rename: fake.rename });
    expect(fake.calls).toBe(4);
    expect(readFileSync(path.join(dir, 'file'), 'utf8')).toBe('new');
  });

  it('on Windows gives up after its time budget with the last error (a file held for good still fails)', async () => {
    const fake = failing(Array(1000).fill('EPERM'));
    const started = Date.now();
    await expect(replaceFile('a', 'b', { platform: 'win32', budgetMs: 200, rename: fake.rename })).rejects.toMatchObject({ code: 'EPERM' });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(fake.calls).toBeGreaterThan(2);
  });

  it('does not retry other errors, nor anything on Linux', async () => {
    const enoent = failing(['ENOENT']);
    await expect(replaceFile('a', 'b', { platform: 'win32', rename: enoent.rename })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(enoent.calls).toBe(1);
    const eperm = failing(['EPERM']);
    await expect(replaceFile('a', 'b', { platform: 'linux', rename: eperm.rename })).rejects.toMatchObject({ code: 'EPERM' });
    expect(eperm.calls).toBe(1);
  });
});
