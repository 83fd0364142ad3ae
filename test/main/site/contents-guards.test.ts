import { describe, expect, it } from 'vitest';
import { attachContentsGuards } from '../../../main/site/contents-guards';
import { testPolicy } from '../../src/shell/policy-fixture';
import { FakeContents, preventable } from '../fakes';

const policy = testPolicy();

function guarded() {
  const contents = new FakeContents();
  const blocked: { kind: string; url: string; code: string }[] = [];
  const shortcuts: string[] = [];
  attachContentsGuards(contents, () => policy, {
    blocked: (kind, url, verdict) => blocked.push({ kind, url, code: verdict.code }),
    shortcutBlocked: (s) => shortcuts.push(s.label),
  });
  return { contents, blocked, shortcuts };
}

describe('attachContentsGuards', () => {
  it('sets WebRTC to proxied UDP only before any page loads', () => {
    const contents = new FakeContents();
    expect(contents.webRtcIpHandlingPolicy).toBeUndefined();
    attachContentsGuards(contents, () => policy, { blocked: () => undefined });
    expect(contents.webRtcIpHandlingPolicy).toBe('disable_non_proxied_udp');
    expect(contents.loaded).toEqual([]);
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'] as const)('%s: lets allowed URLs through and stops the rest', (event) => {
    const { contents, blocked } = guarded();
    expect(contents.navigate(event, 'https://thutuc.dichvucong.gov.vn/a').prevented).toBe(false);
    expect(contents.navigate(event, 'https://chat.zalo.me/').prevented).toBe(true);
    expect(contents.navigate(event, 'file:///C:/Windows/', false).prevented).toBe(true);
    expect(blocked).toEqual([
      { kind: 'navigation', url: 'https://chat.zalo.me/', code: 'category' },
      { kind: 'navigation', url: 'file:///C:/Windows/', code: 'scheme' },
    ]);
  });

  it('opens an allowed window.open target in the same view and never a new window', () => {
    const { contents, blocked } = guarded();
    const open = contents.windowOpenHandler;
    expect(open?.({ url: 'https://thutuc.dichvucong.gov.vn/receipt' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'about:blank' })).toEqual({ action: 'deny' });
    expect(contents.loaded).toEqual(['https://thutuc.dichvucong.gov.vn/receipt']);
    expect(blocked.map((b) => [b.kind, b.url])).toEqual([
      ['window-open', 'https://evil.example/'],
      ['window-open', 'about:blank'],
    ]);
  });

  it('refuses every <webview>', () => {
    const { contents } = guarded();
    const event = preventable({});
    contents.emit('will-attach-webview', event, {}, { src: 'https://dichvucong.gov.vn/' });
    expect(event.prevented).toBe(true);
  });

  it('swallows blocked shortcuts and passes typing', () => {
    const { contents, shortcuts } = guarded();
    const press = (key: string, code: string, mods: { control?: boolean; shift?: boolean; alt?: boolean } = {}) => {
      const event = preventable({});
      contents.emit('before-input-event', event, { key, code, control: false, meta: false, shift: false, alt: false, ...mods });
      return event.prevented;
    };
    expect(press('w', 'KeyW', { control: true })).toBe(true);
    expect(press('F12', 'F12')).toBe(true);
    expect(press('I', 'KeyI', { control: true, shift: true })).toBe(true);
    expect(press('a', 'KeyA')).toBe(false);
    expect(press('c', 'KeyC', { control: true })).toBe(false);
    expect(shortcuts).toEqual(['Ctrl+W', 'F12', 'Ctrl+Shift+I']);
  });

  it('reads the policy at each event, so a reloaded policy applies at once', () => {
    let current = policy;
    const contents = new FakeContents();
    attachContentsGuards(contents, () => current, { blocked: () => undefined });
    expect(contents.navigate('will-navigate', 'https://www.google.com/').prevented).toBe(true);
    current = testPolicy((p) => p.sites.allow.push({ host: 'www.google.com' }));
    expect(contents.navigate('will-navigate', 'https://www.google.com/').prevented).toBe(false);
  });
});
