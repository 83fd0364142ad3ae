import path from 'node:path';
import type { KioskStatus } from '../../src/ipc/contract';
import type { Policy } from '../../src/policy/schema';
import type { Cancelable } from '../../src/schedule/clock';
import { isStaffShortcut } from '../../src/shell/shortcuts';
import { nextZoom, zoomShortcut, ZOOM_DEFAULT_PERCENT, type ZoomAction } from '../../src/shell/zoom';
import { siteViewBounds, UI_TOOLBAR_HEIGHT_PX } from '../../src/shell/view-layout';
import type { ContentVerdict } from '../../src/shell/download-content';
import type { BlockedAuditRecord } from '../../src/audit/record-types';
import { SessionRefusals, type SessionMode } from '../../src/blocked-journal/session-refusals';
import type { RequestType } from '../../src/shell/requests';
import { attachContentsGuards } from '../site/contents-guards';
import { attachDownloadGuard, type ActiveDownloads, type DownloadNotice } from '../site/download-guard';
import { attachRefusals } from '../site/refusals';
import { installSessionGuards } from '../site/session-guards';
import type { CitizenSessionPort, KioskWindowPort, SiteViewFactory, SiteViewHandle } from './ports';

/**
 * The one site view: created for a citizen's fresh partition with every guard installed before the
 * first page loads, sized below the toolbar, shown only when the UI says nothing is over it, and
 * closed (with its downloads cancelled) before the partition is cleared. At most one exists.
 */

export interface SiteViewEvents {
  crashed(sessionId: string, reason: string): void;
  pageChanged(): void;
  notice(notice: NonNullable<KioskStatus['notice']>): void;
  activity(): void;
  /** Ctrl+P in the site view (the page's window.print() arrives through the site preload's channel). */
  printRequested(): void;
  /** The staff shortcut, caught before the page sees it. */
  staffShortcut(): void;
  /** The renderer stayed unresponsive for SITE_UNRESPONSIVE_MS. */
  hung(sessionId: string): void;
}

export interface SiteViewManagerDeps {
  factory: SiteViewFactory;
  window: Pick<KioskWindowPort, 'contentSize' | 'onResize'>;
  policy(): Policy;
  downloadsRoot: string;
  fileExists(dir: string, name: string): boolean;
  ensureDir(dir: string): void;
  checkDownload(file: string, extension: string): ContentVerdict;
  removeFile(file: string): void;
  events: SiteViewEvents;
  setTimer(delayMs: number, callback: () => void): Cancelable;
  log(message: string): void;
  /** The session's blocked-host record, written to the audit log (and forwarded) when its view closes. */
  appendRecord?(record: BlockedAuditRecord): Promise<void>;
  now?(): Date;
}

interface OpenView {
  sessionId: string;
  view: SiteViewHandle;
  downloads: ActiveDownloads;
  /** Per view: a new session's view starts at 100 %. */
  zoomPercent: number;
  refusals: SessionRefusals;
}

const requestKinds = { 'main-frame': 'navigation', 'sub-frame': 'frame', subresource: 'subresource', websocket: 'websocket' } as const satisfies Record<RequestType, string>;

export class SiteViewManager {
  private current: OpenView | null = null;
  private visible = false;

  constructor(private readonly deps: SiteViewManagerDeps) {
    deps.window.onResize(() => this.layout());
  }

  get openSessionId(): string | null {
    return this.current?.sessionId ?? null;
  }

