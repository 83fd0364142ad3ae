import { describe, expect, it } from 'vitest';
import { makeShell } from './harness';

describe('the site view is hidden under every full-window overlay', () => {
  it('hides while the staff panel is open and signs staff out when it closes', async () => {
    const k = makeShell();
    await k.start(null);
    await k.handlers['kiosk:start-session'](null);
    const view = k.siteViews.last;
    expect(view?.visible).toBe(true);
    await k.handlers['kiosk:staff-panel'](true);
    expect(view?.visible).toBe(false);
    k.shell.setStaff({ staffId: 'an', displayName: 'An', role: 'staff', mustChangePassword: false });
    await k.handlers['kiosk:staff-panel'](false);
    expect(k.window.last?.staff).toBeUndefined();
    expect(view?.visible).toBe(true);
  });

  it('hides during the shift-end warning', async () => {
    const k = makeShell();
    await k.start(null);
    await k.handlers['kiosk:start-session'](null);
    // The citizen keeps working until the 11:30 shift end.
    for (let minute = 0; minute < 150; minute += 1) {
      k.siteViews.last?.contents.emit('before-input-event', { preventDefault: () => undefined }, { key: 'a', code: 'KeyA', control: false, meta: false, shift: false, alt: false });
      await k.clock.advance(60_000);
    }
    expect(k.window.last?.shiftWarning).toBeDefined();
    expect(k.siteViews.last?.visible).toBe(false);
  });

  it('switches language only to one the policy offers', async () => {
    const k = makeShell();
    await k.start(null);
    expect(await k.handlers['kiosk:set-language']('en')).toEqual({ ok: true });
    expect(k.window.last?.language).toBe('en');
  });
});
