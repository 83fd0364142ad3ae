import type { KioskStatus } from '../ipc/contract';
import { shiftWarningCoversWindow } from './shift-warning';

/**
 * Where the site view sits and when it shows. The UI fills the window; the site view covers
 * everything below the UI's toolbar strip, and is hidden whenever the UI must show something over
 * the whole window (warnings, wipe screens, out of service, the staff panel), since a native view
 * always paints above the page under it. The shift-end warning covers the window only for its last
 * minute (shift-warning.ts); before that it is a banner in the toolbar strip, above the site.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function siteViewBounds(content: { width: number; height: number }, toolbarHeight: number): Rect {
  const top = Math.max(0, Math.min(Math.round(toolbarHeight), content.height));
  return { x: 0, y: top, width: Math.max(0, content.width), height: Math.max(0, content.height - top) };
}

/** True only while a citizen is browsing with nothing the UI must lay over the page. */
export function siteViewVisible(status: KioskStatus, uiOverlayOpen: boolean): boolean {
  return (
    status.state === 'in-session' &&
    !uiOverlayOpen &&
    status.idleWarning === undefined &&
    !shiftWarningCoversWindow(status) &&
    status.wipe === undefined &&
    status.outOfService === undefined &&
    status.staff === undefined
  );
}

/**
 * The height of the UI's toolbar strip in CSS pixels. main/ may not import renderer/, so this copies
 * renderer/layout.ts TOOLBAR_HEIGHT_PX; a test keeps the two equal.
 */
export const UI_TOOLBAR_HEIGHT_PX = 80;