  /**
   * Creates the view in the session's partition (the partition name is also the session id). A
   * rehearsal's guards let through, and count, what only the allowlist refuses.
   */
  open(partition: string, mode: SessionMode = 'citizen'): SiteViewHandle {
    if (this.current) throw new Error('a site view is already open: the previous session must be closed first');
    const { deps } = this;
    const view = deps.factory.create(partition);
    const sessionId = partition;
    const refusals = new SessionRefusals(mode);
    installSessionGuards(view.session, deps.policy, (url, verdict, type) => refusals.refused(requestKinds[type], url, verdict));
    const downloads = attachDownloadGuard(view.session, {
      policy: deps.policy,
      root: deps.downloadsRoot,
      sessionId,
      exists: (name) => deps.fileExists(path.join(deps.downloadsRoot, sessionId), name),
      ensureDir: deps.ensureDir,
      checkContent: deps.checkDownload,
      removeFile: deps.removeFile,
      notify: (n: DownloadNotice) => deps.events.notice({ kind: n.kind, ...(n.extension ? { detail: n.extension } : {}) }),
      refused: (url) => refusals.downloadRefused(url),
    });
    const contents = view.contents;
    // First listener on before-input-event: the staff shortcut never reaches the page.
    contents.on('before-input-event', (event, input) => {
      if (!isStaffShortcut(input)) return;
      event.preventDefault();
      if (input.type !== 'keyUp') deps.events.staffShortcut();
    });
    // Ctrl+= / Ctrl+- / Ctrl+0 zoom the site; the page never sees them.
    contents.on('before-input-event', (event, input) => {
      const action = zoomShortcut(input);
      if (action === undefined) return;
      event.preventDefault();
      if (input.type !== 'keyUp' && this.zoom(action)) deps.events.pageChanged();
    });
    // Chromium keeps zoom per origin: the citizen's choice follows them to the next site.
    contents.on('did-navigate', () => {
      if (this.current?.view === view && this.current.zoomPercent !== ZOOM_DEFAULT_PERCENT) contents.setZoomFactor(this.current.zoomPercent / 100);
    });
    attachContentsGuards(view.contents, deps.policy, {
      blocked: (kind, url, verdict, isMainFrame) => {
        const journalKind = kind === 'window-open' ? 'popup' : isMainFrame === false ? 'frame' : 'navigation';
        if (refusals.refused(journalKind, url, verdict)) return true;
        deps.events.notice({ kind: 'site-blocked' });
        return false;
      },
      shortcutBlocked: (shortcut) => {
        if (shortcut.purpose === 'print') deps.events.printRequested();
      },
    });
    attachRefusals(contents, view.session, {
      notice: (kind) => deps.events.notice({ kind }),
      hung: () => {
        if (this.current?.view === view) deps.events.hung(sessionId);
      },
      setTimer: deps.setTimer,
      log: deps.log,
    });
    contents.on('render-process-gone', (_event, details) => {
      if (this.current?.view === view) deps.events.crashed(sessionId, details.reason);
    });
    for (const event of ['page-title-updated', 'did-navigate', 'did-navigate-in-page', 'did-start-loading', 'did-stop-loading'] as const) {
      contents.on(event, () => deps.events.pageChanged());
    }
    contents.on('before-input-event', () => deps.events.activity());
    contents.on('before-mouse-event', (_event, mouse) => {
      if (mouse.type === 'mouseDown' || mouse.type === 'mouseWheel') deps.events.activity();
    });
    this.current = { sessionId, view, downloads, zoomPercent: ZOOM_DEFAULT_PERCENT, refusals };
    this.layout();
    return view;
  }

  /** Closes the view of that session; returns its Electron session for the clears, or null if none. */
  close(sessionId: string): CitizenSessionPort | null {
    const open = this.current;
    if (!open || open.sessionId !== sessionId) return null;
    this.current = null;
    open.downloads.cancelAll();
    this.writeJournal(open);
    open.view.setVisible(false);
    open.view.close();
    return open.view.session;
  }

  /** The open site view's webContents id (the only sender the site channel accepts), or null. */
  contentsId(): number | null {
    return this.current?.view.contents.id ?? null;
  }

  /** The OS's printer names, as the open site view sees them (empty when no view is open). */
  async printers(): Promise<string[]> {
    const contents = this.current?.view.contents;
    return contents ? (await contents.getPrintersAsync()).map((printer) => printer.name) : [];
  }

  /** Prints the open site view's page; false when no view is open. */
  print(options: { silent: boolean; deviceName?: string }, done: (success: boolean) => void): boolean {
    const contents = this.current?.view.contents;
    if (!contents) return false;
    contents.print(options, (success) => done(success));
    return true;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.layout();
  }

  navigate(action: 'back' | 'forward' | 'home' | 'reload', homeUrl: string): boolean {
    const contents = this.current?.view.contents;
    if (!contents) return false;
    const history = contents.navigationHistory;
    if (action === 'back' && history.canGoBack()) history.goBack();
    else if (action === 'forward' && history.canGoForward()) history.goForward();
    else if (action === 'reload') contents.reload();
    else if (action === 'home') contents.loadURL(homeUrl).catch(() => undefined);
    return true;
  }

  /** Zooms the open site view a step (50–200 %) or back to 100 %; false when no view is open. */
  zoom(action: ZoomAction): boolean {
    const open = this.current;
    if (!open) return false;
    open.zoomPercent = nextZoom(open.zoomPercent, action);
    open.view.contents.setZoomFactor(open.zoomPercent / 100);
    return true;
  }

  /** What the toolbar shows: the host and title only, never the full URL (no personal data). */
  siteInfo(): KioskStatus['site'] {
    const contents = this.current?.view.contents;
    if (!contents) return undefined;
    const host = URL.canParse(contents.getURL()) ? new URL(contents.getURL()).hostname : '';
    const history = contents.navigationHistory;
    const zoomPercent = this.current?.zoomPercent ?? ZOOM_DEFAULT_PERCENT;
    return { host, title: contents.getTitle(), canGoBack: history.canGoBack(), canGoForward: history.canGoForward(), loading: contents.isLoading(), zoomPercent };
  }

  /** Written before the wipe's own record; a failure is logged and never holds up the wipe. */
  private writeJournal(open: OpenView): void {
    const record = open.refusals.record(open.sessionId, this.deps.now?.() ?? new Date());
    if (!record || !this.deps.appendRecord) return;
    this.deps.appendRecord(record).catch((error: unknown) => this.deps.log(`blocked-host record not written: ${error instanceof Error ? error.message : String(error)}`));
  }

  private layout(): void {
    const open = this.current;
    if (!open) return;
    open.view.setBounds(siteViewBounds(this.deps.window.contentSize(), UI_TOOLBAR_HEIGHT_PX));
    open.view.setVisible(this.visible);
  }
}
