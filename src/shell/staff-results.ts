import type { ActionResult } from '../ipc/contract';
import type { ActionDecision } from '../staff/authorize-action';

/**
 * A staff decision as the UI's ActionResult. The UI's reasons are fewer than the core's; the finer
 * reason travels in `message` as a code the UI can translate (never free text with data).
 */
export function decisionToResult(decision: ActionDecision): ActionResult {
  if (decision.allowed) return { ok: true };
  switch (decision.reason) {
    case 'not-signed-in':
    case 'forbidden':
    case 'otp-required':
    case 'otp-invalid':
      return { ok: false, reason: decision.reason };
    case 'password-change-required':
      return { ok: false, reason: 'forbidden', message: 'password-change-required' };
    case 'otp-not-enrolled':
      return { ok: false, reason: 'otp-invalid', message: 'otp-not-enrolled' };
    case 'locked':
      return { ok: false, reason: 'otp-invalid', message: decision.retryAfterSeconds === undefined ? 'locked' : `locked:${decision.retryAfterSeconds}` };
    case 'unavailable':
      return { ok: false, reason: 'failed', message: 'otp-unavailable' };
  }
}
