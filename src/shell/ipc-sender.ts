import { APP_HOST } from './security-settings';

/**
 * Whether an IPC message may be acted on: it must come from the kiosk UI's own webContents, from its
 * top frame, while that frame shows an app://kiosk/ page. A site page never gets the preload, but
 * this holds even if one somehow reached ipcRenderer.
 */
export interface IpcSender {
  webContentsId: number;
  /** null when the frame is gone (navigated away or destroyed) before the message was handled. */
  frame: { url: string; isTopFrame: boolean } | null;
}

export function isKioskUiSender(sender: IpcSender, uiWebContentsId: number | undefined): boolean {
  if (uiWebContentsId === undefined || sender.webContentsId !== uiWebContentsId) return false;
  if (sender.frame === null || !sender.frame.isTopFrame) return false;
  return isKioskUiUrl(sender.frame.url);
}

/** An app://kiosk/ page: the only thing the UI's webContents may ever show. */
export function isKioskUiUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return url.protocol === 'app:' && url.host === APP_HOST && url.username === '' && url.password === '';
}

/**
 * Whether a site-channel message (the print request) may be acted on: from the site view that is
 * open now (a closed citizen's view can never print into the next session), any of its frames.
 */
export function isSiteViewSender(sender: IpcSender, siteWebContentsId: number | null): boolean {
  if (siteWebContentsId === null || sender.webContentsId !== siteWebContentsId) return false;
  return sender.frame !== null;
}
