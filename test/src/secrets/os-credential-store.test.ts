import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtModule, keyringEnv, runInSecretService, skipWithoutSecretService } from './secret-service-session';

const script = path.join(__dirname, 'fixtures', 'exercise-os-store.mjs');

function parseLastLine(stdout: string): Record<string, unknown> {
  const line = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line) as Record<string, unknown>;
}

describe.skipIf(skipWithoutSecretService('OS credential store against gnome-keyring'))('OS credential store (real Secret Service)', () => {
  it('probes, stores, overwrites, lists and deletes real Secret Service entries', () => {
    const run = runInSecretService([process.execPath, script, builtModule('secrets/os-credential-store'), 'session']);
    expect(run.code, run.stderr).toBe(0);
    const out = parseLastLine(run.stdout);
    expect(out).toEqual({
      available: true,
      missing: null,
      read: 'Mật khẩu ✓ second',
      // Another Secret Service client sees the entry: it is in the real store, not the kernel keyring.
      viaSecretTool: 'Mật khẩu ✓ second',
      accounts: ['audit-key', 'totp:alice'],
      otherService: [],
      deleted: true,
      deletedAgain: false,
      afterDelete: null,
      accountsAfter: ['audit-key'],
      kioskServiceAccounts: [],
    });
  });
});

describe('OS credential store without a D-Bus session', () => {
  it('reports unavailable instead of throwing, and refuses writes with a clear error', () => {
    const home = mkdtempSync(path.join(tmpdir(), 'pk-nobus-'));
    try {
      const run = spawnSync(process.execPath, [script, builtModule('secrets/os-credential-store'), 'no-session'], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...keyringEnv(home), DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(home, 'no-bus')}` },
      });
      expect(run.status, run.stderr).toBe(0);
      const out = parseLastLine(run.stdout);
      expect(out.available).toBe(false);
      expect(out.setError).toMatch(/^CredentialStoreError: OS credential store: write failed: /);
      expect(out.accountsError).toMatch(/^CredentialStoreError: OS credential store: list failed: /);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
