import { lstat, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { KIOSK_CREDENTIAL_SERVICE } from '../secrets/credential-store';
import { errorCode } from '../state/atomic-file';
import { gatherProtectedDirs, looksLikeHome, type ProtectedDirs } from './protected-dirs';
import { isWithin, samePath } from './path-relations';
import { describeWindowsRemotePath } from '../policy/windows-paths';
import { WipeRefusedError, type WipeRoots } from './types';

interface CheckedRoot {
  label: string;
  /** The path as given (resolved) and, when a parent is a link, where it really is. */
  forms: string[];
}

/**
 * Refuses, before anything is touched, every root that could make a wipe destroy more than browsing
 * data: missing, relative, the filesystem root, a home or system folder (or one containing it), the
 * kiosk program, a symbolic link, roots that overlap, or the kiosk's own credential service.
 */
export async function assertSafeRoots(
  roots: WipeRoots,
  credentialServices: readonly string[],
  protectedDirs: ProtectedDirs = gatherProtectedDirs(),
): Promise<void> {
  const reasons: string[] = [];
  const labelled: [string, unknown, boolean][] = [
    ['session-data root', roots.sessionData, false],
    ['downloads root', roots.downloads, false],
    ['state root', roots.state, false],
    ...(roots.extraPaths ?? []).map((p, i): [string, unknown, boolean] => [`extra path ${i + 1}`, p, false]),
    // A scanner folder that is not there (scanner unplugged, not yet created) holds no scan: nothing to wipe.
    ...(roots.sessionPaths ?? []).map((p, i): [string, unknown, boolean] => [`session path ${i + 1}`, p, true]),
  ];
  const checked: CheckedRoot[] = [];
  for (const [label, value, mayBeMissing] of labelled) {
    const root = await checkRoot(label, value, protectedDirs, reasons, mayBeMissing);
    if (root) checked.push(root);
  }
  checked.forEach((a, i) => {
    for (const b of checked.slice(i + 1)) {
      const overlap = describeOverlap(a, b);
      if (overlap) reasons.push(overlap);
    }
  });
  if (credentialServices.includes(KIOSK_CREDENTIAL_SERVICE)) {
    reasons.push(`credential service '${KIOSK_CREDENTIAL_SERVICE}' holds the kiosk's own keys and cannot be wiped`);
  }
  if (reasons.length > 0) throw new WipeRefusedError(reasons);
}

async function checkRoot(label: string, value: unknown, dirs: ProtectedDirs, reasons: string[], mayBeMissing: boolean): Promise<CheckedRoot | null> {
  if (typeof value !== 'string' || value.trim() === '') return refuse(reasons, `${label} is missing`);
  if (!path.isAbsolute(value)) return refuse(reasons, `${label} ${value} must be an absolute path`);
  // Before any file-system call: on Windows even an lstat of \\host\share reaches out to the network.
  const remote = process.platform === 'win32' ? describeWindowsRemotePath(value) : null;
  if (remote) return refuse(reasons, `${label} ${value} ${remote}`);
  const resolved = path.resolve(value);
  if (resolved === path.parse(resolved).root) return refuse(reasons, `${label} ${resolved} is the filesystem root`);
  try {
    const info = await lstat(resolved);
    if (info.isSymbolicLink()) {
      const target = await readlink(resolved).catch(() => '?');
      return refuse(reasons, `${label} ${resolved} is a symbolic link (to ${target}); give the real folder`);
    }
    if (!info.isDirectory()) return refuse(reasons, `${label} ${resolved} is not a folder`);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' && mayBeMissing) return checkMissing(label, resolved, dirs, reasons);
    return refuse(reasons, code === 'ENOENT' ? `${label} ${resolved} does not exist` : `${label} ${resolved} cannot be read (${code})`);
  }
  const real = await realpath(resolved);
  const forms = samePath(real, resolved) ? [resolved] : [resolved, real];
  for (const form of forms) {
    const danger = describeDanger(form, dirs);
    if (danger) return refuse(reasons, `${label} ${form} ${danger}`);
  }
  return { label, forms };
}

/**
 * A folder that is not there yet is judged where it would be: its nearest existing parent's real
 * place (a linked parent must not lead a later wipe into a home or system folder) plus the rest.
 */
async function checkMissing(label: string, resolved: string, dirs: ProtectedDirs, reasons: string[]): Promise<CheckedRoot | null> {
  let existing = path.dirname(resolved);
  while (existing !== path.dirname(existing) && !(await lstat(existing).then(() => true, () => false))) existing = path.dirname(existing);
  const real = path.join(await realpath(existing).catch(() => existing), path.relative(existing, resolved));
  const forms = samePath(real, resolved) ? [resolved] : [resolved, real];
  for (const form of forms) {
    const danger = describeDanger(form, dirs);
    if (danger) return refuse(reasons, `${label} ${form} ${danger}`);
  }
  return { label, forms };
}

function describeDanger(dir: string, dirs: ProtectedDirs): string | null {
  if (dir === path.parse(dir).root) return 'is the filesystem root';
  const home = dirs.homes.find((h) => isWithin(h, dir));
  if (home) return samePath(home, dir) ? 'is a home directory' : `contains the home directory ${home}`;
  if (looksLikeHome(dir)) return 'is a home directory';
  const system = dirs.system.find((s) => isWithin(s, dir));
  if (system) return samePath(system, dir) ? 'is a system folder' : `contains the system folder ${system}`;
  const tree = (dirs.systemTrees ?? []).find((t) => isWithin(dir, t));
  if (tree) return `lies inside the system folder ${tree}`;
  if (dirs.program.some((p) => isWithin(p, dir))) return 'contains the kiosk program';
  return null;
}

function describeOverlap(a: CheckedRoot, b: CheckedRoot): string | null {
  for (const x of a.forms) {
    for (const y of b.forms) {
      if (samePath(x, y)) return `${a.label} and ${b.label} are the same folder`;
      if (isWithin(y, x)) return `${b.label} lies inside ${a.label}`;
      if (isWithin(x, y)) return `${a.label} lies inside ${b.label}`;
    }
  }
  return null;
}

function refuse(reasons: string[], reason: string): null {
  reasons.push(reason);
  return null;
}
