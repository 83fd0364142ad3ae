/**
 * Line icons drawn as DOM SVG (no files to fetch, no inline markup for the CSP to refuse). They take
 * the text colour and are always paired with a visible word or an aria-label; the SVG itself is
 * hidden from assistive technology.
 */
const SVG = 'http://www.w3.org/2000/svg';

const shapes = {
  back: ['M10 5 3 12l7 7', 'M3 12h18'],
  forward: ['M14 5l7 7-7 7', 'M21 12H3'],
  home: ['M3 11.5 12 4l9 7.5', 'M5.5 9.5V20h5v-6h3v6h5V9.5'],
  reload: ['M19.5 12a7.5 7.5 0 1 1-2.2-5.3', 'M20 4v5h-5'],
  exit: ['M10 4H5v16h5', 'M14.5 7.5 19 12l-4.5 4.5', 'M19 12H9'],
  shield: ['M12 3 20 6v6c0 4.6-3.3 7.9-8 9-4.7-1.1-8-4.4-8-9V6z', 'm8.5 12 2.5 2.5 4.5-5'],
  clock: ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M12 7v5l3.5 2'],
  check: ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'm7.5 12 3 3 6-6.5'],
  alert: ['M12 3.5 22 20.5H2z', 'M12 10v5', 'M12 17.8v.2'],
  globe: ['M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z', 'M3 12h18', 'M12 3c3.2 3.6 3.2 14.4 0 18', 'M12 3c-3.2 3.6-3.2 14.4 0 18'],
  person: ['M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8z', 'M4 21c.9-4 4-6 8-6s7.1 2 8 6'],
  trash: ['M4 7h16', 'M9.5 7V4h5v3', 'M6 7l1 13h10l1-13', 'M10 11v5', 'M14 11v5'],
  close: ['M6 6l12 12', 'M18 6 6 18'],
  wrench: ['M14.5 4a5 5 0 0 0-4.6 6.9L3.5 17.3a1.8 1.8 0 0 0 2.5 2.5l6.4-6.4A5 5 0 0 0 19.5 9l-3 .5-2-2 .5-3z'],
} as const;

export type IconName = keyof typeof shapes;

/** `extraClass` sizes or colours one use (e.g. 'tile-icon'); every icon also has class `icon`. */
export function icon(name: IconName, extraClass?: string): SVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', extraClass ? `icon ${extraClass}` : 'icon');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  for (const d of shapes[name]) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}
