import { executeWipe } from './execute-wipe';
import { newWipeId } from './record';
import { finishPendingWipe } from './recover';
import { assertSafeRoots } from './root-safety';
import { normalizeSessionId } from './targets';
import { WipeRefusedError, type WipeDeps, type WipeOutcome, type WipeRequest } from './types';
import { takeWipeLock } from './wipe-lock';

const triggers = new Set(['session-end', 'idle', 'shift-end', 'catch-up', 'startup-recovery', 'manual', 'crash']);

/**
 * Runs one wipe: refuse dangerous roots (WipeRefusedError, nothing touched) → take the wipe lock →
 * finish any interrupted wipe first → journal → delete → verify → record → out of service on
 * failure, or last successful shift wipe on success. Resolves with the outcome; rejects only for a
 * refusal or when even the state root cannot be written.
 */
export async function runWipe(request: WipeRequest, deps: WipeDeps): Promise<WipeOutcome> {
  const checked = checkRequest(request);
  await assertSafeRoots(deps.roots, deps.credentialServices);
  const lock = await takeWipeLock(deps);
  try {
    await finishPendingWipe(deps);
    return await executeWipe(checked, deps, { wipeId: newWipeId() });
  } finally {
    await lock.release();
  }
}

function checkRequest(request: WipeRequest): WipeRequest {
  if (request.scope !== 'session' && request.scope !== 'shift') {
    throw new WipeRefusedError([`scope must be 'session' or 'shift'`]);
  }
  if (!triggers.has(request.trigger)) throw new WipeRefusedError([`unknown trigger ${JSON.stringify(request.trigger)}`]);
  if (request.scope === 'shift') return { scope: 'shift', trigger: request.trigger, ...optionalCovered(request) };
  return { scope: 'session', trigger: request.trigger, sessionId: normalizeSessionId(request.sessionId) };
}

function optionalCovered(request: WipeRequest): Pick<WipeRequest, 'coveredShiftEnd'> {
  return request.coveredShiftEnd ? { coveredShiftEnd: request.coveredShiftEnd } : {};
}
