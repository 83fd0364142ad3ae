import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPaths, runPrintPath } from '../support/print-paths';
import { startBreakoutSite, type BreakoutSite } from './support/breakout-site';
import { api, launchKiosk, testPolicy, waitForStatus, type KioskRun } from './support/kiosk';

/**
 * Issue 10 in the real Electron: every breakout a hostile citizen tries, on a loopback portal the
 * test policy allows. Each waits for a named event (a status, a page event), never a sleep.
 */
let site: BreakoutSite;
beforeAll(async () => {
  site = await startBreakoutSite();
});
afterAll(async () => {
  await site.close();
});

const withPrinting = (mode: 'off' | 'silent') => (data: string) => `${testPolicy(data, site.origin)}printing:\n  mode: ${mode}\n`;

async function openSite(kiosk: KioskRun): Promise<Page> {
  const opened = kiosk.app.waitForEvent('window', (p) => p.url().startsWith(site.origin));
  expect(await api(kiosk.ui, (k) => k.startSession(0))).toEqual({ ok: true });
  const page = await opened;
  await page.waitForLoadState();
  await waitForStatus(kiosk.ui, (s) => s.state === 'in-session');
  return page;
}

async function endSession(kiosk: KioskRun): Promise<void> {
  expect(await api(kiosk.ui, (k) => k.endSession())).toEqual({ ok: true });
  await waitForStatus(kiosk.ui, (s) => s.state === 'welcome' && s.wipe?.scope === 'session' && s.wipe.phase === 'succeeded');
}

describe('breakouts from a citizen site view (printing silent)', () => {
  let kiosk: KioskRun;
  let page: Page;
  beforeAll(async () => {
    kiosk = await launchKiosk(withPrinting('silent'));
    page = await openSite(kiosk);
  });
  afterAll(async () => {
    await kiosk.close();
  });

  it('blocked shortcuts open, close, save, inspect and leave nothing', async () => {
    const windows = kiosk.app.windows().length;
    for (const key of ['Control+N', 'Control+T', 'Control+O', 'Control+S', 'Control+W', 'Control+Q', 'Alt+F4', 'F11', 'F12', 'Control+Shift+I', 'Control+U']) {
      await page.keyboard.press(key);
    }
    expect(kiosk.app.windows().length).toBe(windows);
    expect(page.url()).toBe(`${site.origin}/`);
    const devtools = await kiosk.app.evaluate(({ webContents }) => webContents.getAllWebContents().some((w) => w.isDevToolsOpened()));
    expect(devtools).toBe(false);
  });

  it('the staff shortcut pressed in the site opens the staff panel; the page never sees the key', async () => {
    await page.evaluate('window.keys.length = 0');
    await page.keyboard.press('Control+Alt+S');
    await kiosk.ui.waitForSelector('#app[data-screen="staff"]');
    expect(await page.evaluate('window.keys')).toEqual([]);
    await kiosk.ui.keyboard.press('Escape');
    await kiosk.ui.waitForSelector('#app:not([data-screen="staff"])');
  });

  it('the File System Access pickers do not exist; <input type=file> does', async () => {
    expect(await page.evaluate('[typeof showOpenFilePicker, typeof showSaveFilePicker, typeof showDirectoryPicker]')).toEqual(['undefined', 'undefined', 'undefined']);
    expect(await page.evaluate(`(() => { const i = document.createElement('input'); i.type = 'file'; return i.type; })()`)).toBe('file');
  });

  it('window.print() in the page and in a frame never opens a dialog: main prints silently and says so', async () => {
    await page.evaluate('window.print()');
    const status = await waitForStatus(kiosk.ui, (s) => s.notice?.kind === 'print-sent' || s.notice?.kind === 'print-failed');
    expect(['print-sent', 'print-failed']).toContain(status.notice?.kind);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(await frame?.evaluate('typeof print === "function" && !String(print).includes("native code")')).toBe(true);
    expect(await page.evaluate(`(() => { const f = document.createElement('iframe'); document.body.append(f); return String(f.contentWindow.print).includes('native code'); })()`)).toBe(false);
  });

  it('window.close() from the site closes nothing', async () => {
    await page.evaluate('window.close()');
    const status = await waitForStatus(kiosk.ui, (s) => s.state === 'in-session');
    expect(status.site?.host).toBe('127.0.0.1');
    expect(page.isClosed()).toBe(false);
  });

  it('popups: an allowed target opens in the same view, a chat app is refused with a notice; never a second window', async () => {
    const windows = kiosk.app.windows().length;
    await page.evaluate(`window.open('https://chat.zalo.me/')`);
    await waitForStatus(kiosk.ui, (s) => s.notice?.kind === 'site-blocked');
    await page.evaluate(`window.open(location.origin + '/#popup', '_blank')`);
    await page.waitForURL(`${site.origin}/#popup`);
    expect(kiosk.app.windows().length).toBe(windows);
  });

  it('dropping a link or a file on the page navigates nowhere', async () => {
    const cdp = await kiosk.app.context().newCDPSession(page);
    const drop = async (data: Record<string, unknown>) => {
      for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
        await cdp.send('Input.dispatchDragEvent', { type, x: 20, y: 20, data: { dragOperationsMask: 1, ...data } as never });
      }
    };
    const before = page.url();
    await drop({ items: [{ mimeType: 'text/uri-list', data: 'https://chat.zalo.me/' }] });
    await drop({ items: [], files: [path.resolve('package.json')] });
    expect(page.url()).toBe(before);
    expect(page.url().startsWith('file:')).toBe(false);
  });

  it('a data: download whose bytes are not what its name says is refused and leaves no file', async () => {
    await page.click('#fake-pdf');
    await waitForStatus(kiosk.ui, (s) => s.notice?.kind === 'download-blocked');
    const session = await waitForStatus(kiosk.ui, (s) => s.state === 'in-session');
    expect(session.notice?.kind).toBe('download-blocked');
    const downloads = path.join(kiosk.data, 'downloads');
    const files = existsSync(downloads) ? readdirSync(downloads, { recursive: true }).map(String) : [];
    expect(files.filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });

  it('a script on the portal cannot reach the local network (IP literals, loopback, private ranges)', async () => {
    const results = await page.evaluate(`Promise.all([window.lanOrigin + '/admin', 'http://192.168.1.1/', 'http://10.0.0.1/', 'http://[::1]:9/', 'http://localhost:9/'].map((u) =>
      fetch(u, { mode: 'no-cors' }).then(() => 'reached', () => 'refused')))`);
    expect(results).toEqual(['refused', 'refused', 'refused', 'refused', 'refused']);
    expect(site.lan.hits).toBe(0);
  });

  it('page scripts cannot read the clipboard (the permission is refused)', async () => {
    expect(await page.evaluate(`navigator.clipboard.readText().then(() => 'read', (e) => e.name)`)).toBe('NotAllowedError');
  });

  it('End empties the clipboard (and the selection on Linux): the next citizen pastes nothing', async () => {
    await page.evaluate(`(() => { const r = document.createRange(); r.selectNodeContents(document.getElementById('text')); getSelection().removeAllRanges(); getSelection().addRange(r); })()`);
    await page.keyboard.press('Control+C');
    await expect.poll(() => kiosk.app.evaluate(({ clipboard }) => clipboard.readText())).toContain('001099012345');
    await endSession(kiosk);
    expect(await kiosk.app.evaluate(({ clipboard }) => clipboard.readText())).toBe('');
    if (process.platform === 'linux') expect(await kiosk.app.evaluate(({ clipboard }) => clipboard.selection.readText())).toBe('');
  });
});

