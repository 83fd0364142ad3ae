import type { ShiftEndStatus, VerificationMethod } from '../types';

export type ReportLanguage = 'vi' | 'en';

/** Every word of the HTML report, Vietnamese first (the inspector's language), English beside it. */
export interface ReportStrings {
  title: string;
  unit: string;
  noUnit: string;
  period: string;
  timeZone: string;
  generated: string;
  grace: (minutes: number) => string;
  verification: string;
  method: Record<VerificationMethod, string>;
  methodShort: Record<VerificationMethod, string>;
  methodMixed: string;
  unkeyedWarning: string;
  summary: string;
  kiosks: string;
  logsNotVerified: string;
  heatMap: string;
  heatMapHelp: string;
  morning: string;
  afternoon: string;
  legend: string;
  status: Record<ShiftEndStatus, string>;
  letter: Record<ShiftEndStatus, string>;
  noLetter: string;
  exceptions: string;
  noExceptions: string;
  kiosk: string;
  shiftEnd: string;
  whatHappened: string;
  statusHeading: string;
  inferredCount: string;
  wipedAt: (local: string) => string;
  inferred: string;
  failedAttempts: (n: number) => string;
  noWipe: string;
  notYet: string;
  totals: string;
  sessions: string;
  sessionsCell: (ok: number, failed: number) => string;
  outOfService: string;
  compliance: string;
  complianceCell: (runs: number, failing: number) => string;
  none: string;
  log: string;
  verified: string;
  notVerified: string;
  logDetails: string;
  problems: string;
  notes: string;
  stillOut: string;
  weekdays: string[];
}

