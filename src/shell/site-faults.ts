/**
 * How long a site view may stay unresponsive (Electron's 'unresponsive', until 'responsive') before
 * the citizen's session is ended with its wipe: a hung page must not keep data on screen, and the
 * kiosk must never show Chromium's "page unresponsive" dialog.
 */
export const SITE_UNRESPONSIVE_MS = 30_000;
