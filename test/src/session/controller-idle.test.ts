import { describe, expect, it } from 'vitest';
import { hcm, hcmPolicy, type Kiosk, makeKiosk } from './support/kiosk-harness';

// Policy: idle timeout 120 s, warning 30 s → the warning appears after 90 s without input.
const wipedFriday = { at: hcm('17:01', '2025-05-30').toISOString(), coveredShiftEnd: hcm('17:00', '2025-05-30').toISOString() };

async function inSession(policy = hcmPolicy): Promise<Kiosk> {
  const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, policy });
  await kiosk.started();
  kiosk.controller.startSession();
  return kiosk;
}

describe('session controller: idle', () => {
  it('warns after timeout − warning seconds, counts down each second, then ends and wipes the session', async () => {
    const kiosk = await inSession();
    await kiosk.clock.advance(89_999);
    expect(kiosk.controller.status()).toEqual({ state: 'in-session' });
    await kiosk.clock.advance(1);
    expect(kiosk.controller.status()).toEqual({ state: 'in-session', idleWarning: { secondsLeft: 30 } });
    await kiosk.clock.advance(10_500);
    expect(kiosk.controller.status().idleWarning).toEqual({ secondsLeft: 20 });
    await kiosk.clock.advance(19_499);
    expect(kiosk.state()).toBe('in-session');
    await kiosk.clock.advance(1);
    expect(kiosk.sessionWipes.map((w) => w.trigger)).toEqual(['idle-timeout']);
    expect(kiosk.state()).toBe('welcome');
    const pushed = kiosk.statuses.flatMap((s) => (s.idleWarning ? [s.idleWarning.secondsLeft] : []));
    expect(pushed).toEqual(Array.from({ length: 30 }, (_, i) => 30 - i));
  });

  it('any input before the warning restarts the quiet period', async () => {
    const kiosk = await inSession();
    await kiosk.clock.advance(80_000);
    kiosk.controller.userActivity();
    await kiosk.clock.advance(89_000);
    expect(kiosk.controller.status().idleWarning).toBeUndefined();
    await kiosk.clock.advance(1_000);
    expect(kiosk.controller.status().idleWarning).toEqual({ secondsLeft: 30 });
  });

  it('"I\'m still here" closes the warning and gives a full quiet period again', async () => {
    const kiosk = await inSession();
    await kiosk.clock.advance(110_000);
    expect(kiosk.controller.status().idleWarning).toEqual({ secondsLeft: 10 });
    expect(kiosk.controller.stillHere()).toBe(true);
    expect(kiosk.controller.status()).toEqual({ state: 'in-session' });
    await kiosk.clock.advance(89_999);
    expect(kiosk.controller.status().idleWarning).toBeUndefined();
    await kiosk.clock.advance(1);
    expect(kiosk.controller.status().idleWarning).toEqual({ secondsLeft: 30 });
    expect(kiosk.sessionWipes).toHaveLength(0);
  });

  it('without an answer, stray input during the warning does not keep the session open', async () => {
    const kiosk = await inSession();
    await kiosk.clock.advance(95_000);
    kiosk.controller.userActivity();
    expect(kiosk.ignored().at(-1)).toMatchObject({ event: { type: 'user-activity' }, note: expect.stringMatching(/still here/) });
    await kiosk.clock.advance(25_000);
    expect(kiosk.sessionWipes.map((w) => w.trigger)).toEqual(['idle-timeout']);
  });

  it('a warning longer than the timeout is shown for the whole timeout', async () => {
    const kiosk = await inSession({ ...hcmPolicy, session: { idleTimeoutSeconds: 30, idleWarningSeconds: 60 } });
    expect(kiosk.controller.status().idleWarning).toEqual({ secondsLeft: 30 });
    await kiosk.clock.advance(30_000);
    expect(kiosk.sessionWipes.map((w) => w.trigger)).toEqual(['idle-timeout']);
  });

  it('a wall-clock change in mid-session does not end it; only idle running time counts', async () => {
    const kiosk = await inSession();
    kiosk.clock.jump(3 * 3_600_000);
    await kiosk.clock.advance(60_000);
    expect(kiosk.state()).toBe('in-session');
  });

  it('a session left open across a sleep ends at wake-up instead of greeting the next person', async () => {
    const kiosk = await inSession();
    await kiosk.clock.advance(20_000);
    kiosk.clock.sleep(45 * 60_000); // 09:00:20 → 09:45:20, no shift end in between
    await kiosk.controller.resumed();
    await kiosk.clock.advance(0);
    expect(kiosk.sessionWipes.map((w) => w.trigger)).toEqual(['idle-timeout']);
    expect(kiosk.shiftWipes).toHaveLength(0);
  });

  it('a short sleep inside the quiet period shows the warning for what is left', async () => {
    const kiosk = await inSession();
    kiosk.clock.sleep(100_000);
    await kiosk.controller.unlocked();
    expect(kiosk.controller.status().idleWarning).toEqual({ secondsLeft: 20 });
    await kiosk.clock.advance(20_000);
    expect(kiosk.sessionWipes.map((w) => w.trigger)).toEqual(['idle-timeout']);
  });
});
