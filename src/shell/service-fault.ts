import type { OutOfServiceReason } from '../ipc/contract';
import type { ServiceState } from '../state/service-state';

/**
 * What the persisted service state means for a kiosk starting up: out of service stays out of
 * service (only a successful shift wipe clears it), and a wipe journal still pending means an
 * interrupted wipe nobody finished. A compliance fail stays one until a shift wipe and a clean doctor
 * run. Unknown or damaged reasons count as an internal error.
 */
export function faultFromServiceState(state: ServiceState): OutOfServiceReason | null {
  if (state.outOfService) {
    const reason = state.outOfService.reason;
    if (reason === 'wipe-overdue') return 'wipe-overdue';
    if (reason === 'wipe-failed' || reason === 'session-clear-failed') return 'wipe-failed';
    if (reason === 'compliance') return 'compliance';
    return 'internal-error';
  }
  return state.journalPending ? 'journal-unfinished' : null;
}
