import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../../src/policy/load';
import { testPolicy } from '../../src/shell/policy-fixture';
import { preventable } from '../fakes';
import { makeShell, settle } from './harness';

const key = (over: Partial<{ type: string; key: string; code: string; control: boolean; meta: boolean; shift: boolean; alt: boolean }>) => ({
  type: 'keyDown', key: 's', code: 'KeyS', control: false, meta: false, shift: false, alt: false, ...over,
});
const staff = { staffId: 'an', displayName: 'An', role: 'staff' as const, mustChangePassword: false };

async function inSession(seconds = 120) {
  const k = makeShell({ policy: testPolicy((p) => void (p.staff.idleSignOutSeconds = seconds)) });
  await k.start(null);
  await k.handlers['kiosk:start-session'](null);
  await settle();
  const view = k.siteViews.last;
  if (!view) throw new Error('no site view');
  return { k, view };
}

describe('the staff shortcut pressed in the site view', () => {
  it('is caught before the page (keyDown and keyUp), opens the panel over the hidden site view and focuses the UI', async () => {
    const { k, view } = await inSession();
    const down = preventable({});
    view.contents.emit('before-input-event', down, key({ control: true, alt: true }));
    const up = preventable({});
    view.contents.emit('before-input-event', up, key({ type: 'keyUp', control: true, alt: true }));
    expect([down.prevented, up.prevented]).toEqual([true, true]);
    expect(k.window.last?.staffPanelCommand).toEqual({ seq: 1, action: 'open' });
    expect(view.visible).toBe(false);
    expect(k.window.uiFocused).toBe(1);
  });

  it('matches the physical key on another layout and Cmd on macOS; plain S, Ctrl+S and Alt+S are the page’s', async () => {
    const { k, view } = await inSession();
    const physical = preventable({});
    view.contents.emit('before-input-event', physical, key({ key: 'ß', code: 'KeyS', meta: true, alt: true }));
    expect(physical.prevented).toBe(true);
    expect(k.window.last?.staffPanelCommand?.seq).toBe(1);
    for (const input of [key({}), key({ alt: true }), key({ shift: true })]) {
      const event = preventable({});
      view.contents.emit('before-input-event', event, input);
      expect(event.prevented).toBe(false);
    }
    expect(k.window.last?.staffPanelCommand?.seq).toBe(1);
  });
});

describe('the staff panel signs staff out when left idle', () => {
  it('after staff.idleSignOutSeconds without input: signed out, panel closed, site view back', async () => {
    const { k, view } = await inSession(60);
    await k.handlers['kiosk:staff-panel'](true);
    k.shell.setStaff(staff);
    await k.clock.advance(59_000);
    expect(k.window.last?.staff).toEqual(staff);
    await k.clock.advance(1_000);
    expect(k.window.last?.staff).toBeUndefined();
    expect(k.window.last?.staffPanelCommand).toEqual({ seq: 1, action: 'close' });
    expect(view.visible).toBe(true);
  });

  it('input in the UI restarts the period; a panel closed by staff stops it', async () => {
    const { k } = await inSession(60);
    await k.handlers['kiosk:staff-panel'](true);
    k.shell.setStaff(staff);
    await k.clock.advance(50_000);
    k.shell.uiInput();
    await k.clock.advance(50_000);
    expect(k.window.last?.staff).toEqual(staff);
    await k.clock.advance(10_000);
    expect(k.window.last?.staff).toBeUndefined();

    await k.handlers['kiosk:staff-panel'](true);
    await k.handlers['kiosk:staff-panel'](false);
    const seq = k.window.last?.staffPanelCommand?.seq;
    await k.clock.advance(120_000);
    expect(k.window.last?.staffPanelCommand?.seq).toBe(seq);
  });

  it('a panel opened from the site view and left alone closes too (the citizen gets the site back)', async () => {
    const { k, view } = await inSession(30);
    view.contents.emit('before-input-event', preventable({}), key({ control: true, alt: true }));
    await k.clock.advance(30_000);
    expect(k.window.last?.staffPanelCommand).toEqual({ seq: 2, action: 'close' });
    expect(view.visible).toBe(true);
  });

  it('defaults to 120 s (values outside 15–1800 are refused: test/src/cli/policy-check.test.ts)', () => {
    const loaded = loadPolicy({ machineFile: null, env: {} });
    expect(loaded.ok && loaded.policy.staff.idleSignOutSeconds).toBe(120);
  });
});

describe('a site view that stops responding', () => {
  it('ends the session with its wipe after 30 s', async () => {
    const { k, view } = await inSession();
    view.contents.emit('unresponsive');
    await k.clock.advance(30_000);
    await settle();
    expect(k.wipes.map((w) => [w.scope, w.trigger])).toEqual([['session', 'crash']]);
  });
});
