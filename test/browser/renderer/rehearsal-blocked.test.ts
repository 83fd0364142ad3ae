import { describe, expect, it } from 'vitest';
import { TOOLBAR_HEIGHT_PX } from '../../../renderer/layout';
import { admin, blockedTodayView, clerk, inSession, welcome } from '../support/renderer-fixtures';
import { useKioskPages, type KioskPage } from '../support/renderer-page';

describe('rehearsal banner', () => {
  const openPage = useKioskPages();

  it('sits in the session toolbar (still 80 px, End session there) and is gone in a citizen session', async () => {
    const k = await openPage(inSession('vi', { rehearsal: true }), { screen: 'session' });
    const badge = k.page.locator('.rehearsal-toolbar');
    expect(await badge.textContent()).toBe('Diễn tập');
    expect(await badge.getAttribute('role')).toBe('status');
    const box = await badge.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= TOOLBAR_HEIGHT_PX).toBe(true);
    expect(await k.page.locator('.toolbar').boundingBox()).toEqual({ x: 0, y: 0, width: 1280, height: TOOLBAR_HEIGHT_PX });
    expect(await k.page.isVisible('.btn-end')).toBe(true);
    // The bottom strip is for the other screens: in session the site view covers that part of the window.
    expect(await k.page.isVisible('.rehearsal-screen')).toBe(false);
    await k.push(inSession('en', { rehearsal: true }));
    expect(await badge.textContent()).toBe('Rehearsal');
    await k.push(inSession('en'));
    expect(await badge.isVisible()).toBe(false);
    expect(await k.problems()).toEqual([]);
  });

  it('shows as a strip over the idle warning and the staff panel, and goes with the rehearsal', async () => {
    const k = await openPage(inSession('en', { rehearsal: true, idleWarning: { secondsLeft: 20 } }), { screen: 'idle-warning' });
    const strip = k.page.locator('.rehearsal-screen');
    expect(await strip.textContent()).toMatch(/^Rehearsal \(audit mode\): sites outside the allowlist open and are recorded/);
    await k.page.keyboard.press('Control+Alt+S');
    await k.screen('staff');
    expect(await strip.isVisible()).toBe(true);
    await k.push(inSession('en', { staff: clerk }));
    expect(await strip.isVisible()).toBe(false);
  });
});

describe('blocked today on the staff panel', () => {
  const openPage = useKioskPages();
  const open = async (answer: unknown, language: 'vi' | 'en' = 'vi'): Promise<KioskPage> => {
    const k = await openPage(welcome(language, { staff: admin }), { screen: 'welcome' });
    await k.script('blockedToday', [{ result: answer }]);
    await k.page.keyboard.press('Control+Alt+S');
    await k.screen('staff');
    return k;
  };
  const rows = (k: KioskPage): Promise<string[][]> =>
    k.page.$$eval('.blocked-table tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));

  it('lists the top hosts with the rule that refused them, sessions and times, in both languages', async () => {
    const k = await open(blockedTodayView);
    await k.page.locator('.blocked-table tbody tr').nth(3).waitFor();
    expect(await rows(k)).toEqual([
      ['napas.com.vn', 'Không có trong danh sách cho phép', '9', '21'],
      ['chat.zalo.me', 'Nhóm: chat-apps', '4', '4'],
      ['192.168.1.20', 'Mạng nội bộ', '2', '1.200'],
      ['dichvucong.gialai.gov.vn', 'Loại tệp', '1', '1'],
    ]);
    expect(await k.page.textContent('.blocked-more')).toBe('Còn 3 lần chặn khác không ghi tên.');
    await k.push(welcome('en', { staff: admin }));
    expect((await rows(k))[0]).toEqual(['napas.com.vn', 'Not in the allowlist', '9', '21']);
    expect((await rows(k))[2]).toEqual(['192.168.1.20', 'Local network', '2', '1,200']);
    expect(await k.calls('blockedToday')).toHaveLength(1);
  });

  it('says when nothing was blocked, and when the list could not be read', async () => {
    const k = await open({ records: 0, otherCount: 0, hosts: [] }, 'en');
    await k.page.getByText('Nothing was blocked today.').waitFor();
    expect(await k.page.isVisible('.blocked-table')).toBe(false);
    await k.script('blockedToday', [{ result: null }]);
    await k.page.locator('.blocked-section').getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => k.calls('blockedToday')).toHaveLength(2);
    await k.page.getByText('Nothing was blocked today.').waitFor();
  });

  it('starts a rehearsal only with a 6-digit code, through the admin action', async () => {
    const k = await open(blockedTodayView, 'en');
    const start = k.page.getByRole('button', { name: 'Start a rehearsal' });
    await start.click();
    await k.page.getByText(/6 digits|one-time code/i).first().waitFor();
    expect(await k.calls('adminAction')).toEqual([]);
    await k.page.fill('#admin-otp', '654321');
    await start.click();
    await expect.poll(() => k.calls('adminAction')).toEqual([{ method: 'adminAction', args: ['start-rehearsal', '654321'] }]);
    await k.page.getByText('The rehearsal has started.').waitFor();
    expect(await k.page.inputValue('#admin-otp')).toBe('');
  });

  it('is not offered to a clerk', async () => {
    const k = await openPage(welcome('en', { staff: clerk }), { screen: 'welcome' });
    await k.page.keyboard.press('Control+Alt+S');
    await k.screen('staff');
    await k.page.locator('.blocked-section').waitFor();
    expect(await k.page.getByRole('button', { name: 'Start a rehearsal' }).count()).toBe(0);
  });
});
