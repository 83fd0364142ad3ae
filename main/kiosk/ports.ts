import type { KioskStatus } from '../../src/ipc/contract';
import type { Rect } from '../../src/shell/view-layout';
import type { GuardedContents, ScriptableContents, SiteSessionPort } from '../site/ports';
import type { PairingSession, RefusingContents } from '../site/refusals';

/**
 * The Electron pieces the kiosk wiring drives, as narrow interfaces. main/electron/ builds the real
 * ones (BaseWindow, WebContentsView, Session); tests pass fakes.
 */

/** A site view's webContents: the guards' events, what the toolbar and the crash path need, and the canary planting. */
export type SiteContents = GuardedContents & SiteContentsExtras & ScriptableContents & RefusingContents;

export interface SiteContentsExtras {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  on(event: 'page-title-updated' | 'did-navigate' | 'did-navigate-in-page' | 'did-start-loading' | 'did-stop-loading', listener: () => void): unknown;
  on(event: 'before-mouse-event', listener: (event: unknown, mouse: { type: string }) => void): unknown;
  getURL(): string;
  getTitle(): string;
  /** The site preload's print request comes from this id (main/ipc/site-dispatch.ts). */
  readonly id: number;
  /** Printing by policy (src/shell/printing.ts): silent on a named or the default printer, or the OS dialog. */
  print(options: { silent: boolean; deviceName?: string }, callback: (success: boolean, failureReason: string) => void): void;
  /** The OS's printers, checked before a silent job (no print-to-file printer may receive it). */
  getPrintersAsync(): Promise<{ name: string }[]>;
  isLoading(): boolean;
  reload(): void;
  /** Zoom of this view only (1 = 100 %); Chromium keeps it per origin, so it is set again after each navigation. */
  setZoomFactor(factor: number): void;
  readonly navigationHistory: { canGoBack(): boolean; canGoForward(): boolean; goBack(): void; goForward(): void };
}

/** A citizen's session as the wiring uses it: guards, clears, and the cookie canary. */
export interface CitizenSessionPort extends SiteSessionPort, PairingSession {
  cookies: { set(details: { url: string; name: string; value: string; secure: boolean; httpOnly: boolean }): Promise<void> };
}

export interface SiteViewHandle {
  readonly contents: SiteContents;
  readonly session: CitizenSessionPort;
  setBounds(rect: Rect): void;
  setVisible(visible: boolean): void;
  /** Takes the view out of the window and closes its webContents without a beforeunload prompt. */
  close(): void;
}

export interface SiteViewFactory {
  /** A new WebContentsView in the given in-memory partition, added to the window, hidden. */
  create(partition: string): SiteViewHandle;
}

export interface KioskWindowPort {
  contentSize(): { width: number; height: number };
  onResize(listener: () => void): void;
  /** Pushes the status to the UI (STATUS_CHANNEL). */
  sendStatus(status: KioskStatus): void;
  /** Keyboard focus to the UI view (the staff panel opened from the site view). */
  focusUi(): void;
}
