import type { KioskState } from '../ipc/contract';
import type { KioskEventType } from './types';

/**
 * Which events each state acts on. Everything else is ignored on purpose and reported as ignored:
 * - a wipe result that is not for the running wipe, or arrives when no wipe runs;
 * - a crash, shift end or due check while a wipe runs (the wipe's own result decides; a shift end
 *   that passes during a session wipe is remembered, see `ending`);
 * - anything but a recovery or staff wipe while out of service (it is left only through a
 *   successful wipe);
 * - citizen actions outside a session.
 */
export const acceptedEvents: Record<KioskState, readonly KioskEventType[]> = {
  starting: ['booted', 'fault'],
  welcome: ['start-session', 'shift-end', 'due-check', 'staff-wipe', 'fault'],
  'in-session': [
    'user-activity',
    'idle-warning',
    'idle-timeout',
    'still-here',
    'end-session',
    'browser-crashed',
    'shift-end',
    'due-check',
    'shift-warning-over',
    'staff-wipe',
    'fault',
  ],
  ending: ['wipe-succeeded', 'wipe-failed', 'shift-end', 'due-check', 'fault'],
  'wiping-shift': ['wipe-succeeded', 'wipe-failed', 'fault'],
  'out-of-service': ['retry-wipe', 'staff-wipe'],
};

export function accepts(state: KioskState, type: KioskEventType): boolean {
  return acceptedEvents[state].includes(type);
}
