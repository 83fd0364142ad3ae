import type { WipeTrigger } from '../audit/record-types';
import type { SessionEndTrigger, ShiftWipeTrigger } from '../session/types';

/** How the session controller's reasons read in the audit log's wipe records. */
export const sessionWipeTriggers: Record<SessionEndTrigger, WipeTrigger> = {
  'end-button': 'session-end',
  'idle-timeout': 'idle',
  'browser-crash': 'crash',
  'shift-end': 'shift-end',
  staff: 'manual',
};

export const shiftWipeTriggers: Record<ShiftWipeTrigger, WipeTrigger> = {
  'shift-end': 'shift-end',
  staff: 'manual',
  'start-up': 'catch-up',
  tick: 'catch-up',
  resume: 'catch-up',
  unlock: 'catch-up',
  'before-session': 'catch-up',
  'policy-reload': 'catch-up',
  recovery: 'catch-up',
};
