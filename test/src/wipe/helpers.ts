import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CredentialStore } from '../../../src/secrets/credential-store';
import type { WipeRoots } from '../../../src/wipe/types';

/** A credential store in memory, with a switch to make it unreachable. */
export class FakeCredentialStore implements CredentialStore {
  readonly entries = new Map<string, Map<string, string>>();
  reachable = true;
  async available() {
    return this.reachable;
  }
  async get(service: string, account: string) {
    this.assertReachable();
    return this.entries.get(service)?.get(account) ?? null;
  }
  async set(service: string, account: string, secret: string) {
    this.assertReachable();
    const accounts = this.entries.get(service) ?? new Map<string, string>();
    accounts.set(account, secret);
    this.entries.set(service, accounts);
  }
  async delete(service: string, account: string) {
    this.assertReachable();
    return this.entries.get(service)?.delete(account) ?? false;
  }
  async accounts(service: string) {
    this.assertReachable();
    return [...(this.entries.get(service)?.keys() ?? [])];
  }
  private assertReachable() {
    if (!this.reachable) throw new Error('store unreachable');
  }
}

export interface TempRoots extends WipeRoots {
  base: string;
  cleanup(): void;
}

/** Three real roots (and one extra path, and `sessionPaths` scanner folders) in a fresh temporary folder. */
export function makeRoots(extraPaths = 1, sessionPaths = 0): TempRoots {
  const base = mkdtempSync(path.join(tmpdir(), 'pk-wipe-'));
  const roots = {
    sessionData: path.join(base, 'session-data'),
    downloads: path.join(base, 'downloads'),
    state: path.join(base, 'state'),
    extraPaths: Array.from({ length: extraPaths }, (_, i) => path.join(base, `extra-${i + 1}`)),
    sessionPaths: Array.from({ length: sessionPaths }, (_, i) => path.join(base, `scans-${i + 1}`)),
  };
  for (const dir of [roots.sessionData, roots.downloads, roots.state, ...roots.extraPaths, ...roots.sessionPaths]) mkdirSync(dir, { recursive: true });
  return { ...roots, base, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/** Writes `files` (relative path → content) below `dir`. */
export function plant(dir: string, files: Record<string, string | Buffer>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
