import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CANARY_COOKIE_URL, DOWNLOAD_CANARY_NAME } from '../../../main/kiosk/compose';
import { preventable } from '../fakes';
import { makeShell, settle } from './harness';

const allClears = ['clearData', 'clearCache', 'clearAuthCache', 'clearCodeCaches{"urls":[]}', 'clearHostResolverCache', 'closeAllConnections'];

async function inSession(k = makeShell(), serviceIndex: number | null = null) {
  await k.start(null);
  const started = await k.handlers['kiosk:start-session'](serviceIndex);
  expect(started).toEqual({ ok: true });
  const view = k.siteViews.last;
  if (!view) throw new Error('no site view was created');
  return { k, view };
}

describe('a citizen session through the wiring', () => {
  it('opens the service in a fresh in-memory partition with guards, canaries and the toolbar info', async () => {
    const { k, view } = await inSession();
    const session = k.controller?.session();
    expect(session).not.toBeNull();
    expect(view.partition).toBe(session?.partition);
    expect(view.partition).toBe(session?.id);
    expect(view.partition.startsWith('persist:')).toBe(false);
    expect(view.contents.loaded).toEqual(['https://dichvucong.gov.vn/']);
    expect(view.session.permissionRequest).toBeDefined();
    expect(view.session.permissionCheck).toBeDefined();
    expect(view.session.beforeRequest).toBeDefined();
    expect(view.session.listenerCount('will-download')).toBe(1);
    expect(view.contents.windowOpenHandler).toBeDefined();
    expect(view.contents.listenerCount('will-frame-navigate')).toBe(1);
    expect(k.remembered.map((c) => c.sessionId)).toEqual([view.partition]);
    expect(view.session.cookiesSet).toEqual([expect.objectContaining({ url: CANARY_COOKIE_URL, value: k.remembered[0]?.cookie })]);
    expect(k.written.get(path.join(k.downloads, view.partition, DOWNLOAD_CANARY_NAME))).toBe(k.remembered[0]?.download);
    expect(k.window.last).toMatchObject({ state: 'in-session', site: { host: 'dichvucong.gov.vn', canGoBack: false } });
    expect(view.visible).toBe(true);
    expect(view.bounds).toEqual({ x: 0, y: 80, width: 1280, height: 720 });
  });

  it('opens the chosen service tile', async () => {
    const { view } = await inSession(makeShell(), 0);
    expect(view.contents.loaded).toEqual(['https://dichvucong.gov.vn/']);
    const k = makeShell();
    await k.start(null);
    expect(await k.handlers['kiosk:start-session'](5)).toEqual({ ok: false, reason: 'invalid' });
    expect(k.siteViews.created).toEqual([]);
  });

  it('a crash of the site view ends the session and wipes it, then the next citizen gets a new partition', async () => {
    const { k, view } = await inSession();
    const partition = view.partition;
    view.contents.emit('render-process-gone', preventable({}), { reason: 'crashed', exitCode: 1 });
    await settle();
    expect(view.closed).toBe(true);
    expect(view.session.calls).toEqual(allClears);
    expect(k.wipes).toEqual([{ scope: 'session', trigger: 'crash', sessionId: partition }]);
    expect(k.window.last?.state).toBe('welcome');
    await k.handlers['kiosk:start-session'](null);
    expect(k.siteViews.created).toHaveLength(2);
    expect(k.siteViews.last?.partition).not.toBe(partition);
  });

  it('the End session button closes the view before clearing and wiping', async () => {
    const { k, view } = await inSession();
    const order: string[] = [];
    const close = view.close.bind(view);
    view.close = () => {
      order.push('close');
      close();
    };
    const clearData = view.session.clearData;
    view.session.clearData = () => (order.push('clearData'), clearData());
    expect(await k.handlers['kiosk:end-session']()).toEqual({ ok: true });
    await settle();
    expect(order).toEqual(['close', 'clearData']);
    expect(k.wipes).toEqual([{ scope: 'session', trigger: 'session-end', sessionId: view.partition }]);
    expect(k.window.last?.state).toBe('welcome');
  });

  it('the idle timeout wipes the session after its warning, which hides the site', async () => {
    const { k, view } = await inSession();
    await k.clock.advance(150_000);
    expect(k.window.last?.idleWarning).toBeDefined();
    expect(view.visible).toBe(false);
    await k.clock.advance(30_000);
    expect(k.wipes).toEqual([{ scope: 'session', trigger: 'idle', sessionId: view.partition }]);
    expect(view.closed).toBe(true);
  });

  it('a failed partition clear takes the kiosk out of service even when the disk wipe passed', async () => {
    const { k, view } = await inSession();
    view.session.failing.add('clearData');
    await k.handlers['kiosk:end-session']();
    await settle();
    expect(k.outOfService).toEqual(['session-clear-failed']);
    expect(k.window.last).toMatchObject({ state: 'out-of-service', outOfService: { reason: 'wipe-failed' } });
    expect(await k.handlers['kiosk:start-session'](null)).toMatchObject({ ok: false });
    expect(k.siteViews.created).toHaveLength(1);
  });

  it('a failed disk wipe takes the kiosk out of service', async () => {
    const { k } = await inSession();
    k.wipePlan.push(false);
    await k.handlers['kiosk:end-session']();
    await settle();
    expect(k.window.last?.state).toBe('out-of-service');
  });

  it('toolbar navigation acts on the site view only during a session', async () => {
    const { k, view } = await inSession();
    await view.contents.loadURL('https://thutuc.dichvucong.gov.vn/form');
    expect(await k.handlers['kiosk:navigate']('back')).toEqual({ ok: true });
    expect(view.contents.url).toBe('https://dichvucong.gov.vn/');
    await k.handlers['kiosk:navigate']('reload');
    expect(view.contents.reloads).toBe(1);
    await k.handlers['kiosk:navigate']('home');
    expect(view.contents.loaded.at(-1)).toBe('https://dichvucong.gov.vn/');
    await k.handlers['kiosk:end-session']();
    await settle();
    expect(await k.handlers['kiosk:navigate']('home')).toMatchObject({ ok: false });
  });

  it('shows a short notice for a blocked site, without the URL', async () => {
    const { k, view } = await inSession();
    view.contents.navigate('will-navigate', 'https://chat.zalo.me/?phone=0901234567');
    expect(k.window.last?.notice).toEqual({ kind: 'site-blocked' });
    expect(JSON.stringify(k.window.last)).not.toContain('zalo');
    await k.clock.advance(8_000);
    expect(k.window.last?.notice).toBeUndefined();
  });

  it('keeps the site view below the toolbar when the window is resized', async () => {
    const { k, view } = await inSession();
    k.window.resizeTo(1920, 1080);
    expect(view.bounds).toEqual({ x: 0, y: 80, width: 1920, height: 1000 });
  });

  it('shows a succeeded wipe for a few seconds, then the welcome screen without it', async () => {
    const { k } = await inSession();
    await k.handlers['kiosk:end-session']();
    await settle();
    expect(k.window.last).toMatchObject({ state: 'welcome', wipe: { scope: 'session', phase: 'succeeded' } });
    await k.clock.advance(6_000);
    expect(k.window.last?.state).toBe('welcome');
    expect(k.window.last?.wipe).toBeUndefined();
    await k.handlers['kiosk:start-session'](null);
    await k.handlers['kiosk:end-session']();
    await settle();
    expect(k.window.last?.wipe).toEqual({ scope: 'session', phase: 'succeeded' });
  });
});
