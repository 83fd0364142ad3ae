import { describe, expect, it } from 'vitest';
import { makeKiosk } from './support/kiosk-harness';

const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const session = { idleTimeoutSeconds: 120, idleWarningSeconds: 30 };

describe('session controller: shift ends in a daylight-saving zone, driven by the live timer', () => {
  it('America/New_York: 17:00 local every day across the spring-forward weekend', async () => {
    const policy = { schedule: { timeZone: 'America/New_York', shiftEnds: ['17:00'], days: [...everyDay], warningSeconds: 60 }, session };
    const start = new Date('2025-03-07T12:00:00-05:00');
    const kiosk = makeKiosk({ policy, start, lastShiftWipe: { at: '2025-03-06T22:01:00Z', coveredShiftEnd: '2025-03-06T22:00:00Z' } });
    await kiosk.started();
    await kiosk.clock.advanceTo(new Date('2025-03-10T18:00:00-04:00'));
    expect(kiosk.shiftWipes.map((w) => w.at)).toEqual([
      '2025-03-07T22:00:00.000Z', // EST
      '2025-03-08T22:00:00.000Z', // EST
      '2025-03-09T21:00:00.000Z', // EDT from 02:00 that morning
      '2025-03-10T21:00:00.000Z',
    ]);
  });

  it('Europe/Berlin: a 02:30 shift end runs at 03:30 on the spring-forward night, and once on the fall-back night', async () => {
    const policy = { schedule: { timeZone: 'Europe/Berlin', shiftEnds: ['02:30'], days: [...everyDay], warningSeconds: 0 }, session };
    const spring = makeKiosk({ policy, start: new Date('2025-03-29T12:00:00Z'), lastShiftWipe: { at: '2025-03-29T01:31:00Z', coveredShiftEnd: null } });
    await spring.started();
    await spring.clock.advanceTo(new Date('2025-03-31T12:00:00Z'));
    expect(spring.shiftWipes.map((w) => w.at)).toEqual(['2025-03-30T01:30:00.000Z', '2025-03-31T00:30:00.000Z']);

    const autumn = makeKiosk({ policy, start: new Date('2025-10-25T12:00:00Z'), lastShiftWipe: { at: '2025-10-25T00:31:00Z', coveredShiftEnd: null } });
    await autumn.started();
    await autumn.clock.advanceTo(new Date('2025-10-27T12:00:00Z'));
    // 02:30 happens at 00:30Z and again at 01:30Z on the 26th: wiped at the first only.
    expect(autumn.shiftWipes.map((w) => w.at)).toEqual(['2025-10-26T00:30:00.000Z', '2025-10-27T01:30:00.000Z']);
  });
});
