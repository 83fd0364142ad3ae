import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { errorCode } from '../state/atomic-file';
import type { MachinePolicyObservation } from './decide';

/** sha256 hex of the machine file's bytes; no file hashes as the empty file (the bundled policy rules). */
export function machinePolicyHash(bytes: Buffer | null): string {
  return createHash('sha256').update(bytes ?? Buffer.alloc(0)).digest('hex');
}

/**
 * Reads the machine policy file once and hashes exactly those bytes, which it hands on. If its size or mtime moved
 * while it was read, it is being written: 'changing'. A replace by rename is seen whole, old or new.
 */
export async function observeMachinePolicy(file: string): Promise<MachinePolicyObservation> {
  const before = await stat(file).catch((error: unknown) => (errorCode(error) === 'ENOENT' ? null : Promise.reject(error)));
  if (before === null) return { state: 'missing', hash: machinePolicyHash(null) };
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { state: 'changing' };
    throw error;
  }
  const after = await stat(file).catch(() => null);
  if (!after || after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ino !== before.ino || bytes.length !== after.size) {
    return { state: 'changing' };
  }
  return { state: 'present', hash: machinePolicyHash(bytes), bytes };
}
