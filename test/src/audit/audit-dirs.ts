import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A fresh state root and a "backup" folder per test, handed to `use` before it runs, removed after it. */
export function useAuditDirs(use: (dirs: { state: string; backup: string }) => void): void {
  const dirs = { state: '', backup: '' };
  beforeEach(() => {
    dirs.state = mkdtempSync(path.join(tmpdir(), 'pk-audit-'));
    dirs.backup = mkdtempSync(path.join(tmpdir(), 'pk-audit-backup-'));
    use(dirs);
  });
  afterEach(() => {
    rmSync(dirs.state, { recursive: true, force: true });
    rmSync(dirs.backup, { recursive: true, force: true });
  });
}

/** Copies audit.log and audit.head together, as a backup or a restore of the pair would. */
export function copyAuditPair(from: string, to: string): void {
  for (const file of ['audit.log', 'audit.head']) copyFileSync(path.join(from, file), path.join(to, file));
}
