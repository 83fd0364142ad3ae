/**
 * The kiosk's delay between failed staff sign-ins. It is one state per kiosk, not per account: a
 * citizen who types wrong secrets slows every guess down, but can never lock a staff member out,
 * and the delay says nothing about which staff ids exist. Pure functions; sign-in-throttle.ts keeps
 * the state in the state root and audits it.
 */
export interface SignInDelayState {
  /** Failed checks since the last success, unlock or quiet spell. */
  failures: number;
  /** When the last failed check happened (ISO), or null with no failures. */
  lastFailureAt: string | null;
  /** The failures not yet audited: one record per burst, written when the burst ends. */
  burst: FailureBurst | null;
}

export interface FailureBurst {
  firstAt: string;
  lastAt: string;
  failures: number;
  /** Keyed hashes of the ids typed (never the text: it may be a password typed in the wrong field). */
  idTags: string[];
  /** The staff actions that failed in the burst (sign-in, a secret change, an admin action's OTP). */
  actions: string[];
}

export const NO_DELAY: SignInDelayState = { failures: 0, lastFailureAt: null, burst: null };

/**
 * 1 s after the first failure, doubling to 5 min: an honest typo costs a second, and guessing is held
 * to about twelve tries an hour. A quarter of an hour without a failure forgets the count.
 */
export const SIGN_IN_DELAY = { firstSeconds: 1, maxSeconds: 300, forgetAfterSeconds: 900 } as const;

/** At most this many distinct id hashes per burst record; more only raise the count. */
export const MAX_ID_TAGS = 16;

export function delayAfter(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(SIGN_IN_DELAY.maxSeconds, SIGN_IN_DELAY.firstSeconds * 2 ** Math.min(failures - 1, 20));
}

/**
 * Seconds until the next attempt is looked at; 0 means now. Never more than the delay itself, so a
 * clock set back (or a failure time in the future) cannot turn the delay into a lockout.
 */
export function waitSeconds(state: SignInDelayState, nowMs: number): number {
  if (state.lastFailureAt === null || state.failures === 0) return 0;
  const delay = delayAfter(state.failures);
  const nextMs = Date.parse(state.lastFailureAt) + delay * 1000;
  return Math.min(delay, Math.max(0, Math.ceil((nextMs - nowMs) / 1000)));
}

/** The ISO time the next attempt is looked at, or null when it is now. */
export function nextAttemptAt(state: SignInDelayState, nowMs: number): string | null {
  const wait = waitSeconds(state, nowMs);
  return wait === 0 ? null : new Date(nowMs + wait * 1000).toISOString();
}

/** True when the failures are old enough to be forgotten (their burst is then over). */
export function quiet(state: SignInDelayState, nowMs: number): boolean {
  if (state.lastFailureAt === null) return state.burst !== null;
  return nowMs - Date.parse(state.lastFailureAt) >= SIGN_IN_DELAY.forgetAfterSeconds * 1000;
}

/** One more failed check: the count, the delay and the burst grow. */
export function afterFailure(state: SignInDelayState, at: string, idTag: string, action: string): SignInDelayState {
  const burst = state.burst ?? { firstAt: at, lastAt: at, failures: 0, idTags: [], actions: [] };
  const idTags = burst.idTags.includes(idTag) || burst.idTags.length >= MAX_ID_TAGS ? burst.idTags : [...burst.idTags, idTag];
  const actions = burst.actions.includes(action) ? burst.actions : [...burst.actions, action];
  return {
    failures: state.failures + 1,
    lastFailureAt: at,
    burst: { firstAt: burst.firstAt, lastAt: at, failures: burst.failures + 1, idTags, actions },
  };
}
