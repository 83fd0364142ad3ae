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

describe('the kiosk in Electron', () => {
  let kiosk: KioskRun;
  beforeAll(async () => {
    kiosk = await launchKiosk((data) => testPolicy(data, site.origin));
  });
  afterAll(async () => {
    await kiosk.close();
  });

  it('serves the UI from app://kiosk/ with exactly the preload API and no Node', async () => {
    expect(kiosk.ui.url()).toBe('app://kiosk/index.html');
    const shape = await kiosk.ui.evaluate(`({
      api: Object.keys(window.kiosk).sort(),
      functions: Object.values(window.kiosk).every((v) => typeof v === 'function'),
      node: [typeof require, typeof process, typeof module].join(','),
    })`);
    expect(shape).toEqual({
      api: ['adminAction', 'blockedToday', 'changePassword', 'compliance', 'endSession', 'forceWipe', 'getStatus', 'navigate', 'onStatus', 'recentWipes', 'setLanguage', 'setStaffPanelOpen', 'stillHere', 'staffSignIn', 'staffSignOut', 'startSession', 'zoom'].sort(),
      functions: true,
      node: 'undefined,undefined,undefined',
    });
    await waitForStatus(kiosk.ui, (s) => s.state === 'welcome');
  });

  it('opens the service in a site view below the toolbar and blocks a chat app', async () => {
    const opened = kiosk.app.waitForEvent('window', (page) => page.url().startsWith(site.origin));
    expect(await api(kiosk.ui, (k) => k.startSession(0))).toEqual({ ok: true });
    const page = await opened;
    await page.waitForLoadState();
    const status = await waitForStatus(kiosk.ui, (s) => s.state === 'in-session' && s.site?.host === '127.0.0.1');
    expect(status.site?.title).toBe('Cổng dịch vụ thử');
    await page.click('#out');
    await waitForStatus(kiosk.ui, (s) => s.notice?.kind === 'site-blocked');
    expect(page.url()).toBe(`${site.origin}/`);
    const pages = kiosk.app.windows().length;
    await page.evaluate(`window.open('https://chat.zalo.me/')`);
    expect(kiosk.app.windows().length).toBe(pages);
  });

  it('ends the session: the site view closes and the kiosk is back at the welcome screen', async () => {
    const page = kiosk.app.windows().find((p) => p.url().startsWith(site.origin));
    const closed = page?.waitForEvent('close');
    expect(await api(kiosk.ui, (k) => k.endSession())).toEqual({ ok: true });
    await closed;
    await waitForStatus(kiosk.ui, (s) => s.state === 'welcome' && s.wipe?.phase === 'succeeded');
  });

  it('a crashed site ends and wipes the session', async () => {
    const opened = kiosk.app.waitForEvent('window', (page) => page.url().startsWith(site.origin));
    await api(kiosk.ui, (k) => k.startSession(0));
    await opened;
    await waitForStatus(kiosk.ui, (s) => s.state === 'in-session');
    await kiosk.app.evaluate(({ webContents }, origin) => {
      webContents.getAllWebContents().find((w) => w.getURL().startsWith(origin))?.forcefullyCrashRenderer();
    }, site.origin);
    await waitForStatus(kiosk.ui, (s) => s.state === 'welcome' && s.wipe?.scope === 'session' && s.wipe.phase === 'succeeded');
  });

  it('the UI cannot leave app://kiosk/', async () => {
    await kiosk.ui.evaluate(`location.href = 'file:///'`).catch(() => undefined);
    await waitForStatus(kiosk.ui, (s) => s.state === 'welcome');
    expect(kiosk.ui.url()).toBe('app://kiosk/index.html');
  });
});

describe('an invalid policy', () => {
  it('shows only the out-of-service screen and never opens a site view', async () => {
    // A typo in a key: the whole policy is refused, never partly applied.
    const kiosk = await launchKiosk((data) => testPolicy(data, site.origin).replace('  allow:', '  mdoe: blocklist\n  allow:'));
    try {
      await waitForStatus(kiosk.ui, (s) => s.state === 'out-of-service' && s.outOfService?.reason === 'policy-invalid');
      expect(await api(kiosk.ui, (k) => k.startSession(0))).toMatchObject({ ok: false });
      const contents = await kiosk.app.evaluate(({ webContents }) => webContents.getAllWebContents().map((w) => w.getURL()));
      expect(contents.filter((url) => !url.startsWith('devtools:'))).toEqual(['app://kiosk/index.html']);
    } finally {
      await kiosk.close();
    }
  });
});
