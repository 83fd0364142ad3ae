import { describe, expect, it } from 'vitest';
import { settle } from './support/fake-clock';
import { hcm, hcmPolicy, makeKiosk } from './support/kiosk-harness';

const HOUR = 3_600_000;
const wiped = (at: Date, covered: Date | null) => ({ at: at.toISOString(), coveredShiftEnd: covered?.toISOString() ?? null });
const wipedFriday = wiped(hcm('17:01', '2025-05-30'), hcm('17:00', '2025-05-30'));

describe('session controller: shift ends', () => {
  it('each shift end fires once and runs one full wipe, by itself, day after day', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday });
    await kiosk.started();
    expect(kiosk.controller.nextShiftEnd()).toEqual(hcm('11:30'));
    await kiosk.clock.advanceTo(hcm('11:29:59'));
    expect(kiosk.shiftWipes).toHaveLength(0);
    await kiosk.clock.advanceTo(hcm('11:30'));
    expect(kiosk.shiftWipes).toEqual([{ trigger: 'shift-end', covered: hcm('11:30').toISOString(), at: hcm('11:30').toISOString() }]);
    expect(kiosk.state()).toBe('welcome');
    // Monday 11:30 to Saturday 12:00: Mon 17:00 and Tue–Fri twice a day, nothing at the weekend.
    await kiosk.clock.advanceTo(hcm('12:00', '2025-06-07'));
    expect(kiosk.shiftWipes.map((w) => w.covered)).toEqual([
      hcm('11:30').toISOString(),
      hcm('17:00').toISOString(),
      ...['03', '04', '05', '06'].flatMap((d) => [hcm('11:30', `2025-06-${d}`).toISOString(), hcm('17:00', `2025-06-${d}`).toISOString()]),
    ]);
    expect(kiosk.shiftWipes.every((w) => w.trigger === 'shift-end' && w.at === w.covered)).toBe(true);
  });

  it('a session open at shift end gets the policy warning, then ends, then the full wipe runs', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, start: hcm('11:20') });
    await kiosk.started();
    kiosk.controller.startSession();
    for (let i = 0; i < 10; i += 1) {
      await kiosk.clock.advance(60_000);
      kiosk.controller.userActivity();
    }
    expect(kiosk.controller.status()).toEqual({ state: 'in-session', shiftWarning: { secondsLeft: 60 } });
    await kiosk.clock.advance(30_000);
    kiosk.controller.userActivity(); // input does not postpone the shift end
    expect(kiosk.controller.status().shiftWarning).toEqual({ secondsLeft: 30 });
    await kiosk.clock.advance(30_000);
    expect(kiosk.sessionWipes.map((w) => w.trigger)).toEqual(['shift-end']);
    expect(kiosk.shiftWipes).toEqual([{ trigger: 'shift-end', covered: hcm('11:30').toISOString(), at: hcm('11:31').toISOString() }]);
    expect(kiosk.state()).toBe('welcome');
  });

  it('End pressed during the shift warning: session wipe, then the owed full wipe, once', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, start: hcm('11:29') });
    await kiosk.started();
    kiosk.controller.startSession();
    await kiosk.clock.advance(70_000);
    expect(kiosk.controller.status().shiftWarning).toEqual({ secondsLeft: 50 });
    kiosk.controller.endSession();
    await kiosk.clock.advance(120_000);
    expect(kiosk.sessionWipes.map((w) => w.trigger)).toEqual(['end-button']);
    expect(kiosk.shiftWipes.map((w) => w.trigger)).toEqual(['shift-end']);
  });

  it('a shift end that passes while a session is being wiped is wiped right after it', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, start: hcm('11:29:50') });
    await kiosk.started();
    kiosk.nextWipes('hold');
    kiosk.controller.startSession();
    kiosk.controller.endSession();
    await kiosk.clock.advance(20_000);
    expect(kiosk.state()).toBe('ending');
    await kiosk.release();
    expect(kiosk.shiftWipes.map((w) => w.covered)).toEqual([hcm('11:30').toISOString()]);
    expect(kiosk.state()).toBe('welcome');
  });

  it('warning 0 s: the session ends at the shift end itself', async () => {
    const policy = { ...hcmPolicy, schedule: { ...hcmPolicy.schedule, warningSeconds: 0 } };
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, start: hcm('11:29:30'), policy });
    await kiosk.started();
    kiosk.controller.startSession();
    await kiosk.clock.advance(30_000);
    expect(kiosk.sessionWipes.map((w) => w.trigger)).toEqual(['shift-end']);
    expect(kiosk.shiftWipes).toHaveLength(1);
  });
});

