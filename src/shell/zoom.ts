import type { KeyInput } from './shortcuts';

/**
 * Zoom of the site view for people who read with difficulty: A− / 100% / A+ in the toolbar and
 * Ctrl+= / Ctrl+- / Ctrl+0. Only the site is zoomed, never the kiosk's toolbar, between 50 and 200 %,
 * in the steps Chromium's own zoom uses. A new citizen session starts at 100 % (the wipe closes the view).
 */

export type ZoomAction = 'in' | 'out' | 'reset';

export const ZOOM_STEPS_PERCENT: readonly number[] = [50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200];
export const ZOOM_DEFAULT_PERCENT = 100;

/** The next step up or down (clamped to 50–200 %), or 100 % for reset. */
export function nextZoom(current: number, action: ZoomAction): number {
  if (action === 'reset') return ZOOM_DEFAULT_PERCENT;
  const steps = ZOOM_STEPS_PERCENT;
  const next = action === 'in' ? steps.find((step) => step > current) : [...steps].reverse().find((step) => step < current);
  return next ?? current;
}

/**
 * Ctrl+= or Ctrl++ (also on the number pad) zooms in, Ctrl+- out, Ctrl+0 resets. The physical key
 * counts too, so a Vietnamese input method (Telex, VNI) or another layout does not hide the shortcut.
 * Alt must not be held: Ctrl+Alt combinations are the kiosk's own (the staff panel).
 */
export function zoomShortcut(input: KeyInput): ZoomAction | undefined {
  if (!(input.control || input.meta) || input.alt) return undefined;
  const key = input.key;
  const code = input.code;
  if (key === '=' || key === '+' || code === 'Equal' || code === 'NumpadAdd') return 'in';
  if (key === '-' || key === '_' || code === 'Minus' || code === 'NumpadSubtract') return 'out';
  if (key === '0' || code === 'Digit0' || code === 'Numpad0') return 'reset';
  return undefined;
}
