import { describe, expect, it } from 'vitest';
import { createShiftWiper } from '../../../main/kiosk/wipers';
import { makeShell, settle } from './harness';

describe('shift wipes: relaunch, then the start-up wipe answers', () => {
  it('a due shift wipe at start is answered by the start-up wipe, without a relaunch', async () => {
    const k = makeShell({ lastShiftWipeCovered: null, startup: { ran: true, ok: true, detail: '' }, relaunchedForWipe: true });
    await k.start(null);
    await settle();
    expect(k.relaunches).toEqual([]);
    expect(k.window.last?.state).toBe('welcome');
  });

  it('a failed start-up wipe puts the kiosk out of service instead of relaunching in a loop', async () => {
    const k = makeShell({ lastShiftWipeCovered: null, startup: { ran: true, ok: false, detail: 'EBUSY' }, relaunchedForWipe: true });
    await k.start(null);
    await settle();
    expect(k.relaunches).toEqual([]);
    expect(k.window.last).toMatchObject({ state: 'out-of-service', outOfService: { reason: 'wipe-failed' } });
    expect(k.siteViews.created).toEqual([]);
  });

  it('a relaunch whose start-up wipe did not run reports a failure rather than relaunching again', async () => {
    const k = makeShell({ lastShiftWipeCovered: null, startup: { ran: false }, relaunchedForWipe: true });
    await k.start(null);
    await settle();
    expect(k.relaunches).toEqual([]);
    expect(k.window.last?.state).toBe('out-of-service');
  });

  it('the 11:30 shift end ends the citizen session with its wipe, then relaunches for the full wipe', async () => {
    const k = makeShell();
    await k.start(null);
    await k.clock.advanceTo(new Date('2025-06-02T11:29:00+07:00'));
    await k.handlers['kiosk:start-session'](null);
    await k.clock.advance(60_000 + 60_000);
    expect(k.wipes.map((w) => [w.scope, w.trigger])).toEqual([['session', 'shift-end']]);
    expect(k.relaunches).toEqual(['shift-end']);
    expect(k.clipboardClears).toHaveLength(1);
    expect(k.window.last?.state).toBe('wiping-shift');
  });

  it('a clipboard that cannot be cleared fails the shift wipe: out of service, no relaunch', async () => {
    const k = makeShell({ clipboardFails: true });
    await k.start(null);
    await k.clock.advanceTo(new Date('2025-06-02T11:31:00+07:00'));
    await settle();
    expect(k.clipboardClears.length).toBeGreaterThan(0);
    expect(k.relaunches).toEqual([]);
    expect(k.window.last).toMatchObject({ state: 'out-of-service', outOfService: { reason: 'wipe-failed' } });
  });

  it('a staff-forced wipe relaunches with its own trigger', async () => {
    const relaunches: string[] = [];
    const wipe = createShiftWiper({ startup: { ran: false }, relaunchedForWipe: false, relaunchForWipe: (t) => void relaunches.push(t), clearClipboard: async () => ({ cleared: true, errors: [] }), log: () => undefined });
    void wipe('staff', null);
    await settle();
    expect(relaunches).toEqual(['staff']);
  });
});

describe('createShiftWiper', () => {
  const make = (startup: Parameters<typeof createShiftWiper>[0]['startup'], relaunchedForWipe: boolean) => {
    const relaunches: string[] = [];
    const wipe = createShiftWiper({ startup, relaunchedForWipe, relaunchForWipe: (t) => void relaunches.push(t), clearClipboard: async () => ({ cleared: true, errors: [] }), log: () => undefined });
    return { wipe, relaunches };
  };

  it('answers only the boot-time request from the start-up wipe; a later one relaunches', async () => {
    const { wipe, relaunches } = make({ ran: true, ok: false, detail: 'EBUSY' }, false);
    await expect(wipe('start-up', null)).resolves.toEqual({ ok: false, detail: 'EBUSY' });
    void wipe('recovery', null);
    await settle();
    expect(relaunches).toEqual(['recovery']);
  });

  it('a recovery request never reuses a stale start-up result', async () => {
    const { wipe, relaunches } = make({ ran: true, ok: false, detail: 'EBUSY' }, true);
    void wipe('recovery', null);
    await settle();
    expect(relaunches).toEqual(['recovery']);
  });

  it('a plain start whose --if-due found nothing owed relaunches when the controller still finds a wipe owed', async () => {
    const { wipe, relaunches } = make({ ran: false }, false);
    void wipe('start-up', null);
    await settle();
    expect(relaunches).toEqual(['start-up']);
  });
});
