import type { WipeTrigger } from '../audit/record-types';
import type { SessionEndTrigger } from '../session/types';

/**
 * How the session controller's reasons for ending a session read in the audit log's wipe records.
 * (Shift wipes run in the start-up CLI child, which names its own trigger: main/kiosk/startup-wipe.ts.)
 */
export const sessionWipeTriggers: Record<SessionEndTrigger, WipeTrigger> = {
  'end-button': 'session-end',
  'idle-timeout': 'idle',
  'browser-crash': 'crash',
  'shift-end': 'shift-end',
  staff: 'manual',
};
