import { describe, expect, it } from 'vitest';
import { afterFailure, delayAfter, MAX_ID_TAGS, NO_DELAY, quiet, SIGN_IN_DELAY, waitSeconds, type SignInDelayState } from '../../../src/staff/sign-in-delay';

const t0 = Date.parse('2026-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('the kiosk sign-in delay', () => {
  it('is 1 s after the first failure, doubling, never more than 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 9, 10, 11, 50, 10_000].map(delayAfter)).toEqual([1, 2, 4, 8, 16, 256, 300, 300, 300, 300]);
    expect(delayAfter(0)).toBe(0);
  });

  it('counts down from the last failure and ends', () => {
    let state: SignInDelayState = NO_DELAY;
    for (let i = 0; i < 4; i += 1) state = afterFailure(state, iso(t0), 'aaaaaaaaaaaaaaaa', 'sign-in');
    expect(waitSeconds(state, t0)).toBe(8);
    expect(waitSeconds(state, t0 + 7_001)).toBe(1);
    expect(waitSeconds(state, t0 + 8_000)).toBe(0);
  });

  it('a failure time in the future (clock set back) waits no longer than the delay', () => {
    const state = afterFailure(NO_DELAY, iso(t0 + 86_400_000), 'aaaaaaaaaaaaaaaa', 'sign-in');
    expect(waitSeconds(state, t0)).toBe(1);
  });

  it('is forgotten after a quiet spell', () => {
    const state = afterFailure(NO_DELAY, iso(t0), 'aaaaaaaaaaaaaaaa', 'sign-in');
    expect(quiet(state, t0 + (SIGN_IN_DELAY.forgetAfterSeconds - 1) * 1000)).toBe(false);
    expect(quiet(state, t0 + SIGN_IN_DELAY.forgetAfterSeconds * 1000)).toBe(true);
  });

  it('keeps each id hash once per burst, at most a bounded number, and every action', () => {
    let state: SignInDelayState = NO_DELAY;
    for (let i = 0; i < 40; i += 1) state = afterFailure(state, iso(t0 + i), i.toString(16).padStart(16, '0'), i % 2 ? 'sign-in' : 'password-changed');
    state = afterFailure(state, iso(t0 + 50), '0'.repeat(16), 'sign-in');
    expect(state.burst).toMatchObject({ failures: 41, firstAt: iso(t0), lastAt: iso(t0 + 50), actions: ['password-changed', 'sign-in'] });
    expect(state.burst?.idTags).toHaveLength(MAX_ID_TAGS);
  });
});
