import { describe, expect, it } from 'vitest';
import { settle } from './support/fake-clock';
import { hcm, makeKiosk } from './support/kiosk-harness';

const HOUR = 3_600_000;
const wipedFriday = { at: hcm('17:01', '2025-05-30').toISOString(), coveredShiftEnd: hcm('17:00', '2025-05-30').toISOString() };

describe('session controller: clock changes never skip a wipe and never loop', () => {
  it('set forward to 18:00 at 10:00, then corrected to 10:05: one catch-up, then the real 11:30 and 17:00', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, start: hcm('10:00') });
    await kiosk.started();
    kiosk.clock.setWall(hcm('18:00'));
    await kiosk.clock.advance(30_000); // tick: 17:00 "passed" → wiped, recorded at 18:00
    expect(kiosk.shiftWipes.map((w) => [w.trigger, w.covered])).toEqual([['tick', hcm('17:00').toISOString()]]);
    kiosk.clock.setWall(hcm('10:05'));
    await kiosk.clock.advance(30_000); // the record lies in the future: it proves nothing → one wipe
    expect(kiosk.shiftWipes).toHaveLength(2);
    expect(kiosk.shiftWipes[1]?.trigger).toBe('tick');
    await kiosk.clock.advanceTo(hcm('11:29:59')); // no loop: ~2.7 checks a minute, none wipes
    expect(kiosk.shiftWipes).toHaveLength(2);
    await kiosk.clock.advanceTo(hcm('17:00:30'));
    expect(kiosk.shiftWipes.slice(2).map((w) => [w.trigger, w.covered])).toEqual([
      ['shift-end', hcm('11:30').toISOString()],
      ['shift-end', hcm('17:00').toISOString()],
    ]);
  });

  it('an hour fast through 11:30, set back at 11:50: the real 11:30 is wiped after all, once', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, start: hcm('11:15') }); // real 10:15
    await kiosk.started();
    await kiosk.clock.advanceTo(hcm('11:31')); // real 10:31: "11:30" fired
    expect(kiosk.shiftWipes.map((w) => w.covered)).toEqual([hcm('11:30').toISOString()]);
    await kiosk.clock.advanceTo(hcm('12:50')); // real 11:50
    kiosk.clock.jump(-HOUR); // NTP sets it right: 11:50, after the recorded 11:31 wipe
    await kiosk.clock.advance(30_000);
    expect(kiosk.shiftWipes.map((w) => w.trigger)).toEqual(['shift-end', 'tick']);
    await kiosk.clock.advanceTo(hcm('16:59'));
    expect(kiosk.shiftWipes).toHaveLength(2);
  });

  it('a clock set back by a few seconds (NTP) does not cause a wipe', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, start: hcm('11:30:30') });
    await kiosk.started();
    expect(kiosk.shiftWipes).toHaveLength(1); // 11:30 owed at start-up
    kiosk.clock.jump(-2_000);
    await kiosk.clock.advance(5 * 60_000);
    expect(kiosk.shiftWipes).toHaveLength(1);
  });

  it('set back across a shift end that was already wiped: one distrust wipe, no more', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, start: hcm('11:29') });
    await kiosk.started();
    await kiosk.clock.advanceTo(hcm('11:35'));
    expect(kiosk.shiftWipes).toHaveLength(1);
    kiosk.clock.setWall(hcm('11:00'));
    await kiosk.clock.advance(60_000);
    expect(kiosk.shiftWipes).toHaveLength(2);
    // 11:30 comes round again on the wall clock: the 11:01 wipe was before it, so it is wiped again.
    await kiosk.clock.advanceTo(hcm('11:31'));
    expect(kiosk.shiftWipes.map((w) => w.trigger)).toEqual(['shift-end', 'tick', 'shift-end']);
    await kiosk.clock.advanceTo(hcm('16:59'));
    expect(kiosk.shiftWipes).toHaveLength(3);
  });

  it('a record the state root cannot read: one wipe, then this process remembers it (no loop)', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday });
    kiosk.store.readFails = true;
    await kiosk.started();
    await kiosk.clock.advance(10 * 60_000);
    expect(kiosk.shiftWipes.map((w) => w.trigger)).toEqual(['start-up']);
  });

  it('a wipe run by another process (wipe --if-due from the OS scheduler) counts', async () => {
    const kiosk = makeKiosk({ lastShiftWipe: wipedFriday, start: hcm('10:00') });
    await kiosk.started();
    kiosk.clock.sleep(2 * HOUR); // 12:00; meanwhile the OS scheduler ran the shift wipe at 11:45
    kiosk.store.record = { at: hcm('11:45').toISOString(), coveredShiftEnd: hcm('11:30').toISOString() };
    await kiosk.controller.resumed();
    await settle();
    expect(kiosk.shiftWipes).toHaveLength(0);
  });
});