describe('session controller: missed shift ends', () => {
  it('off across one shift end: one catch-up wipe at start-up before the welcome screen', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wiped(hcm('11:31'), hcm('11:30')), start: hcm('08:00', '2025-06-03') });
    kiosk.nextWipes('hold');
    await kiosk.started();
    expect(kiosk.controller.status()).toEqual({ state: 'wiping-shift', wipe: { scope: 'shift', phase: 'running' } });
    expect(kiosk.controller.startSession()).toEqual({ ok: false, reason: 'not-ready' });
    await kiosk.release();
    expect(kiosk.shiftWipes).toEqual([{ trigger: 'start-up', covered: hcm('17:00').toISOString(), at: hcm('08:00', '2025-06-03').toISOString() }]);
    await kiosk.clock.advanceTo(hcm('11:29', '2025-06-03'));
    expect(kiosk.shiftWipes).toHaveLength(1);
  });

  it('off across several shift ends (a long weekend): still one wipe, not one per missed end', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wiped(hcm('11:31', '2025-05-29'), hcm('11:30', '2025-05-29')), start: hcm('07:30', '2025-06-03') });
    await kiosk.started();
    await kiosk.clock.advance(10 * 60_000);
    expect(kiosk.shiftWipes.map((w) => [w.trigger, w.covered])).toEqual([['start-up', hcm('17:00').toISOString()]]);
    expect(kiosk.controller.startSession().ok).toBe(true);
  });

  it('asleep across a shift end: the wipe runs at wake-up (resume) once, though node-schedule is late', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, start: hcm('10:00') });
    await kiosk.started();
    kiosk.clock.sleep(3 * HOUR); // 10:00 → 13:00; timers frozen
    await kiosk.controller.resumed();
    await settle();
    expect(kiosk.shiftWipes.map((w) => [w.trigger, w.covered])).toEqual([['resume', hcm('11:30').toISOString()]]);
    await kiosk.clock.advance(2 * HOUR); // the late node-schedule timer and ticks find nothing owed
    expect(kiosk.shiftWipes).toHaveLength(1);
    await kiosk.clock.advanceTo(hcm('17:00'));
    expect(kiosk.shiftWipes.map((w) => w.trigger)).toEqual(['resume', 'shift-end']);
  });

  it('asleep across a shift end with no resume event: the 30 s check catches it', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, start: hcm('10:00') });
    await kiosk.started();
    kiosk.clock.sleep(3 * HOUR);
    await kiosk.clock.advance(30_000);
    expect(kiosk.shiftWipes.map((w) => w.trigger)).toEqual(['tick']);
  });

  it('Start pressed after wake-up before any check ran: refused, the wipe runs first', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, start: hcm('10:00') });
    await kiosk.started();
    kiosk.clock.sleep(3 * HOUR);
    expect(kiosk.controller.startSession()).toEqual({ ok: false, reason: 'shift-wipe-due' });
    await settle();
    expect(kiosk.shiftWipes.map((w) => w.trigger)).toEqual(['before-session']);
    expect(kiosk.controller.startSession().ok).toBe(true);
  });

  it('asleep with a session open across a shift end: the session ends at wake-up, then the full wipe', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, start: hcm('11:29') });
    await kiosk.started();
    kiosk.controller.startSession();
    kiosk.clock.sleep(5 * 60_000); // longer than the idle timeout
    await kiosk.controller.resumed();
    await settle();
    expect(kiosk.sessionWipes.map((w) => w.trigger)).toEqual(['idle-timeout']);
    expect(kiosk.shiftWipes.map((w) => w.covered)).toEqual([hcm('11:30').toISOString()]);
  });

  it('a short sleep across a shift end with the citizen still there: the shift warning starts at wake-up', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, start: hcm('11:29:30') });
    await kiosk.started();
    kiosk.controller.startSession();
    kiosk.clock.sleep(60_000);
    await kiosk.controller.resumed();
    expect(kiosk.controller.status()).toEqual({ state: 'in-session', shiftWarning: { secondsLeft: 60 } });
    await kiosk.clock.advance(60_000);
    expect(kiosk.sessionWipes.map((w) => w.trigger)).toEqual(['shift-end']);
    expect(kiosk.shiftWipes.map((w) => w.trigger)).toEqual(['resume']);
  });
});
