import { describe, expect, it } from 'vitest';
import { REHEARSAL_IDLE_SECONDS, REHEARSAL_IDLE_WARNING_SECONDS } from '../../../src/blocked-journal/rehearsal';
import { hcm, hcmPolicy, makeKiosk } from './support/kiosk-harness';

const wipedFriday = { at: hcm('17:01', '2025-05-30').toISOString(), coveredShiftEnd: hcm('17:00', '2025-05-30').toISOString() };
/** A citizen's idle timeout long enough that only the rehearsal's own can end the session. */
const longIdle = { ...hcmPolicy, session: { idleTimeoutSeconds: 1800, idleWarningSeconds: 60 } };

describe('session controller: rehearsal (audit mode)', () => {
  it('opens a session marked as a rehearsal; a citizen start never is one', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, policy: longIdle });
    await kiosk.started();
    const citizen = kiosk.controller.startSession();
    expect(citizen.ok && citizen.session.rehearsal).toBeFalsy();
    kiosk.controller.endSession();
    await kiosk.clock.advance(10);
    const rehearsal = kiosk.controller.startRehearsal();
    expect(rehearsal.ok && rehearsal.session.rehearsal).toBe(true);
    expect(kiosk.controller.session()?.rehearsal).toBe(true);
    // The rehearsal's own session id and partition: nothing is shared with the citizen session before.
    expect(rehearsal.ok && citizen.ok && rehearsal.session.partition !== citizen.session.partition).toBe(true);
  });

  it('ends after its own short idle timeout, with the session wipe, and the next session is a citizen one again', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, policy: longIdle });
    await kiosk.started();
    kiosk.controller.startRehearsal();
    await kiosk.clock.advance((REHEARSAL_IDLE_SECONDS - REHEARSAL_IDLE_WARNING_SECONDS) * 1000);
    expect(kiosk.controller.status().idleWarning).toEqual({ secondsLeft: REHEARSAL_IDLE_WARNING_SECONDS });
    await kiosk.clock.advance(REHEARSAL_IDLE_WARNING_SECONDS * 1000);
    expect(kiosk.sessionWipes.map((w) => [w.trigger, w.session.rehearsal])).toEqual([['idle-timeout', true]]);
    expect(kiosk.state()).toBe('welcome');
    const next = kiosk.controller.startSession();
    expect(next.ok && next.session.rehearsal).toBeFalsy();
    await kiosk.clock.advance(REHEARSAL_IDLE_SECONDS * 1000);
    expect(kiosk.state()).toBe('in-session');
  });

  it('never outlasts a citizen policy with a shorter idle timeout', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday });
    await kiosk.started();
    kiosk.controller.startRehearsal();
    await kiosk.clock.advance(hcmPolicy.session.idleTimeoutSeconds * 1000);
    expect(kiosk.sessionWipes.map((w) => w.trigger)).toEqual(['idle-timeout']);
  });

  it('ends at the shift end like any session, then the full wipe runs', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, start: hcm('11:29:30'), policy: longIdle });
    await kiosk.started();
    kiosk.controller.startRehearsal();
    await kiosk.clock.advance(91_000);
    expect(kiosk.sessionWipes.map((w) => [w.trigger, w.session.rehearsal])).toEqual([['shift-end', true]]);
    expect(kiosk.shiftWipes.map((w) => w.trigger)).toEqual(['shift-end']);
  });

  it('is refused while a citizen session is open: it never takes over a citizen', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, policy: longIdle });
    await kiosk.started();
    const citizen = kiosk.controller.startSession();
    expect(kiosk.controller.startRehearsal()).toEqual({ ok: false, reason: 'not-ready' });
    expect(citizen.ok && kiosk.controller.session()?.id === citizen.session.id && kiosk.controller.session()?.rehearsal).toBeFalsy();
    expect(kiosk.controller.session()?.id).toBe(citizen.ok ? citizen.session.id : null);
  });
});
