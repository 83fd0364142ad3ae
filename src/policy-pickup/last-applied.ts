import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { readLatestRecords } from '../audit/latest';
import { readPolicyFile } from '../policy/yaml-source';
import { errorCode } from '../state/atomic-file';
import { machinePolicyHash } from './observe';

/**
 * The last-applied copy: the machine file's content the running policy came from, kept in the state
 * root, so that a relaunch can run on exactly what was validated (after a pick-up) or keep the
 * running policy (the machine file was rejected, or not judged yet, at the shift wipe's relaunch).
 *
 * Nothing in the environment hands it over: the relaunch adds its own switch with the copy's hash,
 * and the copy is looked for only in the state root that the machine policy file names (or, when
 * that file is invalid, the built-in per-OS defaults): never in a folder a stand-in could name for
 * itself. It is trusted only when its bytes hash to that switch, the newest `applied` record of that
 * state root's audit log is that hash, and the log verifies. The bytes checked are the bytes loaded.
 */
export const lastAppliedCopy = (stateRoot: string): string => path.join(stateRoot, 'machine-policy.last-applied.yaml');

/**
 * The machine file reduced to its `paths` (as a policy layer's bytes), so that a machine file
 * rejected for some other mistake still names the state root that vouches for the copy; null when
 * the file is missing or not a YAML mapping with `paths` (the built-in defaults' roots are then asked).
 */
export function machinePathsLayer(machineFile: string): Buffer | null {
  const read = readPolicyFile(machineFile);
  const paths = read.kind === 'read' ? read.source.data?.paths : undefined;
  return paths === undefined ? null : Buffer.from(stringify({ paths }));
}

export interface LastAppliedCheck {
  /** The state root from the machine policy file or the built-in defaults (main/kiosk/boot-plan.ts). */
  stateRoot: string;
  /** The hash the relaunch asked for (its --last-applied-policy switch). */
  hash: string;
  newestAppliedHash(): Promise<string | null>;
  auditLogVerifies(): Promise<boolean>;
}

export type LastAppliedVerdict = { ok: true; file: string; content: Buffer | null } | { ok: false; reason: string };

/** Reads the copy once; `content` null = the applied state had no machine file (bundled policy only). */
export async function checkLastApplied(check: LastAppliedCheck): Promise<LastAppliedVerdict> {
  const file = lastAppliedCopy(check.stateRoot);
  let content: Buffer | null;
  try {
    content = await readFile(file);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') return { ok: false, reason: `the last-applied copy cannot be read (${errorCode(error) ?? String(error)})` };
    content = null;
  }
  if (machinePolicyHash(content) !== check.hash) return { ok: false, reason: 'the last-applied copy is not the policy the relaunch asked for' };
  if ((await check.newestAppliedHash()) !== check.hash) return { ok: false, reason: 'not the last applied policy' };
  if (!(await check.auditLogVerifies())) return { ok: false, reason: 'the audit log does not verify' };
  return { ok: true, file, content };
}

/** The newest `applied` policy hash in a state root's audit log (null: none). */
export async function newestAppliedPolicyHash(stateRoot: string): Promise<string | null> {
  const { applied } = await readLatestRecords(stateRoot, { applied: (r) => r.type === 'policy' && r.event === 'applied' });
  return applied?.type === 'policy' ? applied.hash : null;
}
