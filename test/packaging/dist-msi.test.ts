import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { productWxs } from '../../build/msi.mjs';
import { repoRoot } from '../support/cli';

// `npm run dist:msi` bad input; the MSI itself is built and installed under Wine in test/windows/msi.test.ts.
const empty = mkdtempSync(path.join(tmpdir(), 'pk-dist-msi-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe('npm run dist:msi', () => {
  it('without a win-unpacked tree: exit 2 and the command that builds it', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'dist-msi.mjs'), empty], { encoding: 'utf8' });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`dist:msi: ${empty} has no public-kiosk.exe: build the Windows app first with \`npm run dist -- --win --dir\` (on Windows), which writes out/installers/win-unpacked\n`);
    expect(r.status).toBe(2);
  });

  it('refuses a version an MSI cannot carry', () => {
    expect(() => productWxs({ version: '1.0.0-beta.1' })).toThrow("version '1.0.0-beta.1' is not MAJOR.MINOR.PATCH (an MSI ProductVersion)");
  });
});
