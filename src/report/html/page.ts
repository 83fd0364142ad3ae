import type { Report } from '../types';
import { escapeHtml as e } from './escape';
import { heatMaps, legend, patternDefs } from './heat-map';
import { exceptionsSection, headerSection, logDetailsSection, summarySection, totalsSection } from './sections';
import { reportStrings, type ReportLanguage } from './strings';

/** Print on A4; no external asset, no script (the CSP forbids both), readable with styles off. */
const styles = `@page { size: A4; margin: 12mm 10mm; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 0 auto; max-width: 190mm; padding: 8px; }
h1 { font-size: 17pt; margin: 0 0 6px; } h2 { font-size: 13pt; margin: 16px 0 6px; border-bottom: 1px solid #999; } h3 { font-size: 11pt; margin: 10px 0 4px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; } dt { font-weight: 700; } dd { margin: 0; }
.small { font-size: 9pt; color: #333; } .warn { font-size: 9pt; border-left: 4px solid #c62828; padding-left: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; } th, td { border: 1px solid #bbb; padding: 2px 4px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { overflow-wrap: normal; hyphens: auto; } thead { display: table-header-group; } tr { break-inside: avoid; } table.summary { width: auto; }
.bad td, .bad th { background: #ffebee; font-weight: 700; }
figure.map { margin: 6px 0; break-inside: avoid; overflow-x: auto; } figure.map svg { max-width: 100%; height: auto; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 9pt; } ul.legend svg { vertical-align: middle; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; } }`;

export function reportToHtml(report: Report, language: ReportLanguage = 'vi'): string {
  const s = reportStrings[language];
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(`${s.title} ${report.from} → ${report.to}`)}</title>
<style>${styles}</style>
</head>
<body>
${patternDefs}
${headerSection(report, s, language)}
${summarySection(report, s)}
<section><h2>${e(s.heatMap)}</h2><p class="small">${e(s.heatMapHelp)}</p>${legend(s)}
${heatMaps(report.kiosks, s)}
</section>
${exceptionsSection(report, s)}
${totalsSection(report, s)}
${logDetailsSection(report, s)}
</body>
</html>
`;
}
