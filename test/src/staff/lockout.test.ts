import { describe, expect, it } from 'vitest';
import { afterFailure, lockedForSeconds, MAX_LOCK_SECONDS, NO_FAILURES, type LockoutState } from '../../../src/staff/lockout';

const rules = { maxFailures: 5, baseDelaySeconds: 30 };

describe('lockout', () => {
  it('locks at the fifth failure for the base delay and doubles with each further failure', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    let state: LockoutState = NO_FAILURES;
    const locks: number[] = [];
    for (let i = 0; i < 9; i += 1) {
      state = afterFailure(state, rules, now);
      locks.push(lockedForSeconds(state, now));
    }
    expect(locks).toEqual([0, 0, 0, 0, 30, 60, 120, 240, 480]);
  });

  it('never locks for more than a day', () => {
    const state = afterFailure({ failures: 60, lockedUntil: null }, rules, 0);
    expect(lockedForSeconds(state, 0)).toBe(MAX_LOCK_SECONDS);
  });

  it('counts the lock down and ends it', () => {
    const state = afterFailure({ failures: 4, lockedUntil: null }, rules, 0);
    expect(lockedForSeconds(state, 0)).toBe(30);
    expect(lockedForSeconds(state, 29_001)).toBe(1);
    expect(lockedForSeconds(state, 30_000)).toBe(0);
  });
});
