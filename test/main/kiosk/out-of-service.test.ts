import { describe, expect, it } from 'vitest';
import { makeShell, settle } from './harness';

describe('out of service: the site view is never created', () => {
  it('with no valid policy the UI gets the out-of-service screen and nothing else', async () => {
    const k = makeShell({ policy: null });
    await k.start(null);
    expect(k.controller).toBeNull();
    expect(k.window.last).toMatchObject({ state: 'out-of-service', outOfService: { reason: 'policy-invalid' }, services: [] });
    expect(await k.handlers['kiosk:get-status']()).toMatchObject({ state: 'out-of-service' });
    expect(await k.handlers['kiosk:start-session'](null)).toMatchObject({ ok: false });
    expect(await k.handlers['kiosk:start-session'](0)).toMatchObject({ ok: false });
    expect(await k.handlers['kiosk:navigate']('home')).toMatchObject({ ok: false });
    expect(await k.handlers['staff:force-wipe']()).toMatchObject({ ok: false });
    expect(k.siteViews.created).toEqual([]);
    expect(k.wipes).toEqual([]);
  });

  it.each(['wipe-failed', 'journal-unfinished', 'internal-error'] as const)('a kiosk starting with the %s fault never opens a site view', async (fault) => {
    const k = makeShell();
    await k.start(fault);
    expect(k.window.last).toMatchObject({ state: 'out-of-service', outOfService: { reason: fault } });
    expect(await k.handlers['kiosk:start-session'](null)).toMatchObject({ ok: false });
    expect(k.siteViews.created).toEqual([]);
  });

  it('a fault in the middle of a session closes its view and clears the partition', async () => {
    const k = makeShell();
    await k.start(null);
    await k.handlers['kiosk:start-session'](null);
    const view = k.siteViews.last;
    k.controller?.reportFault('internal-error');
    await settle();
    expect(view?.closed).toBe(true);
    expect(view?.session.calls[0]).toBe('clearData');
    expect(k.window.last?.state).toBe('out-of-service');
  });

  it('a canary that cannot be remembered is a fault: the page is never loaded', async () => {
    const k = makeShell();
    await k.start(null);
    const view = () => k.siteViews.last;
    const original = k.siteViews.create.bind(k.siteViews);
    k.siteViews.create = (partition) => {
      const v = original(partition);
      v.session.cookies.set = async () => {
        throw new Error('cookie store gone');
      };
      return v;
    };
    expect(await k.handlers['kiosk:start-session'](null)).toMatchObject({ ok: false, message: 'internal-error' });
    expect(view()?.contents.loaded).toEqual([]);
    expect(view()?.closed).toBe(true);
    expect(k.window.last?.state).toBe('out-of-service');
  });
});
