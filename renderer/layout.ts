/**
 * Geometry main/ must agree with. While a citizen is in session the site is a separate native view
 * placed below the toolbar strip, so main sizes that view as
 * `{ x: 0, y: TOOLBAR_HEIGHT_PX, width: windowWidth, height: windowHeight - TOOLBAR_HEIGHT_PX }`.
 * main/ may not import renderer/ (lint), so it copies this number; a browser test asserts the
 * rendered toolbar is exactly this tall.
 */
export const TOOLBAR_HEIGHT_PX = 80;

/**
 * The staff panel's keyboard shortcut, Ctrl+Alt+S, matched by physical key (event.code) so a
 * Vietnamese input method (Telex, VNI) that rewrites event.key cannot swallow it.
 */
export const STAFF_SHORTCUT = { ctrl: true, alt: true, code: 'KeyS', aria: 'Control+Alt+S' } as const;
