import type { Policy } from '../policy/schema';

/** What the account file keeps about failed attempts (no secrets, no typed input). */
export interface LockoutState {
  /** Consecutive failures since the last success or unlock. */
  failures: number;
  /** ISO time until which every attempt is refused without looking at the secret. */
  lockedUntil: string | null;
}

export const NO_FAILURES: LockoutState = { failures: 0, lockedUntil: null };

/** However often it doubles, a lock never lasts longer than a day: an IT officer can always unlock. */
export const MAX_LOCK_SECONDS = 24 * 60 * 60;

/** Seconds until an attempt is looked at again, or 0 when the account is not locked. */
export function lockedForSeconds(state: LockoutState, nowMs: number): number {
  if (state.lockedUntil === null) return 0;
  return Math.max(0, Math.ceil((Date.parse(state.lockedUntil) - nowMs) / 1000));
}

/**
 * One more failure. The policy's maxFailures-th consecutive failure locks the account for
 * baseDelaySeconds; every further failure after that lock ends locks it again for twice as long as
 * the last time, so guessing gets exponentially slower while an honest typo costs little.
 */
export function afterFailure(state: LockoutState, rules: Policy['staff']['lockout'], nowMs: number): LockoutState {
  const failures = state.failures + 1;
  const over = failures - rules.maxFailures;
  if (over < 0) return { failures, lockedUntil: null };
  const seconds = Math.min(MAX_LOCK_SECONDS, rules.baseDelaySeconds * 2 ** Math.min(over, 32));
  return { failures, lockedUntil: new Date(nowMs + seconds * 1000).toISOString() };
}
