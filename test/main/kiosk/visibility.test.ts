import { describe, expect, it } from 'vitest';
import { testPolicy } from '../../src/shell/policy-fixture';
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

  it('keeps the site under a long shift-end warning until its last minute, then hides it', async () => {
    const k = makeShell({ policy: testPolicy((p) => void (p.schedule.warningSeconds = 300)) });
    await k.start(null);
    await k.handlers['kiosk:start-session'](null);
    const view = k.siteViews.last;
    const type = (): unknown => view?.contents.emit('before-input-event', { preventDefault: () => undefined }, { key: 'a', code: 'KeyA', control: false, meta: false, shift: false, alt: false });
    // The citizen keeps filling a form past the 11:30 shift end; the wipe it owes then waits out a five-minute warning.
    const at = async (time: string): Promise<void> => {
      const target = new Date(`2025-06-02T${time}+07:00`).getTime();
      while (k.clock.now() < target) {
        type();
        await k.clock.advance(Math.min(60_000, target - k.clock.now()));
      }
    };
    await at('11:29:59');
    expect(k.window.last?.shiftWarning).toBeUndefined();
    await at('11:30:00');
    expect(k.window.last?.shiftWarning).toEqual({ secondsLeft: 300, fullscreen: false });
    expect(view?.visible).toBe(true);
    await at('11:33:59');
    expect(k.window.last?.shiftWarning).toEqual({ secondsLeft: 61, fullscreen: false });
    expect(view?.visible).toBe(true);
    await at('11:34:00');
    expect(k.window.last?.shiftWarning).toEqual({ secondsLeft: 60, fullscreen: true });
    expect(view?.visible).toBe(false);
    await at('11:34:59');
    expect(k.window.last?.shiftWarning).toEqual({ secondsLeft: 1, fullscreen: true });
    expect(view?.visible).toBe(false);
  });

  it('hides at once under a warning no longer than a minute', async () => {
    const k = makeShell();
    await k.start(null);
    await k.handlers['kiosk:start-session'](null);
    for (let minute = 0; minute < 150 && !k.window.last?.shiftWarning; minute += 1) {
      k.siteViews.last?.contents.emit('before-input-event', { preventDefault: () => undefined }, { key: 'a', code: 'KeyA', control: false, meta: false, shift: false, alt: false });
      await k.clock.advance(60_000);
    }
    expect(k.window.last?.shiftWarning).toEqual({ secondsLeft: 60, fullscreen: true });
    expect(k.siteViews.last?.visible).toBe(false);
  });

  it('switches language only to one the policy offers', async () => {
    const k = makeShell();
    await k.start(null);
    expect(await k.handlers['kiosk:set-language']('en')).toEqual({ ok: true });
    expect(k.window.last?.language).toBe('en');
  });
});
