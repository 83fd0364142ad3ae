import type { OutOfServiceReason } from '../ipc/contract';
import type { CitizenSession, SessionEndTrigger, SessionStatus, ShiftWipeTrigger } from './types';

/** A shift wipe that is owed and will run as soon as no session is open. */
export interface OwedShiftWipe {
  trigger: ShiftWipeTrigger;
  /** The shift end it covers (recorded by the wipe engine), or null for a wipe tied to none. */
  shiftEnd: Date | null;
}

/** The state machine's state with the data each state carries. */
export type MachineState<Canaries> =
  | { name: 'starting' }
  | { name: 'welcome' }
  | { name: 'in-session'; session: CitizenSession<Canaries>; owed: OwedShiftWipe | null }
  | { name: 'ending'; session: CitizenSession<Canaries>; trigger: SessionEndTrigger; wipeId: number; owed: OwedShiftWipe | null }
  /** `outOfServiceSince` is set for a recovery wipe: a failure keeps the original time. */
  | { name: 'wiping-shift'; owed: OwedShiftWipe; wipeId: number; outOfServiceSince: string | null }
  | { name: 'out-of-service'; reason: OutOfServiceReason; since: string };

export interface StatusInputs {
  idleWarningSecondsLeft: number | null;
  shiftWarningSecondsLeft: number | null;
  /** The last wipe's result, shown on the welcome screen ("your data was deleted") and out of service. */
  lastWipe: NonNullable<SessionStatus['wipe']> | null;
}

/** What the UI shows for a state. Never anything about the citizen beyond the state itself. */
export function statusOf<Canaries>(state: MachineState<Canaries>, inputs: StatusInputs): SessionStatus {
  const status: SessionStatus = { state: state.name };
  switch (state.name) {
    case 'in-session':
      if (inputs.idleWarningSecondsLeft !== null) status.idleWarning = { secondsLeft: inputs.idleWarningSecondsLeft };
      if (inputs.shiftWarningSecondsLeft !== null) status.shiftWarning = { secondsLeft: inputs.shiftWarningSecondsLeft };
      break;
    case 'ending':
      status.wipe = { scope: 'session', phase: 'running' };
      break;
    case 'wiping-shift':
      status.wipe = { scope: 'shift', phase: 'running' };
      break;
    case 'out-of-service':
      status.outOfService = { reason: state.reason, since: state.since };
      if (inputs.lastWipe?.phase === 'failed') status.wipe = inputs.lastWipe;
      break;
    case 'welcome':
      if (inputs.lastWipe?.phase === 'succeeded') status.wipe = inputs.lastWipe;
      break;
    case 'starting':
      break;
  }
  return status;
}
