import { checkDefinitions } from '../../../src/compliance/checks';
import type { BlockedTodayView, ComplianceView } from '../../../src/ipc/contract';
import type { KioskStatus, Language, StaffView, WipeRecordView } from '../../../src/ipc/contract';
import { shiftWarningFullscreen } from '../../../src/shell/shift-warning';

/** Realistic statuses for a district health centre's kiosk (what the bundled policy's tiles look like). */
export function welcome(language: Language = 'vi', extra: Partial<KioskStatus> = {}): KioskStatus {
  return {
    state: 'welcome',
    language,
    languages: ['vi', 'en'],
    unitName: { vi: 'Trung tâm Y tế huyện Đông Anh — Bộ phận Một cửa', en: 'Dong Anh District Health Centre — One-stop desk' },
    services: [
      {
        name: { vi: 'Cổng Dịch vụ công quốc gia', en: 'National Public Service Portal' },
        url: 'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html',
        description: { vi: 'Nộp hồ sơ, tra cứu kết quả thủ tục hành chính', en: 'Submit applications and follow their progress' },
      },
      {
        name: { vi: 'Bảo hiểm xã hội Việt Nam', en: 'Vietnam Social Security' },
        url: 'https://baohiemxahoi.gov.vn',
        description: { vi: 'Tra cứu thẻ bảo hiểm y tế, quá trình đóng bảo hiểm', en: 'Check health insurance cards and contributions' },
      },
      {
        name: { vi: 'Dịch vụ công Bộ Y tế', en: 'Ministry of Health e-services' },
        url: 'https://dichvucong.moh.gov.vn',
        description: { vi: 'Chứng chỉ hành nghề, giấy phép cơ sở khám chữa bệnh', en: 'Practice certificates and clinic licences' },
      },
      {
        name: { vi: 'Sở Y tế Hà Nội', en: 'Hanoi Department of Health' },
        url: 'https://soyte.hanoi.gov.vn',
        description: { vi: 'Thông báo, lịch tiêm chủng, hướng dẫn thủ tục', en: 'News, vaccination schedules, how-to guides' },
      },
    ],
    ...extra,
  };
}

export function inSession(language: Language = 'vi', extra: Partial<KioskStatus> = {}): KioskStatus {
  return welcome(language, {
    state: 'in-session',
    site: { host: 'dichvucong.gov.vn', title: 'Cổng Dịch vụ công Quốc gia — Trang chủ', canGoBack: true, canGoForward: false, loading: false },
    ...extra,
  });
}

/** The shift-end warning as main composes it: src/shell decides whether it covers the window. */
export function shiftEnding(status: KioskStatus, secondsLeft: number): KioskStatus {
  return { ...status, shiftWarning: { secondsLeft, fullscreen: shiftWarningFullscreen(status.state, secondsLeft) } };
}

export const clerk: StaffView = { staffId: 'nv-014', displayName: 'Nguyễn Thị Hồng Nhung', role: 'staff', mustChangePassword: false };
export const admin: StaffView = { staffId: 'cntt-01', displayName: 'Trần Quốc Việt', role: 'admin', mustChangePassword: false };

export const wipeRecords: WipeRecordView[] = [
  { scope: 'session', trigger: 'session-end', startedAt: '2025-11-27T03:41:07.000Z', durationMs: 1240, filesRemoved: 412, result: 'succeeded' },
  { scope: 'session', trigger: 'idle', startedAt: '2025-11-27T03:12:55.000Z', durationMs: 980, filesRemoved: 388, result: 'succeeded' },
  { scope: 'shift', trigger: 'shift-end', startedAt: '2025-11-27T04:30:00.000Z', durationMs: 4312, filesRemoved: 5120, result: 'succeeded' },
  { scope: 'session', trigger: 'crash', startedAt: '2025-11-26T09:05:31.000Z', durationMs: 1530, filesRemoved: 205, result: 'failed' },
  { scope: 'shift', trigger: 'catch-up', startedAt: '2025-11-26T01:00:12.000Z', durationMs: 3877, filesRemoved: 4602, result: 'succeeded' },
  { scope: 'session', trigger: 'manual', startedAt: '2025-11-25T08:20:44.000Z', durationMs: 1102, filesRemoved: 310, result: 'succeeded' },
];

/** A compliance doctor run as staff see it: the real check texts, one remote-access tool running. */
export const complianceView: ComplianceView = {
  checkedAt: '2025-11-27T04:31:40.000Z',
  platform: 'win32',
  outOfService: ['remote-access'],
  checks: checkDefinitions.map((check) => {
    const status = ({ 'remote-access': 'fail', 'os-support': 'fail', 'kiosk-account': 'warn', 'network-zone': 'error', 'browser-passwords': 'not-applicable' } as const)[check.id as string] ?? 'pass';
    return { id: check.id, status, severity: check.severity, title: check.title, remediation: check.remediation, evidence: {} };
  }),
};

/** "Blocked today" as main answers it: hosts, rules and counts only. */
export const blockedTodayView: BlockedTodayView = {
  records: 14,
  otherCount: 3,
  hosts: [
    { host: 'napas.com.vn', kind: 'navigation', rule: 'not-allowed', sessions: 9, count: 21 },
    { host: 'chat.zalo.me', kind: 'popup', rule: 'category:chat-apps', sessions: 4, count: 4 },
    { host: '192.168.1.20', kind: 'subresource', rule: 'local-network', sessions: 2, count: 1200 },
    { host: 'dichvucong.gialai.gov.vn', kind: 'download', rule: 'download-type', sessions: 1, count: 1 },
  ],
};
