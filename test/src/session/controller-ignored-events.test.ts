import { describe, expect, it } from 'vitest';
import { acceptedEvents } from '../../../src/session/accepted-events';
import type { KioskEventType } from '../../../src/session/types';
import { settle } from './support/fake-clock';
import { hcm, type Kiosk, makeKiosk } from './support/kiosk-harness';

const wipedFriday = { at: hcm('17:01', '2025-05-30').toISOString(), coveredShiftEnd: hcm('17:00', '2025-05-30').toISOString() };

/** Drives a kiosk into each state through the public API only. */
const reach = {
  starting: async () => makeKiosk({ lastShiftWipe: wipedFriday }),
  welcome: async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday });
    await kiosk.started();
    return kiosk;
  },
  ending: async () => {
    const kiosk = await reach.welcome();
    kiosk.nextWipes('hold');
    kiosk.controller.startSession();
    kiosk.controller.endSession();
    return kiosk;
  },
  'wiping-shift': async () => {
    const kiosk = await reach.welcome();
    kiosk.nextWipes('hold');
    kiosk.controller.forceWipe();
    return kiosk;
  },
  'out-of-service': async () => {
    const kiosk = await reach.welcome();
    kiosk.controller.reportFault('internal-error');
    return kiosk;
  },
};

/** Citizen and staff actions the glue can send, and the event each one is. */
const actions: [KioskEventType, (kiosk: Kiosk) => unknown][] = [
  ['start-session', (k) => k.controller.startSession()],
  ['user-activity', (k) => k.controller.userActivity()],
  ['still-here', (k) => k.controller.stillHere()],
  ['end-session', (k) => k.controller.endSession()],
  ['browser-crashed', (k) => k.controller.browserCrashed()],
  ['staff-wipe', (k) => k.controller.forceWipe()],
  ['fault', (k) => k.controller.reportFault('internal-error')],
];

describe('session controller: events in the wrong state are ignored on purpose', () => {
  for (const [stateName, enter] of Object.entries(reach)) {
    for (const [type, act] of actions) {
      if (acceptedEvents[stateName as keyof typeof acceptedEvents].includes(type)) continue;
      it(`${type} in ${stateName}: ignored, nothing changes, no wipe starts`, async () => {
        const kiosk = await enter();
        const before = kiosk.controller.status();
        const wipes = kiosk.sessionWipes.length + kiosk.shiftWipes.length;
        act(kiosk);
        await settle();
        expect(kiosk.controller.status()).toEqual(before);
        expect(kiosk.sessionWipes.length + kiosk.shiftWipes.length).toBe(wipes);
        const last = kiosk.events.at(-1);
        expect(last).toMatchObject({ event: { type }, from: stateName, to: stateName, ignored: true });
      });
    }
  }

  it('the glue-facing calls say whether they were taken', async () => {
    const kiosk = await reach.welcome();
    expect(kiosk.controller.endSession()).toBe(false);
    expect(kiosk.controller.stillHere()).toBe(false);
    expect(kiosk.controller.startSession()).toMatchObject({ ok: true });
    expect(kiosk.controller.stillHere()).toBe(true);
  });

  it('a crash while the session is being wiped starts no second wipe; the wipe result decides', async () => {
    const kiosk = await reach.ending();
    kiosk.controller.browserCrashed();
    expect(kiosk.ignored().at(-1)).toMatchObject({ event: { type: 'browser-crashed' }, from: 'ending' });
    expect(kiosk.sessionWipes).toHaveLength(1);
    await kiosk.release({ ok: false, detail: 'renderer gone mid-clear' });
    expect(kiosk.controller.status()).toMatchObject({ state: 'out-of-service', outOfService: { reason: 'wipe-failed' }, wipe: { scope: 'session', phase: 'failed' } });
  });

  it('the late result of a wipe abandoned by a fault is ignored; only the new wipe counts', async () => {
    const kiosk = await reach.ending(); // session wipe #1 held
    kiosk.controller.reportFault('internal-error');
    kiosk.nextWipes('hold');
    kiosk.controller.forceWipe(); // recovery wipe #2 waits for #1: wipes never overlap
    await settle();
    expect(kiosk.shiftWipes).toHaveLength(0);
    await kiosk.release(); // #1 finishes late: must not bring the kiosk back
    expect(kiosk.state()).toBe('wiping-shift');
    expect(kiosk.shiftWipes).toHaveLength(1);
    expect(kiosk.ignored().at(-1)).toMatchObject({ event: { type: 'wipe-succeeded', wipeId: 1 }, note: 'the result of an earlier wipe' });
    await kiosk.release();
    expect(kiosk.state()).toBe('welcome');
  });

  it('after stop() nothing is handled and no timer is left', async () => {
    const kiosk = await reach.welcome();
    kiosk.controller.startSession();
    kiosk.controller.stop();
    kiosk.controller.endSession();
    expect(kiosk.events.at(-1)).toMatchObject({ ignored: true, note: 'the controller is stopped' });
    expect(kiosk.clock.pendingTimers).toBe(0);
  });
});

describe('session controller: a failed wipe and the way back to service', () => {
  it('a failed session wipe → out of service; automatic recovery with growing waits; back only on success', async () => {
    const kiosk = await reach.welcome();
    kiosk.nextWipes('fail', 'throw', 'fail', 'ok');
    kiosk.controller.startSession();
    kiosk.controller.endSession();
    await settle();
    const since = hcm('09:00').toISOString();
    expect(kiosk.controller.status()).toEqual({
      state: 'out-of-service',
      outOfService: { reason: 'wipe-failed', since },
      wipe: { scope: 'session', phase: 'failed' },
    });
    await kiosk.clock.advance(59_999);
    expect(kiosk.shiftWipes).toHaveLength(0);
    await kiosk.clock.advance(1); // 60 s: first recovery (throws)
    expect(kiosk.shiftWipes.map((w) => w.trigger)).toEqual(['recovery']);
    expect(kiosk.controller.status()).toMatchObject({ state: 'out-of-service', outOfService: { since }, wipe: { scope: 'shift', phase: 'failed' } });
    expect(kiosk.events.some((e) => e.event.type === 'wipe-failed' && e.event.detail === 'disk unplugged')).toBe(true);
    await kiosk.clock.advance(119_999);
    expect(kiosk.shiftWipes).toHaveLength(1);
    await kiosk.clock.advance(1); // +120 s: second recovery (fails)
    expect(kiosk.shiftWipes).toHaveLength(2);
    await kiosk.clock.advance(300_000); // +300 s: third recovery succeeds
    expect(kiosk.shiftWipes).toHaveLength(3);
    expect(kiosk.controller.status()).toEqual({ state: 'welcome', wipe: { scope: 'shift', phase: 'succeeded' } });
    expect(kiosk.controller.startSession().ok).toBe(true);
  });

  it('a failed shift wipe at start-up keeps the kiosk out of service; staff can retry at once', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: null });
    kiosk.nextWipes('fail');
    await kiosk.started();
    expect(kiosk.shiftWipes.map((w) => w.trigger)).toEqual(['start-up']);
    expect(kiosk.state()).toBe('out-of-service');
    expect(kiosk.controller.startSession()).toEqual({ ok: false, reason: 'not-ready' });
    kiosk.controller.forceWipe();
    await settle();
    expect(kiosk.state()).toBe('welcome');
  });
});
