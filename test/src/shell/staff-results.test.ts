import { describe, expect, it } from 'vitest';
import { decisionToResult } from '../../../src/shell/staff-results';
import type { ActionDecision } from '../../../src/staff/authorize-action';

describe('decisionToResult', () => {
  it.each<[ActionDecision, unknown]>([
    [{ allowed: true }, { ok: true }],
    [{ allowed: false, reason: 'not-signed-in' }, { ok: false, reason: 'not-signed-in' }],
    [{ allowed: false, reason: 'forbidden' }, { ok: false, reason: 'forbidden' }],
    [{ allowed: false, reason: 'otp-required' }, { ok: false, reason: 'otp-required' }],
    [{ allowed: false, reason: 'otp-invalid' }, { ok: false, reason: 'otp-invalid' }],
    [{ allowed: false, reason: 'password-change-required' }, { ok: false, reason: 'forbidden', message: 'password-change-required' }],
    [{ allowed: false, reason: 'otp-not-enrolled' }, { ok: false, reason: 'otp-invalid', message: 'otp-not-enrolled' }],
    [{ allowed: false, reason: 'locked', retryAfterSeconds: 60 }, { ok: false, reason: 'otp-invalid', message: 'locked:60' }],
    [{ allowed: false, reason: 'locked' }, { ok: false, reason: 'otp-invalid', message: 'locked' }],
    [{ allowed: false, reason: 'unavailable' }, { ok: false, reason: 'failed', message: 'otp-unavailable' }],
  ])('%j → %j', (decision, result) => {
    expect(decisionToResult(decision)).toEqual(result);
  });
});