export const reportStrings: Record<ReportLanguage, ReportStrings> = {
  vi: {
    title: 'Báo cáo xóa dữ liệu cuối ca',
    unit: 'Đơn vị',
    noUnit: '(chưa đặt tên đơn vị trong chính sách: ui.unitName)',
    period: 'Kỳ báo cáo',
    timeZone: 'Múi giờ',
    generated: 'Lập lúc',
    grace: (m) => `Đúng giờ: lần xóa cuối ca bắt đầu trong vòng ${m} phút sau giờ hết ca.`,
    verification: 'Kiểm tra nhật ký',
    method: {
      full: 'đầy đủ: kiểm tra từng dấu niêm phong (bằng khóa nhật ký của máy nếu có khóa), chuỗi liên kết, thứ tự và bản ghi đầu',
      chain: 'theo chuỗi: kiểm tra các liên kết và tính liên tục của số thứ tự (không có khóa nhật ký của máy nên không kiểm được dấu niêm phong có khóa)',
    },
    methodShort: { full: 'kiểm tra đầy đủ', chain: 'kiểm tra theo chuỗi' },
    methodMixed: 'tùy máy (xem cột Nhật ký)',
    unkeyedWarning: 'Có nhật ký không dùng khóa (chỉ SHA-256): phát hiện được sai sót, nhưng người có quyền sửa tệp có thể làm giả.',
    summary: 'Tổng hợp',
    kiosks: 'Số máy',
    logsNotVerified: 'Nhật ký không xác minh được',
    heatMap: 'Lịch xóa theo nửa ngày',
    heatMapHelp: 'Mỗi ô là một giờ hết ca (s: sáng, c: chiều) của một máy. Chữ trong ô cho biết trạng thái, không cần nhìn màu.',
    morning: 's',
    afternoon: 'c',
    legend: 'Chú giải',
    status: { 'on-time': 'Đúng giờ', 'caught-up': 'Xóa bù (muộn)', failed: 'Lỗi (xóa thất bại)', missed: 'Không xóa (bỏ sót)', pending: 'Chưa đến hạn' },
    letter: { 'on-time': '', 'caught-up': 'B', failed: 'L', missed: 'K', pending: 'H' },
    noLetter: 'ô đặc, không chữ',
    exceptions: 'Các nửa ngày không xóa đúng giờ',
    noExceptions: 'Không có: mọi giờ hết ca đều được xóa đúng giờ.',
    kiosk: 'Máy',
    shiftEnd: 'Giờ hết ca',
    whatHappened: 'Diễn biến',
    statusHeading: 'Trạng thái',
    inferredCount: 'Giờ hết ca suy ra (bản ghi cũ)',
    wipedAt: (local) => `xóa lúc ${local}`,
    inferred: 'suy ra từ lịch và giờ bắt đầu (bản ghi cũ không ghi giờ hết ca)',
    failedAttempts: (n) => `${n} lần xóa thất bại`,
    noWipe: 'không có lần xóa cuối ca nào trước giờ hết ca sau',
    notYet: 'giờ hết ca sau chưa đến',
    totals: 'Tổng theo máy',
    sessions: 'Xóa phiên (đạt / lỗi)',
    sessionsCell: (ok, failed) => `${ok} / ${failed}`,
    outOfService: 'Ngừng phục vụ',
    compliance: 'Kiểm tra tuân thủ',
    complianceCell: (runs, failing) => `${runs} lần; ${failing} mục không đạt`,
    none: '—',
    log: 'Nhật ký',
    verified: 'nguyên vẹn',
    notVerified: 'KHÔNG nguyên vẹn',
    logDetails: 'Chi tiết nhật ký',
    problems: 'Vấn đề',
    notes: 'Ghi chú',
    stillOut: 'đến cuối nhật ký',
    weekdays: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  },
  en: {
    title: 'End-of-shift wipe report',
    unit: 'Unit',
    noUnit: '(no unit name in the policy: ui.unitName)',
    period: 'Period',
    timeZone: 'Time zone',
    generated: 'Generated',
    grace: (m) => `On time: the shift wipe started within ${m} minutes after the shift end.`,
    verification: 'Log verification',
    method: {
      full: "full: every seal (with the kiosk's audit key where keyed), the chain, the order and the head",
      chain: "by chain: chain links and sequence continuity (without the kiosk's audit key, keyed seals cannot be checked)",
    },
    methodShort: { full: 'fully checked', chain: 'checked by chain' },
    methodMixed: 'varies by kiosk (see the Log column)',
    unkeyedWarning: 'Some logs are unkeyed (SHA-256 only): accidents show, but whoever can write the file could forge them.',
    summary: 'Summary',
    kiosks: 'Kiosks',
    logsNotVerified: 'Logs not verified',
    heatMap: 'Wipes by half-day',
    heatMapHelp: 'Each cell is one shift end (am: morning, pm: afternoon) of one kiosk. The letter in a cell gives its status without relying on colour.',
    morning: 'am',
    afternoon: 'pm',
    legend: 'Legend',
    status: { 'on-time': 'On time', 'caught-up': 'Caught up (late)', failed: 'Failed', missed: 'Missed', pending: 'Pending' },
    letter: { 'on-time': '', 'caught-up': 'C', failed: 'F', missed: 'M', pending: 'P' },
    noLetter: 'solid, no letter',
    exceptions: 'Half-days not wiped on time',
    noExceptions: 'None: every shift end was wiped on time.',
    kiosk: 'Kiosk',
    shiftEnd: 'Shift end',
    whatHappened: 'What happened',
    statusHeading: 'Status',
    inferredCount: 'Shift ends inferred (older records)',
    wipedAt: (local) => `wiped at ${local}`,
    inferred: "inferred from the schedule and the wipe's start (an older record does not name its shift end)",
    failedAttempts: (n) => `${n} failed wipe${n === 1 ? '' : 's'}`,
    noWipe: 'no shift wipe before the next shift end',
    notYet: 'the next shift end has not come yet',
    totals: 'Totals per kiosk',
    sessions: 'Session wipes (ok / failed)',
    sessionsCell: (ok, failed) => `${ok} / ${failed}`,
    outOfService: 'Out of service',
    compliance: 'Compliance checks',
    complianceCell: (runs, failing) => `${runs} run${runs === 1 ? '' : 's'}; ${failing} failing`,
    none: '—',
    log: 'Log',
    verified: 'intact',
    notVerified: 'NOT intact',
    logDetails: 'Log details',
    problems: 'Problems',
    notes: 'Notes',
    stillOut: 'to the end of the log',
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  },
};
