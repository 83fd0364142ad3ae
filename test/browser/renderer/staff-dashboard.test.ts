import { describe, expect, it } from 'vitest';
import type { KioskStatus } from '../../../src/ipc/contract';
import { admin, clerk, welcome, wipeRecords } from '../support/renderer-fixtures';
import { useKioskPages, type KioskPage } from '../support/renderer-page';

describe('staff dashboard', () => {
  const openPage = useKioskPages();
  const open = async (status: KioskStatus): Promise<KioskPage> => {
    const k = await openPage(status, { screen: 'welcome' });
    await k.script('recentWipes', [{ result: wipeRecords }]);
    await k.page.keyboard.press('Control+Alt+S');
    await k.screen('staff');
    return k;
  };
  const rows = (k: KioskPage): Promise<string[][]> =>
    k.page.$$eval('.records tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));

  it('lists recent wipes newest first, in words, with local times', async () => {
    const k = await open(welcome('vi', { staff: clerk }));
    await k.page.locator('.records tbody tr').nth(5).waitFor();
    const table = await rows(k);
    expect(table[0]).toEqual(['11:30 27/11/2025', 'Cuối ca', 'Hết ca', '4,3 giây', '5.120', 'Thành công']);
    expect(table[3]).toEqual(['16:05 26/11/2025', 'Phiên', 'Trang bị lỗi', '1,5 giây', '205', 'Thất bại']);
    await k.push(welcome('en', { staff: clerk }));
    const english = await rows(k);
    expect(english[0]).toEqual(['27/11/2025, 11:30', 'Shift end', 'Shift end', '4.3 seconds', '5,120', 'Succeeded']);
    expect(english[2]?.[3]).toBe('1 second');
    await k.script('recentWipes', [{ result: [] }]);
    await k.page.getByRole('button', { name: 'Refresh' }).click();
    await k.page.getByText('No wipes have been recorded yet.').waitFor();
    expect(await rows(k)).toEqual([]);
    expect(await k.page.isVisible('.records')).toBe(false);
  });

  it('tells staff a new machine policy was rejected, in both languages, and clears once one is applied', async () => {
    const rejected = { at: '2025-11-27T03:15:00.000Z', problems: ['/etc/public-kiosk/policy.yaml:3:5 sites.allow: allowlist mode with no allowed sites'] };
    const k = await open(welcome('vi', { staff: clerk, policyRejected: rejected }));
    const alert = k.page.locator('.staff-policy-alert');
    await alert.getByText(/Tệp chính sách mới của máy không hợp lệ/).waitFor();
    expect(await alert.getAttribute('role')).toBe('status');
    await k.push(welcome('en', { staff: clerk, policyRejected: rejected }));
    await alert.getByText(/The new machine policy file is invalid/).waitFor();
    await k.push(welcome('en', { staff: clerk }));
    expect(await alert.isVisible()).toBe(false);
  });

  it('shows a trigger it does not know as the raw code rather than hiding the record', async () => {
    const k = await openPage(welcome('vi', { staff: clerk }), { screen: 'welcome' });
    await k.script('recentWipes', [{ result: [{ ...wipeRecords[0], trigger: 'usb-removed' }] }]);
    await k.page.keyboard.press('Control+Alt+S');
    await k.page.locator('.records tbody tr').first().waitFor();
    expect((await rows(k))[0]?.[2]).toBe('usb-removed');
  });

  it('force wipe asks once; Escape backs out without closing the panel; Yes calls forceWipe', async () => {
    const k = await open(welcome('vi', { staff: clerk }));
    await k.page.click('.btn-force-wipe');
    await k.page.getByText('Chắc chắn xoá toàn bộ dữ liệu ngay bây giờ?').waitFor();
    await k.page.keyboard.press('Escape');
    expect(await k.page.isVisible('.btn-force-wipe')).toBe(true);
    expect(await k.page.getAttribute('#app', 'data-screen')).toBe('staff');
    expect(await k.calls('forceWipe')).toEqual([]);
    await k.page.click('.btn-force-wipe');
    await k.page.click('.btn-force-wipe-yes');
    await k.page.getByText('Đã bắt đầu xoá dữ liệu.').waitFor();
    expect(await k.calls('forceWipe')).toHaveLength(1);
  });

  it('stays open under a running wipe and comes back with fresh records', async () => {
    const k = await open(welcome('vi', { staff: clerk }));
    await k.page.locator('.records tbody tr').first().waitFor();
    await k.push(welcome('vi', { staff: clerk, state: 'wiping-shift', wipe: { scope: 'shift', phase: 'running' } }));
    await k.screen('wipe');
    await k.push(welcome('vi', { staff: clerk }));
    await k.screen('staff');
    await expect.poll(async () => (await k.calls('recentWipes')).length).toBe(2);
  });

  it('offers admin actions only to admins, each needing a fresh 6-digit code', async () => {
    const clerkPage = await open(welcome('vi', { staff: clerk }));
    expect(await clerkPage.page.locator('.admin-section').count()).toBe(0);
    const k = await open(welcome('vi', { staff: admin }));
    await k.script('adminAction', [{ result: { ok: false, reason: 'otp-invalid' } }, { result: { ok: true } }]);
    await k.page.click('[data-action="reload-policy"]');
    expect(await k.page.textContent('.admin-section .form-message')).toBe('Mã OTP gồm đúng 6 chữ số.');
    expect(await k.calls('adminAction')).toEqual([]);
    await k.page.fill('#admin-otp', '111111');
    await k.page.click('[data-action="reload-policy"]');
    await k.page.getByText('Mã OTP không đúng hoặc đã hết hạn.').waitFor();
    expect(await k.page.inputValue('#admin-otp')).toBe('');
    await k.page.fill('#admin-otp', '482913');
    await k.page.click('[data-action="leave-kiosk"]');
    await k.page.getByText('Đang thoát chế độ kiosk…').waitFor();
    expect((await k.calls('adminAction')).map((c) => c.args)).toEqual([
      ['reload-policy', '111111'],
      ['leave-kiosk', '482913'],
    ]);
  });

  it('closing signs out and tells main the panel is closed', async () => {
    const k = await open(welcome('vi', { staff: clerk }));
    await k.page.getByRole('button', { name: 'Đăng xuất và đóng' }).click();
    await k.screen('welcome');
    expect(await k.calls('staffSignOut')).toHaveLength(1);
    expect((await k.calls('setStaffPanelOpen')).map((c) => c.args[0])).toEqual([true, false]);
  });

  it('returns to sign-in when main ends the staff session', async () => {
    const k = await open(welcome('vi', { staff: clerk }));
    await k.push(welcome('vi'));
    await k.page.getByRole('heading', { name: 'Đăng nhập nhân viên' }).waitFor();
    expect(await k.page.evaluate(() => document.activeElement?.id)).toBe('staff-id');
  });

  it('makes a forced password change first: catches typos, shows the core’s reason, then opens the dashboard', async () => {
    const k = await open(welcome('vi', { staff: { ...clerk, mustChangePassword: true } }));
    expect(await k.page.locator('.btn-force-wipe').count()).toBe(0);
    const fill = async (current: string, next: string, repeat: string): Promise<void> => {
      await k.page.fill('#pw-current', current);
      await k.page.fill('#pw-next', next);
      await k.page.fill('#pw-repeat', repeat);
      await k.page.keyboard.press('Enter');
    };
    await fill('Tam-thoi-1', 'Moi-Manh-2025!', 'Moi-Manh-2025?');
    expect(await k.page.textContent('.form-message')).toBe('Hai lần nhập mật khẩu mới không khớp.');
    await fill('Tam-thoi-1', 'Tam-thoi-1', 'Tam-thoi-1');
    expect(await k.page.textContent('.form-message')).toBe('Mật khẩu mới phải khác mật khẩu hiện tại.');
    expect(await k.calls('changePassword')).toEqual([]);
    await k.script('changePassword', [
      { result: { ok: false, reason: 'weak-secret', message: 'Cần ít nhất 12 ký tự.' } },
      { result: { ok: true }, status: welcome('vi', { staff: clerk }) },
    ]);
    await fill('Tam-thoi-1', 'ngan', 'ngan');
    await k.page.getByText('Mật khẩu mới chưa đủ mạnh. Cần ít nhất 12 ký tự.').waitFor();
    expect(await k.page.inputValue('#pw-next')).toBe('');
    await fill('Tam-thoi-1', 'Moi-Manh-2025!', 'Moi-Manh-2025!');
    await k.page.locator('.btn-force-wipe').waitFor();
    expect((await k.calls('changePassword')).map((c) => c.args)).toEqual([
      ['Tam-thoi-1', 'ngan'],
      ['Tam-thoi-1', 'Moi-Manh-2025!'],
    ]);
    expect(await k.problems()).toEqual([]);
  });
});
