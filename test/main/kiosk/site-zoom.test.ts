import { describe, expect, it } from 'vitest';
import { preventable } from '../fakes';
import { makeShell, settle } from './harness';

const key = (k: string, code: string, mods: { control?: boolean; alt?: boolean; type?: string } = {}) => ({
  type: mods.type ?? 'keyDown', key: k, code, control: mods.control ?? true, meta: false, shift: false, alt: mods.alt ?? false,
});

async function inSession() {
  const k = makeShell();
  await k.start(null);
  await k.handlers['kiosk:start-session'](null);
  await settle();
  const view = k.siteViews.last;
  if (!view) throw new Error('no site view');
  return { k, view, contents: view.contents };
}

// Zoom for people who read with difficulty: main zooms the site view only, 50–200 %, reset by the wipe.
describe('zooming the site view', () => {
  it('A+ / A− / 100% zoom the site view in steps, clamped to 50–200 %, and the status carries the size', async () => {
    const { k, contents } = await inSession();
    expect(k.window.last?.site?.zoomPercent).toBe(100);
    for (let i = 0; i < 12; i += 1) expect(await k.handlers['kiosk:zoom']('in')).toEqual({ ok: true });
    expect(contents.zoomFactors.at(-1)).toBe(2);
    expect(k.window.last?.site?.zoomPercent).toBe(200);
    await k.handlers['kiosk:zoom']('reset');
    expect(contents.zoomFactors.at(-1)).toBe(1);
    for (let i = 0; i < 12; i += 1) await k.handlers['kiosk:zoom']('out');
    expect(contents.zoomFactors.at(-1)).toBe(0.5);
    expect(k.window.last?.site?.zoomPercent).toBe(50);
    expect(Math.min(...contents.zoomFactors)).toBe(0.5);
    expect(Math.max(...contents.zoomFactors)).toBe(2);
  });

  it('Ctrl+= / Ctrl+- / Ctrl+0 in the site view are swallowed (the page never sees them) and zoom', async () => {
    const { k, contents } = await inSession();
    const press = (input: ReturnType<typeof key>) => {
      const event = preventable({});
      contents.emit('before-input-event', event, input);
      return event.prevented;
    };
    expect(press(key('=', 'Equal'))).toBe(true);
    expect(press(key('=', 'Equal', { type: 'keyUp' }))).toBe(true);
    expect(press(key('+', 'NumpadAdd'))).toBe(true);
    expect(k.window.last?.site?.zoomPercent).toBe(125);
    expect(press(key('-', 'Minus'))).toBe(true);
    expect(k.window.last?.site?.zoomPercent).toBe(110);
    // A Vietnamese input method may report another key: the physical key still counts.
    expect(press(key('đ', 'Digit0'))).toBe(true);
    expect(k.window.last?.site?.zoomPercent).toBe(100);
    expect(press(key('=', 'Equal', { control: false }))).toBe(false);
    expect(press(key('=', 'Equal', { alt: true }))).toBe(false);
    expect(contents.zoomFactors).toEqual([1.1, 1.25, 1.1, 1]);
  });

  it('keeps the chosen size on the next site (Chromium zooms per origin), and a new session starts at 100 %', async () => {
    const { k, contents } = await inSession();
    await k.handlers['kiosk:zoom']('in');
    await contents.loadURL('https://dichvucong.moh.gov.vn/');
    expect(contents.zoomFactors).toEqual([1.1, 1.1]);
    await k.handlers['kiosk:end-session']();
    await settle();
    expect(await k.handlers['kiosk:zoom']('in')).toMatchObject({ ok: false, reason: 'failed' });
    await k.handlers['kiosk:start-session'](null);
    await settle();
    const next = k.siteViews.last?.contents;
    expect(next).not.toBe(contents);
    expect(next?.zoomFactors).toEqual([]);
    expect(k.window.last?.site?.zoomPercent).toBe(100);
  });
});
