import { describe, expect, it } from 'vitest';
import { TOOLBAR_HEIGHT_PX } from '../../../renderer/layout';
import { inSession } from '../support/renderer-fixtures';
import { useKioskPages, type KioskPage } from '../support/renderer-page';

describe('in-session toolbar', () => {
  const openPage = useKioskPages();
  const open = (status = inSession('vi')): Promise<KioskPage> => openPage(status, { screen: 'session' });

  it('is exactly TOOLBAR_HEIGHT_PX tall at the top of the window, where main puts the site view below it', async () => {
    const k = await open();
    const box = await k.page.locator('.toolbar').boundingBox();
    expect(box).toEqual({ x: 0, y: 0, width: 1280, height: TOOLBAR_HEIGHT_PX });
    const cssVar = await k.page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--toolbar-height').trim());
    expect(cssVar).toBe(`${TOOLBAR_HEIGHT_PX}px`);
  });

  it('shows the site name and host, and drives back, forward, home and reload through main', async () => {
    const k = await open();
    expect(await k.page.textContent('.site-title')).toBe('Cổng Dịch vụ công Quốc gia — Trang chủ');
    expect(await k.page.textContent('.site-host')).toBe('dichvucong.gov.vn');
    expect(await k.page.isDisabled('[data-action="forward"]')).toBe(true);
    for (const action of ['back', 'home', 'reload']) await k.page.click(`[data-action="${action}"]`);
    await k.push(inSession('vi', { site: { host: 'dichvucong.gov.vn', title: 'Tra cứu hồ sơ', canGoBack: false, canGoForward: true, loading: false } }));
    expect(await k.page.isDisabled('[data-action="back"]')).toBe(true);
    await k.page.click('[data-action="forward"]');
    const actions = (await k.calls('navigate')).map((c) => c.args[0]);
    expect(actions).toEqual(['back', 'home', 'reload', 'forward']);
    expect(await k.page.textContent('.site-title')).toBe('Tra cứu hồ sơ');
  });

  it('ends the session in one confirm step: End session, then Yes, calls endSession once', async () => {
    const k = await open();
    await k.page.click('.btn-end');
    expect(await k.page.isVisible('.btn-end')).toBe(false);
    await k.page.getByRole('alertdialog', { name: 'Kết thúc và xoá dữ liệu của bạn?' }).waitFor();
    expect(await k.page.evaluate(() => document.activeElement?.classList.contains('btn-end-yes'))).toBe(true);
    // A countdown or title push while the question is open must not close it.
    await k.push(inSession('vi', { site: { host: 'dichvucong.gov.vn', title: 'Đang tải', canGoBack: true, canGoForward: false, loading: true } }));
    await k.page.click('.btn-end-yes');
    await expect.poll(() => k.calls('endSession')).toEqual([{ method: 'endSession', args: [] }]);
    expect(await k.page.isDisabled('.btn-end-yes')).toBe(true);
  });

  it('a double tap on End session lands on "No, keep using", never on Yes', async () => {
    const k = await open();
    const box = await k.page.locator('.btn-end').boundingBox();
    if (!box) throw new Error('End session button not laid out');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await k.page.mouse.click(x, y);
    await k.page.mouse.click(x, y);
    expect(await k.page.isVisible('.btn-end')).toBe(true);
    expect(await k.calls('endSession')).toEqual([]);
  });

  it('backs out with the No button or Escape, returning focus to End session', async () => {
    const k = await open();
    await k.page.click('.btn-end');
    await k.page.click('.btn-end-no');
    expect(await k.page.evaluate(() => document.activeElement?.classList.contains('btn-end'))).toBe(true);
    await k.page.keyboard.press('Enter');
    await k.page.keyboard.press('Escape');
    expect(await k.page.isVisible('.end-confirm')).toBe(false);
    expect(await k.calls('endSession')).toEqual([]);
  });

  it('works by keyboard alone: Tab to End session, Enter, Enter', async () => {
    const k = await open();
    const tabs: string[] = [];
    for (let i = 0; i < 8; i++) {
      await k.page.keyboard.press('Tab');
      tabs.push(await k.page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    // Forward is disabled, so: Back, Home, Reload, the zoom group (A−, 100%, A+), End session.
    expect(tabs.slice(0, 7)).toEqual(['Quay lại', 'Trang đầu', 'Tải lại', 'A−', '100%', 'A+', 'Kết thúc phiên']);
    await k.page.keyboard.press('Shift+Tab');
    await k.page.keyboard.press('Enter');
    await k.page.keyboard.press('Enter');
    await expect.poll(async () => (await k.calls('endSession')).length).toBe(1);
  });

  it('lets the citizen try again when ending fails', async () => {
    const k = await open();
    await k.script('endSession', [{ result: { ok: false, reason: 'failed' } }]);
    await k.page.click('.btn-end');
    await k.page.click('.btn-end-yes');
    await expect.poll(() => k.page.isEnabled('.btn-end-yes')).toBe(true);
    expect(await k.calls('endSession')).toHaveLength(1);
  });

  it("shows main's notice in the strip (an extension, never a file name) and reads it out", async () => {
    const k = await open();
    await k.push(inSession('en', { notice: { kind: 'download-too-large', detail: '.zip' } }));
    const notice = k.page.locator('.toolbar-notice');
    await notice.getByText('The file is too large to download (.zip)').waitFor();
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await k.page.isVisible('.site-summary')).toBe(false);
    await k.push(inSession('en'));
    expect(await notice.isVisible()).toBe(false);
    expect(await k.problems()).toEqual([]);
  });
});
