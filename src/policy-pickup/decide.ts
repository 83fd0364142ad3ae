/**
 * When a changed machine policy file is taken up: pure decisions, no I/O (see pickup.ts).
 *
 * - A change is acted on only once the file has read the same twice, `settleMs` apart: a tool that
 *   writes the file in place (not by rename) is never caught half-way and its half file is neither
 *   applied nor reported as rejected.
 * - Only at a safe point (the welcome screen with no session open, or a shift wipe): never in the
 *   middle of a citizen's session.
 * - The same rejected content is reported once, not at every check; a newer content is judged anew.
 */
export type MachinePolicyObservation =
  /**
   * `bytes`: exactly what was read and hashed (absent for a missing file): the pick-up validates,
   * keeps and relaunches on these bytes, never on a second read of the file.
   */
  | { state: 'present' | 'missing'; hash: string; bytes?: Buffer }
  /** The file changed while it was being read: look again later. */
  | { state: 'changing' };

export interface PickupState {
  /** Hash of the machine file the running policy was loaded from. */
  runningHash: string;
  /** A different content, first seen at `since` (ms): waiting for it to settle. */
  candidate: { hash: string; since: number } | null;
  /** The newest content found invalid; reported already. */
  rejectedHash: string | null;
}

export type PickupStep =
  | { action: 'none'; why: 'unchanged' | 'settling' | 'already-rejected' | 'not-a-safe-point' }
  /** Settled, at a safe point: validate this content now, then apply it or reject it. */
  | { action: 'validate'; hash: string };

export function initialPickupState(runningHash: string, rejectedHash: string | null = null): PickupState {
  return { runningHash, candidate: null, rejectedHash };
}

export function decidePickup(state: PickupState, seen: MachinePolicyObservation, now: number, safePoint: boolean, settleMs: number): { state: PickupState; step: PickupStep } {
  if (seen.state === 'changing') return { state: { ...state, candidate: null }, step: { action: 'none', why: 'settling' } };
  if (seen.hash === state.runningHash) return { state: { ...state, candidate: null }, step: { action: 'none', why: 'unchanged' } };
  if (seen.hash === state.rejectedHash) return { state: { ...state, candidate: null }, step: { action: 'none', why: 'already-rejected' } };
  if (state.candidate?.hash !== seen.hash) {
    return { state: { ...state, candidate: { hash: seen.hash, since: now } }, step: { action: 'none', why: 'settling' } };
  }
  if (now - state.candidate.since < settleMs) return { state, step: { action: 'none', why: 'settling' } };
  if (!safePoint) return { state, step: { action: 'none', why: 'not-a-safe-point' } };
  return { state, step: { action: 'validate', hash: seen.hash } };
}

/** After validation: a valid content becomes the running one (the caller applies it whole). */
export function afterValidation(state: PickupState, hash: string, valid: boolean): PickupState {
  return valid ? { runningHash: hash, candidate: null, rejectedHash: null } : { ...state, candidate: null, rejectedHash: hash };
}
