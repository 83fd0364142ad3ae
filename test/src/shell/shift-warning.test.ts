import { describe, expect, it } from 'vitest';
import type { KioskStatus } from '../../../src/ipc/contract';
import { composeStatus } from '../../../src/shell/kiosk-status';
import { SHIFT_WARNING_FULLSCREEN_SECONDS, shiftWarningCoversWindow, shiftWarningFullscreen } from '../../../src/shell/shift-warning';
import { siteViewVisible } from '../../../src/shell/view-layout';
import { testPolicy } from './policy-fixture';

const policy = testPolicy();
const site = { host: 'dichvucong.gov.vn', title: 'Nộp hồ sơ', canGoBack: true, canGoForward: false, loading: false };
const inSessionWith = (secondsLeft: number): KioskStatus =>
  composeStatus({ session: { state: 'in-session', shiftWarning: { secondsLeft } }, policy, language: 'vi', site });

describe('the shift-end warning over a session', () => {
  it('covers the window only for its last minute', () => {
    expect(SHIFT_WARNING_FULLSCREEN_SECONDS).toBe(60);
    expect(shiftWarningFullscreen('in-session', 1800)).toBe(false);
    expect(shiftWarningFullscreen('in-session', 61)).toBe(false);
    expect(shiftWarningFullscreen('in-session', 60.5)).toBe(false);
    expect(shiftWarningFullscreen('in-session', 60)).toBe(true);
    expect(shiftWarningFullscreen('in-session', 0)).toBe(true);
  });

  it('covers it whenever nobody is in session, and when the time is not a number', () => {
    expect(shiftWarningFullscreen('welcome', 1800)).toBe(true);
    expect(shiftWarningFullscreen('ending', 300)).toBe(true);
    expect(shiftWarningFullscreen('in-session', Number.NaN)).toBe(true);
  });

  it.each([
    [1800, false, true],
    [61, false, true],
    [60, true, false],
    [0, true, false],
  ])('at %i s the status says fullscreen=%s and the site view visible=%s', (secondsLeft, fullscreen, visible) => {
    const status = inSessionWith(secondsLeft);
    expect(status.shiftWarning).toEqual({ secondsLeft, fullscreen });
    expect(status.site).toEqual(site);
    expect(siteViewVisible(status, false)).toBe(visible);
  });

  it('still hides the site under the banner when anything else covers the window', () => {
    const banner = inSessionWith(300);
    expect(siteViewVisible(banner, true)).toBe(false);
    expect(siteViewVisible({ ...banner, idleWarning: { secondsLeft: 20 } }, false)).toBe(false);
    expect(siteViewVisible({ ...banner, staff: { staffId: 'a', displayName: 'A', role: 'staff', mustChangePassword: false } }, false)).toBe(false);
  });

  it('never trusts a stale flag: 30 s left hides the site even if fullscreen says false', () => {
    const stale: KioskStatus = { ...inSessionWith(300), shiftWarning: { secondsLeft: 30, fullscreen: false } };
    expect(shiftWarningCoversWindow(stale)).toBe(true);
    expect(siteViewVisible(stale, false)).toBe(false);
  });

  it('on the welcome screen the warning is full-window at any time left', () => {
    const status = composeStatus({ session: { state: 'welcome', shiftWarning: { secondsLeft: 900 } }, policy, language: 'en' });
    expect(status.shiftWarning).toEqual({ secondsLeft: 900, fullscreen: true });
    expect(status.site).toBeUndefined();
  });
});
