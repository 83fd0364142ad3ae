import { describe, expect, it } from 'vitest';
import { attachUiGuards } from '../../../main/kiosk/ui-guards';
import { FakeContents, preventable } from '../fakes';

describe('attachUiGuards', () => {
  function guarded() {
    const contents = new FakeContents();
    let activity = 0;
    const log: string[] = [];
    attachUiGuards(contents, () => void (activity += 1), (m) => void log.push(m));
    return { contents, log, activity: () => activity };
  }

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'] as const)('%s: stays on app://kiosk/', (event) => {
    const { contents, log } = guarded();
    expect(contents.navigate(event, 'app://kiosk/index.html').prevented).toBe(false);
    expect(contents.navigate(event, 'https://dichvucong.gov.vn/').prevented).toBe(true);
    expect(contents.navigate(event, 'file:///C:/').prevented).toBe(true);
    expect(contents.navigate(event, 'app://other/').prevented).toBe(true);
    expect(log).toHaveLength(3);
  });

  it('opens no window and no <webview>', () => {
    const { contents } = guarded();
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
    const e = preventable({});
    contents.emit('will-attach-webview', e, {}, {});
    expect(e.prevented).toBe(true);
  });

  it('blocks the shortcuts, lets the staff shortcut through, and reports input as activity', () => {
    const { contents, activity } = guarded();
    const press = (key: string, mods: Record<string, boolean>) => {
      const e = preventable({});
      contents.emit('before-input-event', e, { key, code: `Key${key.toUpperCase()}`, control: false, meta: false, shift: false, alt: false, ...mods });
      return e.prevented;
    };
    expect(press('w', { control: true })).toBe(true);
    expect(press('s', { control: true, alt: true })).toBe(false);
    contents.emit('before-mouse-event', {}, { type: 'mouseMove' });
    contents.emit('before-mouse-event', {}, { type: 'mouseDown' });
    expect(activity()).toBe(3);
  });
});
