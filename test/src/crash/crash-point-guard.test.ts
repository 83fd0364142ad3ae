import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/cli';

/**
 * Completeness guard: every file write in src/ sits in a module that carries crash points, right
 * next to one. A newcomer who writes a state file uses src/state/atomic-file.ts (writeFileAtomic,
 * removeFileDurably: crash points included) and never meets this test.
 */
const WRITERS: Record<string, string> = {
  'src/state/atomic-file.ts': 'every state file: temp + fsync + rename + directory fsync; durable unlink',
  'src/state/file-lock.ts': 'wipe.lock, audit.lock, staff accounts lock: O_EXCL create, unlink',
  'src/audit/audit-log.ts': 'audit.log: O_APPEND line + fsync, then audit.head (atomic)',
  'src/audit/log-tail.ts': 'audit.log: cuts an interrupted last line before the next append',
  'src/audit/start-new-log.ts': 'audit.log, audit.head: renamed aside',
  'src/wipe/canaries.ts': 'canaries/: folder, unreadable files set aside (*.bad)',
  'src/wipe/remove-target.ts': 'the wipe targets (crash points around each target in execute-wipe.ts)',
  'src/liveness/kiosk-lock.ts': 'kiosk.lock: temp + link / rename, break guard',
  'src/staff/account-store.ts': 'staff/ folder (accounts.json itself through writeFileAtomic)',
  'src/install/linux-schedule.ts': 'systemd units (through writeFileAtomic), their folder, their removal',
};

/** Writes that are not state, each with its reason. A file written at a user's request (e.g. `report --out`) may go here. */
const EXCEPTIONS: Record<string, string> = {
  'src/install/windows-schedule.ts': 'temporary task XML in the OS temp folder, handed to schtasks and deleted: no state',
  'src/install/data-folders.ts': 'creates the empty ProgramData folders at install time (an administrator, before any state exists); a repeat run creates them again',
  'src/staff/sign-in-throttle.ts': "only creates the staff folder (idempotent mkdir); the delay and id-tag files go through writeFileAtomic",
  'src/state/regular-file.ts': 'opens files read-only (O_RDONLY | O_NOFOLLOW | O_NONBLOCK) to read them without blocking: writes nothing',
};

const fsModules = /^(node:)?fs(\/promises)?$|^rimraf$|^graceful-fs$|^fs-extra$|^write-file-atomic$/;
const writeNames = new Set([
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'rename', 'renameSync', 'unlink', 'unlinkSync',
  'rm', 'rmSync', 'rmdir', 'rmdirSync', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync', 'truncate', 'truncateSync',
  'ftruncate', 'ftruncateSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'link', 'linkSync', 'symlink',
  'symlinkSync', 'createWriteStream', 'write', 'writeSync', 'writev', 'open', 'openSync', 'chmod', 'chmodSync',
  'chown', 'utimes', 'rimraf', 'rimrafSync', 'native', 'manual', 'moveFile', 'outputFile', 'writeJson', 'remove', 'emptyDir',
]);
/** How far below a write its crash point may sit (a try/catch around a rename needs a few lines). */
const NEAR = 6;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [file] : [];
  });
}

interface WriteUse {
  file: string;
  /** fs write functions imported (or '*' for a whole-module import). */
  names: string[];
  /** Lines calling one of them to write (1-based). */
  writes: number[];
  /** Those with no crash point within NEAR lines below. */
  bare: number[];
}

