import { describe, expect, it } from 'vitest';
import { inSession, shiftEnding, welcome } from '../support/renderer-fixtures';
import { useKioskPages, type KioskPage } from '../support/renderer-page';

describe('idle and shift-end countdowns', () => {
  const openPage = useKioskPages();
  const open = (status = inSession('vi')): Promise<KioskPage> => openPage(status);
  const clockFace = (k: KioskPage): Promise<string | null> => k.page.textContent('.countdown-clock');
  const spoken = (k: KioskPage): Promise<string | null> => k.page.textContent('.countdown-spoken');

  it('counts down from main’s pushes, speaks at sensible moments, and "still here" calls stillHere', async () => {
    const k = await open();
    await k.screen('session');
    await k.push(inSession('vi', { idleWarning: { secondsLeft: 30 } }));
    await k.screen('idle-warning');
    expect(await k.page.evaluate(() => document.activeElement?.textContent)).toBe('Tôi vẫn đang sử dụng');
    expect(await clockFace(k)).toBe('0:30');
    expect(await spoken(k)).toBe('Phiên sẽ tự kết thúc sau 30 giây');
    expect(await k.page.getAttribute('.countdown-spoken', 'aria-live')).toBe('assertive');
    expect(await k.page.getAttribute('.countdown-clock', 'aria-hidden')).toBe('true');

    const heard: string[] = [];
    for (let s = 29; s >= 4; s--) {
      await k.push(inSession('vi', { idleWarning: { secondsLeft: s } }));
      expect(await clockFace(k)).toBe(`0:${String(s).padStart(2, '0')}`);
      const text = (await spoken(k)) ?? '';
      if (heard.at(-1) !== text) heard.push(text);
    }
    expect(heard).toEqual(['Phiên sẽ tự kết thúc sau 30 giây', 'Phiên sẽ tự kết thúc sau 20 giây', 'Phiên sẽ tự kết thúc sau 10 giây', 'Phiên sẽ tự kết thúc sau 5 giây', 'Phiên sẽ tự kết thúc sau 4 giây']);
    expect(await k.page.getAttribute('.countdown-screen', 'data-urgent')).toBe('true');
    // Twenty-six pushes later the same button still has focus: Enter keeps the session.
    await k.page.keyboard.press('Enter');
    await expect.poll(() => k.calls('stillHere')).toEqual([{ method: 'stillHere', args: [] }]);
    await k.push(inSession('vi'));
    await k.screen('session');
    expect(await k.problems()).toEqual([]);
  });

  it('says minutes and seconds in English words, and "End session now" calls endSession', async () => {
    const k = await open(inSession('en', { idleWarning: { secondsLeft: 65 } }));
    await k.screen('idle-warning');
    expect(await clockFace(k)).toBe('1:05');
    expect(await spoken(k)).toBe('Your session ends in 1 minute 5 seconds');
    await k.page.getByRole('button', { name: 'End session now' }).click();
    await expect.poll(() => k.calls('endSession')).toHaveLength(1);
    expect(await k.calls('stillHere')).toEqual([]);
  });

  it('after a language switch speaks the time in the new language, then again only at its usual moments', async () => {
    const k = await open(inSession('vi', { idleWarning: { secondsLeft: 30 } }));
    await k.screen('idle-warning');
    expect(await spoken(k)).toBe('Phiên sẽ tự kết thúc sau 30 giây');
    await k.push(inSession('en', { idleWarning: { secondsLeft: 29 } }));
    expect(await k.page.textContent('h1')).toBe('Are you still there?');
    expect(await spoken(k)).toBe('Your session ends in 29 seconds');
    // Updated in place, not rebuilt: the button the citizen was on keeps focus.
    expect(await k.page.evaluate(() => document.activeElement?.textContent)).toBe('I’m still here');
    await k.push(inSession('en', { idleWarning: { secondsLeft: 28 } }));
    expect(await spoken(k)).toBe('Your session ends in 29 seconds');

    const shift = await open(shiftEnding(inSession('en'), 45));
    await shift.screen('shift-warning');
    expect(await spoken(shift)).toBe('45 seconds until the computer is cleaned');
    await shift.push(shiftEnding(inSession('vi'), 44));
    expect(await spoken(shift)).toBe('Còn 44 giây đến khi máy được dọn dẹp');
    expect(await shift.problems()).toEqual([]);
  });

  it('warns of the shift end over a session in its last minute, offering to end now', async () => {
    const k = await open(shiftEnding(inSession('vi'), 60));
    await k.screen('shift-warning');
    expect(await clockFace(k)).toBe('1:00');
    expect(await spoken(k)).toBe('Còn 1 phút đến khi máy được dọn dẹp');
    await k.page.getByRole('alertdialog', { name: 'Sắp hết ca làm việc' }).waitFor();
    await k.page.getByRole('button', { name: 'Kết thúc phiên ngay' }).click();
    await expect.poll(() => k.calls('endSession')).toHaveLength(1);
  });

  it('on the welcome screen the shift warning only informs: no buttons, nothing to start', async () => {
    const k = await open(shiftEnding(welcome('vi'), 300));
    await k.screen('shift-warning');
    expect(await k.page.locator('#app button').count()).toBe(0);
    expect(await k.page.textContent('.countdown-body')).toBe('Máy sẽ được dọn dẹp và xoá toàn bộ dữ liệu sau:');
    await k.push(welcome('vi'));
    await k.screen('welcome');
  });

  it('goes from End session to wipe progress to the result, each announced in a live region', async () => {
    const k = await open();
    await k.push(inSession('vi', { state: 'ending' }));
    await k.screen('wipe');
    expect(await k.page.textContent('h1')).toBe('Đang xoá dữ liệu của bạn…');
    expect(await k.page.getAttribute('.message-card', 'aria-live')).toBe('polite');
    await k.push(welcome('vi', { wipe: { scope: 'session', phase: 'succeeded' } }));
    await k.page.getByRole('heading', { name: 'Đã xoá xong dữ liệu' }).waitFor();
    expect(await k.page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await k.push(welcome('vi'));
    await k.screen('welcome');
  });
});
