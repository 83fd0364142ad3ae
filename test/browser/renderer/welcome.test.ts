import { describe, expect, it } from 'vitest';
import { welcome } from '../support/renderer-fixtures';
import { layoutProblems } from '../support/renderer-layout';
import { useKioskPages, type KioskPage, type OpenOptions } from '../support/renderer-page';

const focusedText = (k: KioskPage): Promise<string> => k.page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('welcome screen', () => {
  const openPage = useKioskPages();
  const open = (status = welcome('vi'), options: OpenOptions = {}): Promise<KioskPage> => openPage(status, { screen: 'welcome', ...options });

  it('is fully usable by keyboard: Tab walks the tiles then Start, with a visible focus ring, Enter and Space activate', async () => {
    const k = await open();
    const tabs: string[] = [];
    for (let i = 0; i < 5; i++) {
      await k.page.keyboard.press('Tab');
      tabs.push(await focusedText(k));
    }
    expect(tabs[0]).toContain('Cổng Dịch vụ công quốc gia');
    expect(tabs[3]).toContain('Sở Y tế Hà Nội');
    expect(tabs[4]).toBe('Bắt đầu');
    const ring = await k.page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return [style.outlineStyle, style.outlineWidth, style.outlineColor];
    });
    expect(ring).toEqual(['solid', '4px', 'rgb(255, 221, 0)']);
    await k.page.keyboard.press('Shift+Tab');
    await k.page.keyboard.press('Shift+Tab');
    expect(await focusedText(k)).toContain('Dịch vụ công Bộ Y tế');
    await k.page.keyboard.press('Enter');
    await expect.poll(() => k.calls('startSession')).toEqual([{ method: 'startSession', args: [2] }]);
    expect(await k.problems()).toEqual([]);
  });

  it('Start (Space) opens a session without a service; a double tap still starts only one', async () => {
    const k = await open();
    await k.page.focus('.btn-start');
    await k.page.keyboard.press('Space');
    await k.page.dblclick('.tile >> nth=0');
    await expect.poll(() => k.calls('startSession')).toEqual([{ method: 'startSession', args: [null] }]);
  });

  it('promises scans are deleted with the session only where the policy names scanner folders (vi and en)', async () => {
    const k = await open(welcome('vi'));
    await k.page.getByText('Dữ liệu của bạn sẽ được xoá khi kết thúc phiên.').waitFor();
    expect(await k.page.getByText('Giấy tờ bạn quét').isVisible()).toBe(false);
    await k.push(welcome('vi', { scansWiped: true }));
    await k.page.getByRole('note').getByText('Giấy tờ bạn quét trên máy này cũng được xoá khi kết thúc phiên.').waitFor();
    await k.push(welcome('en', { scansWiped: true }));
    await k.page.getByRole('note').getByText('Documents you scan on this computer are deleted at the end of your session too.').waitFor();
    await k.push(welcome('en'));
    await k.page.getByText('Documents you scan').waitFor({ state: 'hidden' });
    expect(await k.problems()).toEqual([]);
  });

  it('says so when a session cannot start, and lets the citizen try again', async () => {
    const k = await open();
    await k.script('startSession', [{ result: { ok: false, reason: 'failed' } }, { result: { ok: true } }]);
    await k.page.click('.tile >> nth=1');
    await k.page.getByRole('alert').getByText('Chưa mở được dịch vụ').waitFor();
    await k.page.click('.tile >> nth=1');
    await expect.poll(async () => (await k.calls('startSession')).length).toBe(2);
  });

  it('switches language through main and relabels in place, keeping focus on the switch', async () => {
    const k = await open();
    await k.page.focus('.lang-switch');
    await k.page.keyboard.press('Enter');
    await expect.poll(() => k.calls('setLanguage')).toEqual([{ method: 'setLanguage', args: ['en'] }]);
    // Nothing changes until main confirms with a status in the new language.
    expect(await k.page.textContent('h1')).toContain('Bạn cần làm thủ tục gì?');
    await k.push(welcome('en'));
    await k.page.getByRole('heading', { name: 'Welcome! What do you need to do today?' }).waitFor();
    expect(await k.page.getAttribute('html', 'lang')).toBe('en');
    expect(await focusedText(k)).toContain('Tiếng Việt');
    expect(await k.page.getAttribute('.lang-switch .lang-name', 'lang')).toBe('vi');
    expect(await k.page.textContent('.tile >> nth=1')).toContain('Vietnam Social Security');
  });

  it('hides the language switch when the policy offers one language', async () => {
    const k = await open(welcome('vi', { languages: ['vi'] }));
    expect(await k.page.isVisible('.lang-switch')).toBe(false);
  });

  it('opens the staff panel with Ctrl+Alt+S and the small Staff button; Escape closes it and returns focus', async () => {
    const k = await open();
    await k.page.keyboard.press('Tab');
    await k.page.keyboard.press('Control+Alt+S');
    await k.screen('staff');
    expect(await k.page.evaluate(() => document.activeElement?.id)).toBe('staff-id');
    await k.page.keyboard.press('Escape');
    await k.screen('welcome');
    expect(await focusedText(k)).toContain('Cổng Dịch vụ công quốc gia');
    expect(await k.calls('setStaffPanelOpen')).toEqual([
      { method: 'setStaffPanelOpen', args: [true] },
      { method: 'setStaffPanelOpen', args: [false] },
    ]);
    expect(await k.page.getAttribute('.staff-open', 'aria-keyshortcuts')).toBe('Control+Alt+S');
    await k.page.click('.staff-open');
    await k.screen('staff');
  });

  it('scales up on a 1920×1080 screen without layout faults', async () => {
    const k = await open(welcome('vi'), { viewport: { width: 1920, height: 1080 } });
    await k.shot('welcome-1920-vi');
    expect(await layoutProblems(k.page)).toEqual([]);
    const size = await k.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(size).toBeGreaterThan(20);
    expect(await k.problems()).toEqual([]);
  });
});
