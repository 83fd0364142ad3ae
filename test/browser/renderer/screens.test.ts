import { describe, expect, it } from 'vitest';
import type { KioskStatus, Language } from '../../../src/ipc/contract';
import { admin, blockedTodayView, clerk, complianceView, inSession, shiftEnding, welcome, wipeRecords } from '../support/renderer-fixtures';
import { axeFindings } from '../support/renderer-axe';
import { contrastProblems } from '../support/renderer-contrast';
import { layoutProblems } from '../support/renderer-layout';
import { useKioskPages, type KioskPage } from '../support/renderer-page';

/**
 * Every screen in Vietnamese and English: the right heading, no layout faults, zero axe-core violations
 * (WCAG 2.0/2.1/2.2 A and AA plus best practices), AA contrast where axe cannot decide it, no console errors or CSP violations, and a 1280×800 screenshot under test/artifacts/screenshots/<name>-<lang>.png.
 */
interface Case {
  name: string;
  screen: string;
  status(lang: Language): KioskStatus;
  setup?(kiosk: KioskPage): Promise<void>;
  text: Record<Language, string>;
}

const openStaff = async (k: KioskPage): Promise<void> => {
  await k.page.keyboard.press('Control+Alt+S');
  await k.screen('staff');
};
const signInScripted = async (k: KioskPage, answer: unknown): Promise<void> => {
  await openStaff(k);
  await k.script('staffSignIn', [{ result: answer }]);
  await k.page.fill('#staff-id', 'nv-014');
  await k.page.fill('#staff-secret', 'sai-mat-khau');
  await k.page.click('.btn-sign-in');
  await k.page.locator('.form-message:not([hidden])').waitFor();
};
const oos = (reason: NonNullable<KioskStatus['outOfService']>['reason']) => (lang: Language) =>
  welcome(lang, { state: 'out-of-service', outOfService: { reason, since: '2025-11-27T04:31:02.000Z' } });

