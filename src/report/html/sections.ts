import { formatLocal } from '../../schedule/zoned-time';
import { SHIFT_END_STATUSES, type KioskReport, type Report } from '../types';
import { escapeHtml as e } from './escape';
import type { ReportStrings } from './strings';

const local = (iso: string, timeZone: string) => formatLocal(Date.parse(iso), timeZone);

export function headerSection(report: Report, s: ReportStrings, language: 'vi' | 'en'): string {
  const methods = new Set(report.kiosks.map((k) => k.log.method));
  const method = methods.size === 1 ? s.method[[...methods][0]!] : s.methodMixed;
  const unkeyed = report.kiosks.some((k) => k.log.sealing === 'unkeyed' || k.log.sealing === 'mixed');
  const unit = report.unit ? report.unit[language] : s.noUnit;
  const rows: [string, string][] = [
    [s.unit, unit],
    [s.period, `${report.from} → ${report.to}`],
    [s.timeZone, report.timeZone],
    [s.verification, method],
    [s.generated, local(report.generatedAt, report.timeZone)],
  ];
  return `<header><h1>${e(s.title)}</h1><dl>${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>
<p class="small">${e(s.grace(report.onTimeGraceMinutes))}</p>${unkeyed ? `<p class="warn">${e(s.unkeyedWarning)}</p>` : ''}</header>`;
}

export function summarySection(report: Report, s: ReportStrings): string {
  const cells = SHIFT_END_STATUSES.map((status) => `<tr><th scope="row">${e(s.status[status])}</th><td>${report.summary[status]}</td></tr>`);
  const bad = report.summary.logsNotVerified;
  return `<section><h2>${e(s.summary)}</h2><table class="summary"><tbody><tr><th scope="row">${e(s.kiosks)}</th><td>${report.summary.kiosks}</td></tr>${cells.join('')}<tr><th scope="row">${e(s.inferredCount)}</th><td>${report.summary.inferred}</td></tr><tr${bad ? ' class="bad"' : ''}><th scope="row">${e(s.logsNotVerified)}</th><td>${bad}</td></tr></tbody></table></section>`;
}

function happened(end: KioskReport['shiftEnds'][number], timeZone: string, s: ReportStrings): string {
  const parts: string[] = [];
  if (end.wipedAt) parts.push(s.wipedAt(local(end.wipedAt, timeZone)));
  if (end.failedAttempts > 0) parts.push(s.failedAttempts(end.failedAttempts));
  if (end.status === 'missed') parts.push(s.noWipe);
  if (end.status === 'pending') parts.push(s.notYet);
  if (end.coverage === 'inferred') parts.push(s.inferred);
  return parts.join('; ');
}

export function exceptionsSection(report: Report, s: ReportStrings): string {
  const rows: string[] = [];
  for (const kiosk of report.kiosks) {
    for (const end of kiosk.shiftEnds) {
      if (end.status === 'on-time') continue;
      rows.push(`<tr class="st-${e(end.status)}"><td>${e(kiosk.kioskId)}</td><td>${e(end.local)}</td><td>${e(s.status[end.status])}</td><td>${e(happened(end, report.timeZone, s))}</td></tr>`);
    }
  }
  const body = rows.length
    ? `<table class="exceptions"><thead><tr><th>${e(s.kiosk)}</th><th>${e(s.shiftEnd)}</th><th>${e(s.statusHeading)}</th><th>${e(s.whatHappened)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
    : `<p>${e(s.noExceptions)}</p>`;
  return `<section><h2>${e(s.exceptions)}</h2>${body}</section>`;
}

export function totalsSection(report: Report, s: ReportStrings): string {
  const heads = [s.kiosk, ...SHIFT_END_STATUSES.map((status) => s.status[status]), s.sessions, s.outOfService, s.compliance, s.log];
  const rows = report.kiosks.map((kiosk) => {
    const counts = SHIFT_END_STATUSES.map((status) => kiosk.shiftEnds.filter((end) => end.status === status).length);
    const out = kiosk.outOfService.map((p) => `${local(p.from, report.timeZone)} → ${p.to ? local(p.to, report.timeZone) : s.stillOut} (${p.reason})`).join('; ') || s.none;
    const compliance = kiosk.compliance ? s.complianceCell(kiosk.compliance.runs, kiosk.compliance.failing.length) : s.none;
    const log = `${kiosk.log.verified ? s.verified : s.notVerified} (${s.methodShort[kiosk.log.method]})`;
    const cells = [kiosk.kioskId, ...counts, s.sessionsCell(kiosk.sessions.succeeded, kiosk.sessions.failed), out, compliance, log];
    return `<tr${kiosk.log.verified ? '' : ' class="bad"'}>${cells.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`;
  });
  return `<section><h2>${e(s.totals)}</h2><table class="totals"><thead><tr>${heads.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

export function logDetailsSection(report: Report, s: ReportStrings): string {
  const items = report.kiosks
    .filter((k) => k.log.problems.length > 0 || k.log.notes.length > 0 || (k.compliance?.failing.length ?? 0) > 0)
    .map((k) => {
      const problems = k.log.problems.map((p) => `<li>${e(`${p.file}${p.line > 0 ? `:${p.line}` : ''}: ${p.kind}: ${p.detail}`)}</li>`);
      const notes = k.log.notes.map((n) => `<li>${e(n)}</li>`);
      const failing = (k.compliance?.failing ?? []).map((f) => `<li>${e(`${f.id} (${f.severity}) × ${f.runs}`)}</li>`);
      return `<h3>${e(k.kioskId)}</h3>${problems.length ? `<p>${e(s.problems)}:</p><ul>${problems.join('')}</ul>` : ''}${notes.length ? `<p>${e(s.notes)}:</p><ul>${notes.join('')}</ul>` : ''}${failing.length ? `<p>${e(s.compliance)}:</p><ul>${failing.join('')}</ul>` : ''}`;
    });
  return items.length ? `<section><h2>${e(s.logDetails)}</h2>${items.join('')}</section>` : '';
}