/** Imports (static, `require`, dynamic) of fs-like modules and the write functions they bring in. */
export function findWrites(file: string, text: string): WriteUse | null {
  const names = new Set<string>();
  const importRe = /import\s+(type\s+)?([^'";]*?)\s+from\s+['"]([^'"]+)['"]|(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const match of text.matchAll(importRe)) {
    const source = match[3] ?? match[4] ?? '';
    if (!fsModules.test(source) || match[1]) continue;
    const clause = match[2];
    if (clause === undefined) {
      names.add('*');
      continue;
    }
    const braces = /\{([^}]*)\}/.exec(clause);
    if (clause.replace(/\{[^}]*\}/, '').replace(/,/g, '').trim() !== '') names.add('*');
    for (const part of braces?.[1]?.split(',') ?? []) {
      const [imported, local] = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/);
      if (imported && writeNames.has(imported)) names.add(local ?? imported);
      else if (imported && source === 'rimraf' && !part.trim().startsWith('type ')) names.add(local ?? imported);
    }
  }
  if (names.size === 0) return null;
  const lines = text.split('\n');
  const bare: number[] = [];
  const writeLines: number[] = [];
  lines.forEach((line, index) => {
    if (line.trim().startsWith('import ') || line.trim().startsWith('*') || line.trim().startsWith('//')) return;
    const calls = [...names].filter((name) => name !== '*' && new RegExp(`(?<![.\\w])${name}\\(`).test(line));
    // open(file, 'r') only reads.
    const writes = calls.filter((name) => !(/^open(Sync)?$/.test(name) && /open(Sync)?\([^,]+,\s*'r'\s*\)/.test(line)));
    if (writes.length === 0) return;
    writeLines.push(index + 1);
    const below = lines.slice(index, index + NEAR + 1).join('\n');
    if (!/crashPoint\(/.test(below)) bare.push(index + 1);
  });
  if (!names.has('*') && writeLines.length === 0) return null;
  return { file, names: [...names], writes: writeLines, bare };
}

function writesInSrc(): WriteUse[] {
  return sourceFiles(path.join(repoRoot, 'src'))
    .map((file) => findWrites(path.relative(repoRoot, file).split(path.sep).join('/'), readFileSync(file, 'utf8')))
    .filter((use): use is WriteUse => use !== null);
}

const advice = [
  'A state file is written with writeFileAtomic / removed with removeFileDurably from src/state/atomic-file.ts:',
  'they carry the crash points. A write that cannot go through them calls crashPoint(step, subject) from',
  'src/crash/crash-points.ts within a few lines after each step, and its module is listed in WRITERS in',
  'test/src/crash/crash-point-guard.test.ts (with a row in docs/ARCHITECTURE.md). A file written only at a',
  "user's request (e.g. report --out), or outside every state root, goes in EXCEPTIONS with its reason.",
].join('\n');

describe('every file write in src/ has a crash point', () => {
  const uses = writesInSrc();

  it('only the listed modules import fs write functions', () => {
    const unlisted = uses.filter((use) => !(use.file in WRITERS) && !(use.file in EXCEPTIONS));
    expect(unlisted.map((use) => `${use.file} imports ${use.names.join(', ')} but is not a crash-point module.\n${advice}`)).toEqual([]);
  });

  it('in those modules each write is followed by a crash point', () => {
    const bare = uses.filter((use) => use.file in WRITERS && use.bare.length > 0);
    expect(bare.map((use) => `${use.file}:${use.bare.join(',')} writes with no crashPoint() after it.\n${advice}`)).toEqual([]);
  });

  it('the lists name only modules that still write (no stale entries)', () => {
    const writing = new Set(uses.map((use) => use.file));
    expect(Object.keys({ ...WRITERS, ...EXCEPTIONS }).filter((file) => !writing.has(file))).toEqual([]);
  });

  it('the scan sees the forms a newcomer would use', () => {
    const sample = [
      "import { writeFile as put, readFile } from 'node:fs/promises';",
      "import * as fs from 'fs';",
      "import { rimraf } from 'rimraf';",
      "const { appendFileSync } = require('node:fs');",
      'await put(file, text);',
      "const h = await open(file, 'r');",
    ].join('\n');
    expect(findWrites('x.ts', sample)).toMatchObject({ names: expect.arrayContaining(['put', '*', 'rimraf']), bare: [5] });
    expect(findWrites('y.ts', "import { readFile } from 'node:fs/promises';\nawait readFile(f);")).toBeNull();
    expect(findWrites('z.ts', "import { open } from 'node:fs/promises';\nawait open(f, 'r');")).toBeNull();
    expect(findWrites('w.ts', "import { open } from 'node:fs/promises';\nawait open(f, 'a');")).toMatchObject({ bare: [2] });
  });
});
