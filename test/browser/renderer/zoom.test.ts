import { describe, expect, it } from 'vitest';
import type { KioskStatus, Language } from '../../../src/ipc/contract';
import { TOOLBAR_HEIGHT_PX } from '../../../renderer/layout';
import { inSession } from '../support/renderer-fixtures';
import { axeFindings } from '../support/renderer-axe';
import { contrastProblems } from '../support/renderer-contrast';
import { layoutProblems } from '../support/renderer-layout';
import { useKioskPages, type KioskPage } from '../support/renderer-page';

const site = (zoomPercent: number): NonNullable<KioskStatus['site']> => ({
  host: 'dichvucong.gov.vn', title: 'Cổng Dịch vụ công Quốc gia — Trang chủ', canGoBack: true, canGoForward: false, loading: false, zoomPercent,
});

// A− / 100% / A+ in the session toolbar: main zooms the site view only (test/main/kiosk/site-zoom.test.ts).
describe('zoom controls in the session toolbar', () => {
  const openPage = useKioskPages();
  const open = (status: KioskStatus): Promise<KioskPage> => openPage(status, { screen: 'session' });

  for (const lang of ['vi', 'en'] as const satisfies readonly Language[]) {
    it(`are axe-clean, laid out inside the toolbar and show the current size (${lang})`, async () => {
      const k = await open(inSession(lang, { site: site(150) }));
      const label = { vi: 'Cỡ chữ 150%, bấm để về 100%', en: 'Text size 150%, press for 100%' }[lang];
      await k.page.getByRole('button', { name: label }).waitFor();
      expect(await k.page.textContent('.btn-zoom-reset')).toBe('150%');
      await k.shot(`session-zoom-${lang}`);
      const box = await k.page.locator('.toolbar').boundingBox();
      expect(box?.height).toBe(TOOLBAR_HEIGHT_PX);
      const zoomBox = await k.page.locator('.zoom-controls').boundingBox();
      expect(zoomBox && box && zoomBox.y >= box.y && zoomBox.y + zoomBox.height <= box.y + box.height).toBe(true);
      expect(await layoutProblems(k.page)).toEqual([]);
      const axe = await axeFindings(k.page);
      expect(axe.violations).toEqual([]);
      expect(axe.incomplete.filter((line) => !line.startsWith('color-contrast '))).toEqual([]);
      expect(await contrastProblems(k.page)).toEqual([]);
      expect(await k.problems()).toEqual([]);
    });
  }

  it('the buttons and Ctrl+= / Ctrl+- / Ctrl+0 ask main to zoom, from the keyboard too', async () => {
    const k = await open(inSession('vi', { site: site(100) }));
    await k.page.click('.btn-zoom-in');
    await k.page.click('.btn-zoom-out');
    await k.page.focus('.btn-zoom-reset');
    await k.page.keyboard.press('Enter');
    await k.page.keyboard.press('Control+Equal');
    await k.page.keyboard.press('Control+Minus');
    await k.page.keyboard.press('Control+0');
    // Tab order: the zoom group sits between the site and End session.
    await k.page.focus('.btn-zoom-in');
    await k.page.keyboard.press('Tab');
    expect(await k.page.evaluate(() => document.activeElement?.classList.contains('btn-end'))).toBe(true);
    const actions = (await k.calls('zoom')).map((call) => call.args[0]);
    expect(actions).toEqual(['in', 'out', 'reset', 'in', 'out', 'reset']);
  });

  it('announces a change politely, once, and disables A+ at 200 % and A− at 50 %', async () => {
    const k = await open(inSession('en', { site: site(100) }));
    const announcer = k.page.locator('.zoom-announcer');
    expect(await announcer.getAttribute('aria-live')).toBe('polite');
    expect(await announcer.textContent()).toBe('');
    await k.push(inSession('en', { site: site(125) }));
    await expect.poll(() => announcer.textContent()).toBe('Page text size: 125%');
    await k.push(inSession('en', { site: site(200) }));
    await expect.poll(() => k.page.isDisabled('.btn-zoom-in')).toBe(true);
    expect(await k.page.isDisabled('.btn-zoom-out')).toBe(false);
    await k.push(inSession('en', { site: site(50) }));
    await expect.poll(() => k.page.isDisabled('.btn-zoom-out')).toBe(true);
    expect(await announcer.textContent()).toBe('Page text size: 50%');
  });

  it('never zooms the toolbar itself: Ctrl+= leaves the kiosk page at its own size', async () => {
    const k = await open(inSession('vi', { site: site(100) }));
    const before = await k.page.locator('.btn-end').boundingBox();
    await k.page.keyboard.press('Control+Equal');
    await k.page.keyboard.press('Control+Equal');
    expect(await k.page.evaluate(() => window.devicePixelRatio)).toBe(1);
    expect(await k.page.locator('.btn-end').boundingBox()).toEqual(before);
  });
});
