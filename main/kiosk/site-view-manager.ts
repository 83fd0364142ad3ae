import path from 'node:path';
import type { KioskStatus } from '../../src/ipc/contract';
import type { Policy } from '../../src/policy/schema';
import { siteViewBounds, UI_TOOLBAR_HEIGHT_PX } from '../../src/shell/view-layout';
import type { ContentVerdict } from '../../src/shell/download-content';
import { attachContentsGuards } from '../site/contents-guards';
import { attachDownloadGuard, type ActiveDownloads, type DownloadNotice } from '../site/download-guard';
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
}

interface OpenView {
  sessionId: string;
  view: SiteViewHandle;
  downloads: ActiveDownloads;
}

export class SiteViewManager {
  private current: OpenView | null = null;
  private visible = false;

  constructor(private readonly deps: SiteViewManagerDeps) {
    deps.window.onResize(() => this.layout());
  }

  get openSessionId(): string | null {
    return this.current?.sessionId ?? null;
  }

  /** Creates the view in the session's partition (the partition name is also the session id). */
  open(partition: string): SiteViewHandle {
    if (this.current) throw new Error('a site view is already open: the previous session must be closed first');
    const { deps } = this;
    const view = deps.factory.create(partition);
    const sessionId = partition;
    installSessionGuards(view.session, deps.policy, () => undefined);
    const downloads = attachDownloadGuard(view.session, {
      policy: deps.policy,
      root: deps.downloadsRoot,
      sessionId,
      exists: (name) => deps.fileExists(path.join(deps.downloadsRoot, sessionId), name),
      ensureDir: deps.ensureDir,
      checkContent: deps.checkDownload,
      removeFile: deps.removeFile,
      notify: (n: DownloadNotice) => deps.events.notice({ kind: n.kind, ...(n.extension ? { detail: n.extension } : {}) }),
    });
    attachContentsGuards(view.contents, deps.policy, {
      blocked: (kind) => {
        if (kind === 'navigation' || kind === 'window-open') deps.events.notice({ kind: 'site-blocked' });
      },
    });
    const contents = view.contents;
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
    this.current = { sessionId, view, downloads };
    this.layout();
    return view;
  }

  /** Closes the view of that session; returns its Electron session for the clears, or null if none. */
  close(sessionId: string): CitizenSessionPort | null {
    const open = this.current;
    if (!open || open.sessionId !== sessionId) return null;
    this.current = null;
    open.downloads.cancelAll();
    open.view.setVisible(false);
    open.view.close();
    return open.view.session;
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

  /** What the toolbar shows: the host and title only, never the full URL (no personal data). */
  siteInfo(): KioskStatus['site'] {
    const contents = this.current?.view.contents;
    if (!contents) return undefined;
    const host = URL.canParse(contents.getURL()) ? new URL(contents.getURL()).hostname : '';
    const history = contents.navigationHistory;
    return { host, title: contents.getTitle(), canGoBack: history.canGoBack(), canGoForward: history.canGoForward(), loading: contents.isLoading() };
  }

  private layout(): void {
    const open = this.current;
    if (!open) return;
    open.view.setBounds(siteViewBounds(this.deps.window.contentSize(), UI_TOOLBAR_HEIGHT_PX));
    open.view.setVisible(this.visible);
  }
}
