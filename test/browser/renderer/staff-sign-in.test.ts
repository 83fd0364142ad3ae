import { describe, expect, it } from 'vitest';
import type { KioskStatus } from '../../../src/ipc/contract';
import { admin, clerk, welcome } from '../support/renderer-fixtures';
import { useKioskPages, type KioskPage } from '../support/renderer-page';

const message = (k: KioskPage): Promise<string | null> => k.page.textContent('.form-message');
const focusedId = (k: KioskPage): Promise<string | undefined> => k.page.evaluate(() => document.activeElement?.id);

describe('staff sign-in', () => {
  const openPage = useKioskPages();
  const open = async (status: KioskStatus = welcome('vi'), options = {}): Promise<KioskPage> => {
    const k = await openPage(status, { screen: 'welcome', ...options });
    await k.page.click('.staff-open');
    await k.screen('staff');
    return k;
  };
  const signIn = async (k: KioskPage, id: string, secret: string): Promise<void> => {
    await k.page.fill('#staff-id', id);
    await k.page.fill('#staff-secret', secret);
    await k.page.keyboard.press('Enter');
  };

  it('signs in with ID and password (ID trimmed), then the password form is gone and the dashboard shows', async () => {
    const k = await open();
    await k.script('staffSignIn', [{ result: { ok: true, staff: clerk }, status: welcome('vi', { staff: clerk }) }]);
    await signIn(k, ' nv-014 ', 'Mật-khẩu-đúng-2025');
    await k.page.getByRole('heading', { name: 'Xoá dữ liệu' }).waitFor();
    expect(await k.calls('staffSignIn')).toEqual([{ method: 'staffSignIn', args: ['nv-014', 'Mật-khẩu-đúng-2025', null] }]);
    expect(await k.page.textContent('.staff-who')).toBe('Nguyễn Thị Hồng Nhung · nv-014');
    expect(await k.page.locator('input[type="password"]').count()).toBe(0);
    expect(await k.problems()).toEqual([]);
  });

  it('asks for both fields before calling main', async () => {
    const k = await open();
    await k.page.click('.btn-sign-in');
    expect(await message(k)).toBe('Vui lòng nhập mã nhân viên và mật khẩu.');
    expect(await focusedId(k)).toBe('staff-id');
    expect(await k.calls('staffSignIn')).toEqual([]);
  });

  it('on a wrong password says so, clears the password and puts the cursor back in it', async () => {
    const k = await open();
    await signIn(k, 'nv-014', 'sai-mat-khau');
    await k.page.getByRole('alert').getByText('Sai mã nhân viên hoặc mật khẩu.').waitFor();
    expect(await k.page.inputValue('#staff-secret')).toBe('');
    expect(await k.page.inputValue('#staff-id')).toBe('nv-014');
    expect(await focusedId(k)).toBe('staff-secret');
    expect(await k.page.getAttribute('#staff-secret', 'aria-invalid')).toBe('true');
  });

  it('when locked out, gives the retry time and keeps Sign in disabled until then', async () => {
    const k = await open(welcome('vi'), { fakeClock: true });
    await k.script('staffSignIn', [{ result: { ok: false, reason: 'locked', retryAfterSeconds: 90 } }, { result: { ok: false, reason: 'invalid' } }]);
    await signIn(k, 'nv-014', 'doan-mo');
    await k.page.getByText('Máy này đã nhận nhiều lần đăng nhập sai. Thử lại sau 1 phút 30 giây.').waitFor();
    expect(await k.page.isDisabled('.btn-sign-in')).toBe(true);
    expect(await k.page.textContent('.lock-wait')).toBe('(1:30)');
    await k.page.clock.runFor(60_000);
    expect(await k.page.textContent('.lock-wait')).toBe('(0:30)');
    // Enter in a field does not get round the disabled button.
    await k.page.fill('#staff-secret', 'thu-lai');
    await k.page.press('#staff-secret', 'Enter');
    expect(await k.calls('staffSignIn')).toHaveLength(1);
    await k.page.clock.runFor(31_000);
    expect(await k.page.isEnabled('.btn-sign-in')).toBe(true);
    await k.page.press('#staff-secret', 'Enter');
    await expect.poll(async () => (await k.calls('staffSignIn')).length).toBe(2);
  });

  it('in English, a lockout without a retry time still explains itself', async () => {
    const k = await open(welcome('en'));
    await k.script('staffSignIn', [{ result: { ok: false, reason: 'locked' } }]);
    await signIn(k, 'nv-014', 'x');
    await k.page.getByText('Too many failed sign-ins on this kiosk. Please try again later.').waitFor();
  });

  it('asks for the one-time code when the account needs it, checks its format, then sends it with the password', async () => {
    const k = await open();
    await k.script('staffSignIn', [
      { result: { ok: false, reason: 'otp-required' } },
      { result: { ok: false, reason: 'otp-invalid' } },
      { result: { ok: true, staff: admin }, status: welcome('vi', { staff: admin }) },
    ]);
    expect(await k.page.isVisible('#staff-otp')).toBe(false);
    await signIn(k, 'cntt-01', 'Mk-quan-tri-2025');
    await k.page.getByText('Tài khoản này cần mã OTP.', { exact: false }).waitFor();
    expect(await focusedId(k)).toBe('staff-otp');
    expect(await k.page.getAttribute('#staff-otp', 'inputmode')).toBe('numeric');
    await k.page.fill('#staff-otp', '12ab');
    await k.page.keyboard.press('Enter');
    expect(await message(k)).toBe('Mã OTP gồm đúng 6 chữ số.');
    expect(await k.calls('staffSignIn')).toHaveLength(1);
    await k.page.fill('#staff-otp', '000000');
    await k.page.keyboard.press('Enter');
    await k.page.getByText('Mã OTP không đúng hoặc đã hết hạn.').waitFor();
    expect(await k.page.inputValue('#staff-otp')).toBe('');
    await k.page.fill('#staff-otp', '493027');
    await k.page.keyboard.press('Enter');
    await k.page.getByRole('heading', { name: 'Quản trị' }).waitFor();
    const calls = await k.calls('staffSignIn');
    expect(calls.map((c) => c.args)).toEqual([
      ['cntt-01', 'Mk-quan-tri-2025', null],
      ['cntt-01', 'Mk-quan-tri-2025', '000000'],
      ['cntt-01', 'Mk-quan-tri-2025', '493027'],
    ]);
  });

  it('explains when the credential store is unavailable', async () => {
    const k = await open();
    await k.script('staffSignIn', [{ result: { ok: false, reason: 'unavailable' } }]);
    await signIn(k, 'nv-014', 'x');
    await k.page.getByText('Chưa thể đăng nhập: kho mật khẩu của máy chưa sẵn sàng.', { exact: false }).waitFor();
  });

  it('keeps what was typed when the language changes, relabelling the form', async () => {
    const k = await open();
    await k.page.fill('#staff-id', 'nv-014');
    await k.page.click('.staff-bar .lang-switch');
    await k.push(welcome('en'));
    await k.page.getByRole('heading', { name: 'Staff sign-in' }).waitFor();
    expect(await k.page.textContent('label[for="staff-id"]')).toBe('Staff ID');
    expect(await k.page.inputValue('#staff-id')).toBe('nv-014');
  });
});
