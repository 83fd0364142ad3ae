import type { KioskReport, ShiftEndStatus } from '../types';
import { clip, escapeHtml as e } from './escape';
import type { ReportStrings } from './strings';

/**
 * The calendar heat map: one inline SVG per month and per block of kiosks (so it prints on A4 pages),
 * a row per kiosk, a column per scheduled shift end, each cell coloured AND patterned AND lettered by
 * status so that it reads in greyscale print and without colour vision. No script: titles give the
 * detail on hover, the exceptions table gives it on paper.
 */
export const CELL = 13;
const LABEL_WIDTH = 118;
const HEADER_HEIGHT = 40;
const KIOSKS_PER_BLOCK = 40;

export const statusStyle: Record<ShiftEndStatus, { fill: string; ink: string }> = {
  'on-time': { fill: '#2e7d32', ink: '#ffffff' },
  'caught-up': { fill: 'url(#pk-caught-up)', ink: '#000000' },
  failed: { fill: 'url(#pk-failed)', ink: '#ffffff' },
  missed: { fill: '#111111', ink: '#ffffff' },
  pending: { fill: 'url(#pk-pending)', ink: '#333333' },
};

/** The patterns every map and the legend use; defined once per document. */
export const patternDefs = `<svg width="0" height="0" aria-hidden="true" style="position:absolute"><defs>
<pattern id="pk-caught-up" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#f9c846"/><rect width="1.5" height="4" fill="#9a6a00"/></pattern>
<pattern id="pk-failed" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#d32f2f"/><path d="M0 0L5 5M5 0L0 5" stroke="#7f0000" stroke-width="0.7"/></pattern>
<pattern id="pk-pending" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#ffffff"/><circle cx="2" cy="2" r="0.7" fill="#9e9e9e"/></pattern>
</defs></svg>`;

export function cellGlyph(status: ShiftEndStatus, x: number, y: number, s: ReportStrings, size = CELL): string {
  const style = statusStyle[status];
  const rect = `<rect x="${x}" y="${y}" width="${size - 1}" height="${size - 1}" fill="${style.fill}" stroke="#555" stroke-width="0.5"/>`;
  const letter = s.letter[status];
  const text = letter ? `<text x="${x + (size - 1) / 2}" y="${y + size * 0.72}" font-size="${Math.round(size * 0.68)}" text-anchor="middle" fill="${style.ink}" font-weight="700">${e(letter)}</text>` : '';
  return rect + text;
}

interface Column {
  at: string;
  date: string;
  time: string;
}

function columnsOf(kiosks: readonly KioskReport[]): Column[] {
  return (kiosks[0]?.shiftEnds ?? []).map((end) => ({ at: end.at, date: end.local.slice(0, 10), time: end.local.slice(11, 16) }));
}

function blocksByMonth(columns: Column[]): Column[][] {
  const months = new Map<string, Column[]>();
  for (const column of columns) {
    const key = column.date.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), column]);
  }
  return [...months.values()];
}

function header(columns: Column[], s: ReportStrings): string {
  const parts: string[] = [];
  columns.forEach((column, index) => {
    const x = LABEL_WIDTH + index * CELL;
    const firstOfDay = index === 0 || columns[index - 1]!.date !== column.date;
    if (firstOfDay) {
      const [year, month, day] = column.date.split('-').map(Number) as [number, number, number];
      const weekday = s.weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
      parts.push(`<line x1="${x - 0.5}" y1="2" x2="${x - 0.5}" y2="${HEADER_HEIGHT}" stroke="#999" stroke-width="0.5"/>`);
      parts.push(`<text x="${x + 1}" y="11" font-size="9">${e(day)}</text><text x="${x + 1}" y="22" font-size="7" fill="#444">${e(weekday)}</text>`);
    }
    const half = Number(column.time.slice(0, 2)) < 12 ? s.morning : s.afternoon;
    parts.push(`<text x="${x + (CELL - 1) / 2}" y="${HEADER_HEIGHT - 4}" font-size="7" text-anchor="middle" fill="#444">${e(half)}<title>${e(column.time)}</title></text>`);
  });
  return parts.join('');
}

function mapBlock(kiosks: readonly KioskReport[], columns: Column[], firstIndex: number, s: ReportStrings): string {
  const width = LABEL_WIDTH + columns.length * CELL + 2;
  const height = HEADER_HEIGHT + kiosks.length * CELL + 2;
  const month = columns[0]?.date.slice(0, 7) ?? '';
  const rows = kiosks.map((kiosk, row) => {
    const y = HEADER_HEIGHT + row * CELL;
    const byAt = new Map(kiosk.shiftEnds.map((end) => [end.at, end]));
    const cells = columns.map((column, index) => {
      const end = byAt.get(column.at);
      if (!end) return '';
      const x = LABEL_WIDTH + index * CELL;
      const title = `${kiosk.kioskId} · ${end.local} · ${s.status[end.status]}${end.wipedAt ? ` · ${s.wipedAt(end.wipedAt)}` : ''}`;
      return `<g class="cell" data-kiosk="${e(kiosk.kioskId)}" data-at="${e(end.at)}" data-status="${e(end.status)}"><title>${e(title)}</title>${cellGlyph(end.status, x, y, s)}</g>`;
    });
    const label = `<text x="2" y="${y + CELL * 0.75}" font-size="9">${e(clip(kiosk.kioskId, 20))}<title>${e(kiosk.kioskId)}</title></text>`;
    return label + cells.join('');
  });
  const caption = `${s.heatMap} ${month} (${firstIndex + 1}–${firstIndex + kiosks.length})`;
  return `<figure class="map"><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${e(caption)}" font-family="sans-serif">${header(columns, s)}${rows.join('')}</svg></figure>`;
}

export function heatMaps(kiosks: readonly KioskReport[], s: ReportStrings): string {
  const blocks: string[] = [];
  for (const columns of blocksByMonth(columnsOf(kiosks))) {
    for (let first = 0; first < kiosks.length; first += KIOSKS_PER_BLOCK) {
      blocks.push(mapBlock(kiosks.slice(first, first + KIOSKS_PER_BLOCK), columns, first, s));
    }
  }
  return blocks.join('\n');
}

export function legend(s: ReportStrings): string {
  const items = (Object.keys(statusStyle) as ShiftEndStatus[]).map((status) => {
    const letter = s.letter[status] ? `“${s.letter[status]}”` : s.noLetter;
    return `<li><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">${cellGlyph(status, 1, 1, s, 15)}</svg> <b>${e(s.status[status])}</b> (${e(letter)})</li>`;
  });
  return `<ul class="legend" aria-label="${e(s.legend)}">${items.join('')}</ul>`;
}
