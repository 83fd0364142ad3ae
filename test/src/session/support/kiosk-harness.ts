import { randomUUID } from 'node:crypto';
import type { Policy } from '../../../../src/policy/schema';
import type { LastShiftWipe } from '../../../../src/schedule/due-check';
import { SessionController } from '../../../../src/session/controller';
import type { CitizenSession, EventRecord, SessionControllerOptions, SessionEndTrigger, SessionStatus, ShiftWipeTrigger, WipeOutcome } from '../../../../src/session/types';
import { FakeClock, settle } from './fake-clock';

export const hcmPolicy: Pick<Policy, 'schedule' | 'session'> = {
  schedule: { timeZone: 'Asia/Ho_Chi_Minh', shiftEnds: ['11:30', '17:00'], days: ['mon', 'tue', 'wed', 'thu', 'fri'], warningSeconds: 60 },
  session: { idleTimeoutSeconds: 120, idleWarningSeconds: 30 },
};

/** Ho Chi Minh City wall time on Monday 2025-06-02 (or `day`). */
export const hcm = (time: string, day = '2025-06-02'): Date => new Date(`${day}T${time}${time.length === 5 ? ':00' : ''}+07:00`);

export interface FakeCanaries {
  sessionId: string;
  marker: string;
}

/** What the fake wipe engine does next: succeed at once, fail, throw, or wait for the test. */
export type WipeBehaviour = 'ok' | 'fail' | 'throw' | 'hold';

interface Held {
  resolve(outcome: WipeOutcome): void;
}

export interface HarnessOptions {
  policy?: Pick<Policy, 'schedule' | 'session'>;
  start?: Date;
  lastShiftWipe?: LastShiftWipe | null;
  newSessionId?: () => string;
  options?: SessionControllerOptions;
}

/** A controller wired to fakes that behave like the wipe engine and the state root. */
export function makeKiosk(init: HarnessOptions = {}) {
  const clock = new FakeClock(init.start ?? hcm('09:00'));
  const store = { record: init.lastShiftWipe ?? null, readFails: false };
  const sessionWipes: { session: CitizenSession<FakeCanaries>; trigger: SessionEndTrigger }[] = [];
  const shiftWipes: { trigger: ShiftWipeTrigger; covered: string | null; at: string }[] = [];
  const plan: WipeBehaviour[] = [];
  const held: Held[] = [];
  const events: EventRecord[] = [];
  const statuses: SessionStatus[] = [];

  const perform = (onSuccess: () => void): Promise<WipeOutcome> => {
    const behaviour = plan.shift() ?? 'ok';
    if (behaviour === 'throw') return Promise.reject(new Error('disk unplugged'));
    if (behaviour === 'fail') return Promise.resolve({ ok: false, detail: 'a canary survived' });
    if (behaviour === 'hold') {
      return new Promise<WipeOutcome>((resolve) => held.push({ resolve: (outcome) => (outcome.ok && onSuccess(), resolve(outcome)) }));
    }
    onSuccess();
    return Promise.resolve({ ok: true });
  };

  const controller = new SessionController<FakeCanaries>({
    policy: init.policy ?? hcmPolicy,
    clock,
    runSessionWipe: (session, trigger) => {
      sessionWipes.push({ session, trigger });
      return perform(() => undefined);
    },
    runShiftWipe: (trigger, covered) => {
      shiftWipes.push({ trigger, covered: covered?.toISOString() ?? null, at: new Date(clock.now()).toISOString() });
      // Like the wipe engine: a successful full wipe records itself in the state root.
      return perform(() => (store.record = { at: new Date(clock.now()).toISOString(), coveredShiftEnd: covered?.toISOString() ?? null }));
    },
    readLastShiftWipe: () => {
      if (store.readFails) throw new Error('state root unreadable');
      return store.record;
    },
    newSessionId: init.newSessionId ?? (() => randomUUID()),
    createCanaries: (sessionId) => ({ sessionId, marker: `canary-${sessionId}` }),
    ...(init.options ? { options: init.options } : {}),
  });
  controller.onEvent((record) => events.push(record));
  controller.onStatus((status) => statuses.push(status));

  return {
    controller,
    clock,
    store,
    sessionWipes,
    shiftWipes,
    events,
    statuses,
    /** Queue what the next wipes do. */
    nextWipes: (...behaviours: WipeBehaviour[]) => void plan.push(...behaviours),
    /** Finishes the oldest held wipe. */
    release: async (outcome: WipeOutcome = { ok: true }) => {
      const next = held.shift();
      if (!next) throw new Error('no wipe is held');
      next.resolve(outcome);
      await settle();
    },
    state: () => controller.status().state,
    ignored: () => events.filter((e) => e.ignored),
    started: async () => {
      await controller.start();
      await settle();
    },
  };
}

export type Kiosk = ReturnType<typeof makeKiosk>;
