import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, launchKiosk, startSite, testPolicy, waitForStatus, type KioskRun } from './support/kiosk';

let site: { server: Server; origin: string };
beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await new Promise((resolve) => site.server.close(resolve));
});

// Zoom in real Electron: the site view's zoom changes (its devicePixelRatio), the kiosk UI's never does.
describe('zooming the site in Electron', () => {
  let kiosk: KioskRun;
  beforeAll(async () => {
    kiosk = await launchKiosk((data) => testPolicy(data, site.origin));
  });
  afterAll(async () => {
    await kiosk.close();
  });

  const openSite = async () => {
    const opened = kiosk.app.waitForEvent('window', (page) => page.url().startsWith(site.origin));
    expect(await api(kiosk.ui, (k) => k.startSession(0))).toEqual({ ok: true });
    const page = await opened;
    await page.waitForLoadState();
    await waitForStatus(kiosk.ui, (s) => s.state === 'in-session' && s.site?.host === '127.0.0.1');
    return page;
  };

  it('A+ and Ctrl+= zoom the site view, not the toolbar; a new session starts at 100 %', async () => {
    const page = await openSite();
    const uiRatio = await kiosk.ui.evaluate('window.devicePixelRatio');
    const siteRatio = Number(await page.evaluate('window.devicePixelRatio'));
    expect(await api(kiosk.ui, (k) => k.zoom('in'))).toEqual({ ok: true });
    await waitForStatus(kiosk.ui, (s) => s.site?.zoomPercent === 110);
    await expect.poll(async () => Number(await page.evaluate('window.devicePixelRatio'))).toBeCloseTo(siteRatio * 1.1, 2);
    await page.keyboard.press('Control+Equal');
    await waitForStatus(kiosk.ui, (s) => s.site?.zoomPercent === 125);
    expect(await kiosk.ui.evaluate('window.devicePixelRatio')).toBe(uiRatio);

    const closed = page.waitForEvent('close');
    expect(await api(kiosk.ui, (k) => k.endSession())).toEqual({ ok: true });
    await closed;
    await waitForStatus(kiosk.ui, (s) => s.state === 'welcome' && s.wipe?.phase === 'succeeded');
    const next = await openSite();
    const status = await waitForStatus(kiosk.ui, (s) => s.state === 'in-session');
    expect(status.site?.zoomPercent ?? 100).toBe(100);
    expect(Number(await next.evaluate('window.devicePixelRatio'))).toBeCloseTo(siteRatio, 2);
  });
});
