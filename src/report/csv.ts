import type { Report } from './types';

const HEADER = ['kioskId', 'shiftEnd', 'local', 'status', 'wipedAt', 'coverage', 'failedAttempts', 'logVerified', 'verification'];

/**
 * One RFC 4180 field. A cell a spreadsheet would run as a formula (= + - @, or a tab or CR first) is
 * prefixed with an apostrophe: a kiosk id comes from a file name, and a file name is anyone's.
 */
export function csvField(value: string | number | boolean | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per kiosk × shift end, CRLF line ends (RFC 4180), for spreadsheets. */
export function reportToCsv(report: Report): string {
  const rows = [HEADER.join(',')];
  for (const kiosk of report.kiosks) {
    for (const end of kiosk.shiftEnds) {
      const cells = [kiosk.kioskId, end.at, end.local, end.status, end.wipedAt, end.coverage, end.failedAttempts, kiosk.log.verified, kiosk.log.method];
      rows.push(cells.map(csvField).join(','));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
