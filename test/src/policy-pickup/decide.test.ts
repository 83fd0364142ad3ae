import { describe, expect, it } from 'vitest';
import { afterValidation, decidePickup, initialPickupState } from '../../../src/policy-pickup/decide';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const present = (hash: string) => ({ state: 'present' as const, hash });

describe('decidePickup', () => {
  it('the running content is no change; a new one must read the same for settleMs before it is judged', () => {
    let s = initialPickupState(A);
    expect(decidePickup(s, present(A), 0, true, 5000).step).toEqual({ action: 'none', why: 'unchanged' });
    ({ state: s } = decidePickup(s, present(B), 1000, true, 5000));
    expect(decidePickup(s, present(B), 5999, true, 5000).step).toEqual({ action: 'none', why: 'settling' });
    expect(decidePickup(s, present(B), 6000, true, 5000).step).toEqual({ action: 'validate', hash: B });
  });

  it('a file being written, or a different content, starts the wait again', () => {
    let s = initialPickupState(A);
    ({ state: s } = decidePickup(s, present(B), 0, true, 5000));
    ({ state: s } = decidePickup(s, { state: 'changing' }, 10_000, true, 5000));
    expect(s.candidate).toBeNull();
    ({ state: s } = decidePickup(s, present(B), 11_000, true, 5000));
    expect(decidePickup(s, present(B), 12_000, true, 5000).step.action).toBe('none');
  });

  it('not at a safe point: waits, and judges at the first safe one', () => {
    let s = initialPickupState(A);
    ({ state: s } = decidePickup(s, present(B), 0, false, 5000));
    expect(decidePickup(s, present(B), 60_000, false, 5000).step).toEqual({ action: 'none', why: 'not-a-safe-point' });
    expect(decidePickup(s, present(B), 60_000, true, 5000).step).toEqual({ action: 'validate', hash: B });
  });

  it('a rejected content is not judged again; going back to the running one clears nothing it should not', () => {
    const rejected = afterValidation(initialPickupState(A), B, false);
    expect(rejected).toEqual({ runningHash: A, candidate: null, rejectedHash: B });
    expect(decidePickup(rejected, present(B), 99_999, true, 0).step).toEqual({ action: 'none', why: 'already-rejected' });
    expect(decidePickup(rejected, present(A), 99_999, true, 0).step).toEqual({ action: 'none', why: 'unchanged' });
    expect(afterValidation(rejected, 'c'.repeat(64), true)).toEqual({ runningHash: 'c'.repeat(64), candidate: null, rejectedHash: null });
  });

  it('a removed machine file is a change like any other (back to the bundled policy), judged the same way', () => {
    let s = initialPickupState(A);
    const missing = { state: 'missing' as const, hash: B };
    ({ state: s } = decidePickup(s, missing, 0, true, 1000));
    expect(decidePickup(s, missing, 1000, true, 1000).step).toEqual({ action: 'validate', hash: B });
  });
});
