import type { BaseWindowConstructorOptions, CustomScheme, WebPreferences } from 'electron';

/**
 * Every security setting of the kiosk as data, in one place, asserted by tests. main/ only applies
 * what is here. `dev` (npm run dev / --dev) changes exactly two things: devtools may open, and the
 * window can be closed and is not pinned on top, so a developer is never locked out of the desktop.
 */

export interface ShellMode {
  dev: boolean;
}

/** Settings both views share: no Node, isolated and sandboxed, nothing a page could use to escape. */
function lockedPreferences(mode: ShellMode): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // Off: dictionaries would be downloaded and typed words kept in `Custom Dictionary.txt`.
    spellcheck: false,
    devTools: mode.dev,
    navigateOnDragDrop: false,
    enableWebSQL: false,
    // The PDF viewer and other plugins stay off: a PDF becomes a download governed by the policy.
    plugins: false,
    safeDialogs: true,
    autoplayPolicy: 'document-user-activation-required',
    disableHtmlFullscreenWindowResize: true,
  };
}

/** The trusted kiosk UI (app://kiosk/), the only page with a preload. */
export function uiWebPreferences(mode: ShellMode, preloadPath: string): WebPreferences {
  return {
    ...lockedPreferences(mode),
    preload: preloadPath,
    // The UI never uses alert/confirm; a dialog from it would be a bug, not a feature.
    disableDialogs: true,
    // The idle countdown must keep ticking even when Chromium thinks the page is in the background.
    backgroundThrottling: false,
  };
}

/**
 * Blink features a site view never has (webPreferences.disableBlinkFeatures, the names of Chromium's
 * --disable-blink-features). Each opens an OS dialog or window, reaches local files or devices, or
 * reads outside the page; test/browser/blink-features.test.ts proves in Debian's Chromium that each
 * name removes its API (and that the API is there without it). `<input type=file>` stays: citizens
 * upload scans; the OS settings in docs/INSTALL.md restrict what its dialog can reach.
 */
export const siteDisabledBlinkFeatures = [
  /** showOpenFilePicker / showSaveFilePicker / showDirectoryPicker: OS file dialogs, before any permission handler. */
  'FileSystemAccessLocal',
  /** webkitRequestFileSystem: the old sandboxed file system. */
  'FileSystem',
  /** EyeDropper: samples pixels anywhere on the screen, outside the page. */
  'EyeDropperAPI',
  /** documentPictureInPicture: an always-on-top window outside the kiosk window. */
  'DocumentPictureInPictureAPI',
  /** queryLocalFonts: lists the machine's fonts. */
  'FontAccess',
  /** navigator.serial / hid / usb: device chooser dialogs (also refused by the session's handlers). */
  'Serial',
  'WebHID',
  'WebUSB',
  /** navigator.presentation: casting to another screen. */
  'Presentation',
  /**
   * navigator.share: the OS share sheet (to chat apps) on Windows and macOS. Debian's Chromium does
   * not expose it on Linux, so the browser test can only show the name is accepted there.
   */
  'WebShare',
] as const;

/**
 * A citizen's site view: the given in-memory partition and the site preload (main/ipc/site-preload.ts),
 * which replaces window.print in every frame's main world. nodeIntegrationInSubFrames is what makes
 * Electron run that preload in sub-frames too; with `sandbox: true` no frame gets Node from it (the
 * sandboxed preload itself may require only 'electron'), so it widens nothing a page can reach.
 */
export function siteWebPreferences(mode: ShellMode, partition: string, preloadPath: string): WebPreferences {
  if (partition.startsWith('persist:')) throw new Error('A citizen partition must be in memory, never persist:');
  return {
    ...lockedPreferences(mode),
    partition,
    preload: preloadPath,
    nodeIntegrationInSubFrames: true,
    // Government forms use confirm()/alert(); safeDialogs (above) stops a page from looping them.
    disableDialogs: false,
    disableBlinkFeatures: siteDisabledBlinkFeatures.join(','),
  };
}

/** The one kiosk window. */
export function kioskWindowOptions(mode: ShellMode): BaseWindowConstructorOptions {
  return {
    title: 'public-kiosk',
    show: false,
    kiosk: true,
    fullscreen: true,
    frame: false,
    alwaysOnTop: !mode.dev,
    closable: mode.dev,
    minimizable: false,
    maximizable: false,
    resizable: false,
    movable: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
  };
}

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const UI_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * app:// is a standard, secure origin (so 'self', CSP and fetch behave) that never bypasses CSP and
 * runs no service worker. corsEnabled lets the UI's ES module scripts load from it (module scripts
 * are fetched in CORS mode; without it Electron refuses them in some cases); it opens nothing to
 * sites, because only the UI's own session has an app:// handler (main/electron/sessions.ts).
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, bypassCSP: false, allowServiceWorkers: false, stream: false, codeCache: false },
};

/** What the site sessions get besides the per-event guards (applied in main/, asserted in tests). */
export const siteSessionGuards = {
  spellChecker: false,
  /** Request and check handlers both consult policy.permissions.allow. */
  permissions: 'policy',
  /** WebHID / WebSerial / WebUSB / Bluetooth pickers and device grants. */
  devices: 'deny',
  /** getDisplayMedia (screen capture). */
  displayMedia: 'deny',
  /** TLS client certificates are never chosen on a citizen's behalf (Electron would pick the first). */
  clientCertificates: 'none',
  /** Top-level and frame requests re-checked by the site rules at the network layer too. */
  frameRequests: 'policy',
  downloads: 'session-folder',
  /**
   * Subresources, websockets and frames to IP addresses and the local network are refused unless a
   * rule names the host (src/shell/requests.ts). The Local Network Access permission Chromium asks
   * for after DNS resolution is refused by the permission handler (not a grantable name).
   */
  localNetwork: 'deny-unless-named',
} as const;

/**
 * WebRTC on site views (webContents.setWebRTCIPHandlingPolicy, applied by main before any page
 * loads): UDP only through a proxy, so a page learns no local address through ICE candidates and
 * cannot open peer connections into the unit's network; with no proxy configured, no UDP at all.
 */
export const siteWebRtcIpHandlingPolicy = 'disable_non_proxied_udp' as const;
