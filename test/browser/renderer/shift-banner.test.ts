import { describe, expect, it } from 'vitest';
import { TOOLBAR_HEIGHT_PX } from '../../../renderer/layout';
import { inSession, shiftEnding } from '../support/renderer-fixtures';
import { useKioskPages, type KioskPage } from '../support/renderer-page';

/** Before its last minute the shift-end warning is a banner in the toolbar; the site stays usable. */
describe('shift-end banner in the session toolbar', () => {
  const openPage = useKioskPages();
  const open = (secondsLeft: number, language: 'vi' | 'en' = 'vi'): Promise<KioskPage> => openPage(shiftEnding(inSession(language), secondsLeft), { screen: 'session' });
  const banner = (k: KioskPage): Promise<string | null> => k.page.textContent('.shift-banner-text');
  const spoken = (k: KioskPage): Promise<string | null> => k.page.textContent('.shift-banner-spoken');

  it('shows the time left in the strip instead of the site name, End session still there, the strip still 80 px', async () => {
    const k = await open(105);
    expect(await banner(k)).toBe('Hết ca làm việc: phiên sẽ kết thúc sau 1:45 — hãy lưu công việc');
    expect(await k.page.isVisible('.site-info')).toBe(false);
    expect(await k.page.isVisible('.btn-end')).toBe(true);
    expect(await k.page.isEnabled('.btn-end')).toBe(true);
    expect(await k.page.locator('.toolbar').boundingBox()).toEqual({ x: 0, y: 0, width: 1280, height: TOOLBAR_HEIGHT_PX });
    const inside = await k.page.locator('.shift-banner').boundingBox();
    expect(inside && inside.y >= 0 && inside.y + inside.height <= TOOLBAR_HEIGHT_PX).toBe(true);
    expect(await k.page.getAttribute('.shift-banner-text', 'aria-hidden')).toBe('true');
    expect(await spoken(k)).toBe('Hết ca làm việc: phiên sẽ kết thúc sau 1 phút 45 giây. Hãy lưu công việc.');
    expect(await k.page.getAttribute('.shift-banner-spoken', 'aria-live')).toBe('polite');
    expect(await k.problems()).toEqual([]);
  });

  it('ticks every second on screen but speaks only at the start and each whole minute, keeping focus', async () => {
    const k = await open(150);
    await k.page.focus('.btn-end');
    const heard: string[] = [];
    for (let s = 150; s >= 61; s -= 1) {
      await k.push(shiftEnding(inSession('vi'), s));
      expect(await k.page.textContent('.shift-banner-clock')).toBe(`${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`);
      const text = (await spoken(k)) ?? '';
      if (heard.at(-1) !== text) heard.push(text);
    }
    expect(heard).toEqual([
      'Hết ca làm việc: phiên sẽ kết thúc sau 2 phút 30 giây. Hãy lưu công việc.',
      'Hết ca làm việc: phiên sẽ kết thúc sau 2 phút. Hãy lưu công việc.',
    ]);
    expect(await k.page.evaluate(() => document.activeElement?.classList.contains('btn-end'))).toBe(true);
  });

  it('gives way to the full-window warning at 60 s, whose End session now still works', async () => {
    const k = await open(61);
    await k.push(shiftEnding(inSession('vi'), 60));
    await k.screen('shift-warning');
    expect(await k.page.textContent('.countdown-clock')).toBe('1:00');
    await k.page.getByRole('alertdialog', { name: 'Sắp hết ca làm việc' }).waitFor();
    await k.page.getByRole('button', { name: 'Kết thúc phiên ngay' }).click();
    await expect.poll(() => k.calls('endSession')).toHaveLength(1);
  });

  it('ends the session from the banner in the usual one confirm step; the question replaces the banner', async () => {
    const k = await open(300);
    await k.page.click('.btn-end');
    expect(await k.page.isVisible('.shift-banner')).toBe(false);
    await k.push(shiftEnding(inSession('vi'), 299));
    await k.page.getByRole('alertdialog', { name: 'Kết thúc và xoá dữ liệu của bạn?' }).waitFor();
    await k.page.click('.btn-end-no');
    expect(await k.page.isVisible('.shift-banner')).toBe(true);
    expect(await k.page.textContent('.shift-banner-clock')).toBe('4:59');
    await k.page.click('.btn-end');
    await k.page.click('.btn-end-yes');
    await expect.poll(() => k.calls('endSession')).toEqual([{ method: 'endSession', args: [] }]);
  });

  it('speaks English, switches language in place, and leaves with the warning when main cancels it', async () => {
    const k = await open(1800, 'en');
    expect(await banner(k)).toBe('Shift ending: this session ends in 30:00 — please finish up');
    expect(await spoken(k)).toBe('Shift ending: this session ends in 30 minutes. Please finish up.');
    await k.push(shiftEnding(inSession('vi'), 1799));
    expect(await banner(k)).toBe('Hết ca làm việc: phiên sẽ kết thúc sau 29:59 — hãy lưu công việc');
    expect(await spoken(k)).toBe('Hết ca làm việc: phiên sẽ kết thúc sau 29 phút 59 giây. Hãy lưu công việc.');
    await k.push(inSession('vi'));
    expect(await k.page.isVisible('.shift-banner')).toBe(false);
    expect(await k.page.textContent('.site-title')).toBe('Cổng Dịch vụ công Quốc gia — Trang chủ');
    expect(await k.problems()).toEqual([]);
  });
});