const cases: Case[] = [
  { name: 'starting', screen: 'starting', status: (l) => welcome(l, { state: 'starting' }), text: { vi: 'Đang khởi động…', en: 'Starting…' } },
  { name: 'welcome', screen: 'welcome', status: (l) => welcome(l), text: { vi: 'Bạn cần làm thủ tục gì?', en: 'What do you need to do today?' } },
  {
    name: 'welcome-many-services', screen: 'welcome', text: { vi: 'Bắt đầu', en: 'Start' },
    status: (l) => {
      const base = welcome(l);
      return { ...base, services: [...base.services, ...base.services, ...base.services.slice(0, 2)] };
    },
  },
  { name: 'welcome-notice', screen: 'welcome', status: (l) => welcome(l, { notice: { kind: 'site-blocked' } }), text: { vi: 'Trang này không được phép mở', en: 'This site cannot be opened' } },
  { name: 'session', screen: 'session', status: (l) => inSession(l), text: { vi: 'Kết thúc phiên', en: 'End session' } },
  { name: 'session-loading', screen: 'session', status: (l) => inSession(l, { site: { host: 'baohiemxahoi.gov.vn', title: '', canGoBack: true, canGoForward: true, loading: true } }), text: { vi: 'Đang tải trang…', en: 'Loading the page…' } },
  { name: 'session-notice', screen: 'session', status: (l) => inSession(l, { notice: { kind: 'download-blocked', detail: '.exe' } }), text: { vi: 'Không được phép tải loại tệp này (.exe)', en: 'This type of file cannot be downloaded (.exe)' } },
  {
    name: 'session-end-confirm', screen: 'session', status: (l) => inSession(l), text: { vi: 'Kết thúc và xoá dữ liệu của bạn?', en: 'End and delete your data?' },
    setup: (k) => k.page.click('.btn-end'),
  },
  { name: 'idle-warning', screen: 'idle-warning', status: (l) => inSession(l, { idleWarning: { secondsLeft: 25 } }), text: { vi: 'Bạn vẫn đang sử dụng máy chứ?', en: 'Are you still there?' } },
  { name: 'session-shift-banner', screen: 'session', status: (l) => shiftEnding(inSession(l), 105), text: { vi: 'hãy lưu công việc', en: 'please finish up' } },
  {
    name: 'session-shift-banner-notice', screen: 'session', status: (l) => shiftEnding(inSession(l, { notice: { kind: 'download-saved' } }), 1799),
    text: { vi: 'hãy lưu công việc', en: 'please finish up' },
  },
  { name: 'shift-warning', screen: 'shift-warning', status: (l) => shiftEnding(inSession(l), 55), text: { vi: 'Sắp hết ca làm việc', en: 'The shift is ending soon' } },
  { name: 'shift-warning-welcome', screen: 'shift-warning', status: (l) => shiftEnding(welcome(l), 8), text: { vi: 'Máy sẽ được dọn dẹp', en: 'This computer will be cleaned' } },
  { name: 'wipe-running', screen: 'wipe', status: (l) => welcome(l, { state: 'ending', wipe: { scope: 'session', phase: 'running' } }), text: { vi: 'Đang xoá dữ liệu của bạn…', en: 'Deleting your data…' } },
  { name: 'wipe-running-shift', screen: 'wipe', status: (l) => welcome(l, { state: 'wiping-shift', wipe: { scope: 'shift', phase: 'running' } }), text: { vi: 'Đang dọn dẹp máy cuối ca…', en: 'Cleaning the computer for the end of the shift…' } },
  { name: 'wipe-succeeded', screen: 'wipe', status: (l) => welcome(l, { wipe: { scope: 'session', phase: 'succeeded' } }), text: { vi: 'Đã xoá xong dữ liệu', en: 'Your data has been deleted' } },
  { name: 'wipe-failed', screen: 'wipe', status: (l) => welcome(l, { state: 'out-of-service', wipe: { scope: 'session', phase: 'failed' } }), text: { vi: 'Không xoá được dữ liệu', en: 'The data could not be deleted' } },
  { name: 'out-of-service-policy', screen: 'out-of-service', status: oos('policy-invalid'), text: { vi: 'public-kiosk policy check', en: 'public-kiosk policy check' } },
  { name: 'out-of-service-wipe-failed', screen: 'out-of-service', status: oos('wipe-failed'), text: { vi: 'Xoá toàn bộ dữ liệu ngay', en: 'Delete all data now' } },
  { name: 'out-of-service-overdue', screen: 'out-of-service', status: oos('wipe-overdue'), text: { vi: 'Chưa xoá dữ liệu cuối ca', en: 'end-of-shift wipe has not run' } },
  { name: 'out-of-service-journal', screen: 'out-of-service', status: oos('journal-unfinished'), text: { vi: 'bị gián đoạn', en: 'was interrupted' } },
  { name: 'out-of-service-internal', screen: 'out-of-service', status: oos('internal-error'), text: { vi: 'Khởi động lại máy', en: 'Restart the computer' } },
  { name: 'out-of-service-compliance', screen: 'out-of-service', status: oos('compliance'), text: { vi: 'public-kiosk doctor', en: 'public-kiosk doctor' } },
  {
    name: 'staff-dashboard-compliance', screen: 'staff',
    status: (l) => welcome(l, { state: 'out-of-service', outOfService: { reason: 'compliance', since: '2025-11-27T04:31:40.000Z' }, staff: clerk }),
    text: { vi: 'Máy ngừng phục vụ vì: remote-access', en: 'Out of service because of: remote-access' },
    setup: async (k) => {
      await k.script('recentWipes', [{ result: wipeRecords }]);
      await k.script('compliance', [{ result: complianceView }]);
      await openStaff(k);
      await k.page.locator('.compliance-item').nth(7).waitFor();
    },
  },
  { name: 'staff-sign-in', screen: 'staff', status: (l) => welcome(l), setup: openStaff, text: { vi: 'Đăng nhập nhân viên', en: 'Staff sign-in' } },
  {
    name: 'staff-otp', screen: 'staff', status: (l) => welcome(l), text: { vi: 'Mã OTP (6 chữ số)', en: 'One-time code (6 digits)' },
    setup: (k) => signInScripted(k, { ok: false, reason: 'otp-required' }),
  },
  {
    name: 'staff-locked', screen: 'staff', status: (l) => welcome(l), text: { vi: 'Thử lại sau 4 phút 30 giây', en: 'Try again in 4 minutes 30 seconds' },
    setup: (k) => signInScripted(k, { ok: false, reason: 'locked', retryAfterSeconds: 270 }),
  },
  {
    name: 'staff-dashboard-admin', screen: 'staff', status: (l) => welcome(l, { staff: admin }), text: { vi: 'Tải lại chính sách', en: 'Reload policy' },
    setup: async (k) => {
      await k.script('recentWipes', [{ result: wipeRecords }]);
      await openStaff(k);
      await k.page.locator('.records tbody tr').nth(5).waitFor();
    },
  },
  {
    name: 'staff-dashboard-clerk', screen: 'staff', status: (l) => welcome(l, { state: 'out-of-service', outOfService: { reason: 'wipe-failed', since: '2025-11-27T04:31:02.000Z' }, staff: clerk }),
    text: { vi: 'Chưa có lần xoá nào', en: 'No wipes have been recorded yet' },
    setup: openStaff,
  },
  {
    name: 'staff-change-password', screen: 'staff', status: (l) => welcome(l, { staff: { ...clerk, mustChangePassword: true } }), setup: openStaff,
    text: { vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục.', en: 'You must change your password before you continue.' },
  },
  // An admin's rehearsal: the badge in the session toolbar, the strip over every other screen.
  { name: 'session-rehearsal', screen: 'session', status: (l) => inSession(l, { rehearsal: true }), text: { vi: 'Diễn tập', en: 'Rehearsal' } },
  {
    name: 'idle-warning-rehearsal', screen: 'idle-warning', status: (l) => inSession(l, { rehearsal: true, idleWarning: { secondsLeft: 25 } }),
    text: { vi: 'Phiên diễn tập (chế độ ghi nhận)', en: 'Rehearsal (audit mode)' },
  },
  {
    name: 'staff-dashboard-blocked', screen: 'staff', status: (l) => welcome(l, { staff: admin }), text: { vi: 'Không có trong danh sách cho phép', en: 'Not in the allowlist' },
    setup: async (k) => {
      await k.script('blockedToday', [{ result: blockedTodayView }]);
      await openStaff(k);
      // Visible, not merely present: the table keeps its share of the column beside compliance.
      await k.page.locator('.blocked-table tbody tr').nth(2).waitFor({ state: 'visible' });
      expect((await k.page.locator('.blocked-section .records-scroll').boundingBox())?.height).toBeGreaterThan(100);
    },
  },
];

describe('every kiosk screen, in Vietnamese and English', () => {
  const openPage = useKioskPages();

  for (const c of cases) {
    for (const lang of ['vi', 'en'] as const) {
      it(`${c.name} (${lang})`, async () => {
        const kiosk = await openPage(c.status(lang));
        await c.setup?.(kiosk);
        await kiosk.screen(c.screen);
        await kiosk.page.getByText(c.text[lang], { exact: false }).first().waitFor({ state: 'visible' });
        expect(await kiosk.page.getAttribute('html', 'lang')).toBe(lang);
        await kiosk.shot(`${c.name}-${lang}`);
        expect(await layoutProblems(kiosk.page)).toEqual([]);
        const axe = await axeFindings(kiosk.page);
        expect(axe.rulesRun).toBeGreaterThan(50);
        expect(axe.violations).toEqual([]);
        // Only contrast may stay undecided (text over translucent layers), and contrastProblems decides it.
        expect(axe.incomplete.filter((line) => !line.startsWith('color-contrast '))).toEqual([]);
        expect(await contrastProblems(kiosk.page)).toEqual([]);
        console.log(`axe ${c.name}-${lang}: ${axe.rulesRun} rules, 0 violations, ${axe.incomplete.length} undecided contrast node(s) checked by composited contrast`);
        expect(await kiosk.problems()).toEqual([]);
      });
    }
  }
});