describe('printing off', () => {
  it('no script path reaches the native print: window.print and execCommand(\'print\') in every kind of frame (test/support/print-paths.ts)', async () => {
    const kiosk = await launchKiosk(withPrinting('off'));
    try {
      const page = await openSite(kiosk);
      const started: string[] = [];
      for (const [name, code] of Object.entries(printPaths)) {
        // A fresh document per path: the paths count frames from zero.
        await page.reload();
        await page.waitForLoadState();
        const result = await page.evaluate<{ beforeprint: number }>(runPrintPath(code));
        if (result.beforeprint !== 0) started.push(name);
      }
      expect(started).toEqual([]);
      await waitForStatus(kiosk.ui, (s) => s.notice?.kind === 'print-off');
    } finally {
      await kiosk.close();
    }
  });

  it('window.print() and Ctrl+P print nothing and show the notice', async () => {
    const kiosk = await launchKiosk(withPrinting('off'));
    try {
      const windows = kiosk.app.windows().length;
      const page = await openSite(kiosk);
      await page.evaluate('window.print()');
      await waitForStatus(kiosk.ui, (s) => s.notice?.kind === 'print-off');
      // A new session (a fresh print allowance), so Ctrl+P is not merely rate-limited away.
      await endSession(kiosk);
      const next = await openSite(kiosk);
      await next.keyboard.press('Control+P');
      await waitForStatus(kiosk.ui, (s) => s.notice?.kind === 'print-off');
      expect(kiosk.app.windows().length).toBe(windows + 1);
    } finally {
      await kiosk.close();
    }
  });
});
