// Runtime Electron adapter (tests never import this file): the kiosk window, its UI view and the
// factory of site views. Every setting comes from src/shell/security-settings.ts.
import { BaseWindow, WebContentsView, type Session } from 'electron';
import { STATUS_CHANNEL, type KioskStatus } from '../../src/ipc/contract';
import { kioskWindowOptions, siteWebPreferences, uiWebPreferences, type ShellMode } from '../../src/shell/security-settings';
import type { KioskWindowPort, SiteViewFactory, SiteViewHandle } from '../kiosk/ports';

export interface KioskWindow {
  port: KioskWindowPort;
  siteViews: SiteViewFactory;
  ui: WebContentsView;
  /** The admin exit (or development mode) may close the window; nothing else can. */
  allowClose(): void;
  show(): void;
}

export function createKioskWindow(mode: ShellMode, preloads: { ui: string; site: string }, uiSession: Session): KioskWindow {
  const window = new BaseWindow(kioskWindowOptions(mode));
  if (!mode.dev) window.setAlwaysOnTop(true, 'screen-saver');
  let closable = mode.dev;
  window.on('close', (event) => {
    if (!closable) event.preventDefault();
  });

  const ui = new WebContentsView({ webPreferences: { ...uiWebPreferences(mode, preloads.ui), session: uiSession } });
  window.contentView.addChildView(ui);
  const size = () => {
    const { width, height } = window.getContentBounds();
    return { width, height };
  };
  const fitUi = () => ui.setBounds({ x: 0, y: 0, ...size() });
  fitUi();
  window.on('resize', fitUi);

  const port: KioskWindowPort = {
    contentSize: size,
    onResize: (listener) => void window.on('resize', listener),
    sendStatus: (status: KioskStatus) => {
      if (!ui.webContents.isDestroyed()) ui.webContents.send(STATUS_CHANNEL, status);
    },
    focusUi: () => {
      if (!ui.webContents.isDestroyed()) ui.webContents.focus();
    },
  };

  const siteViews: SiteViewFactory = {
    create(partition: string): SiteViewHandle {
      const view = new WebContentsView({ webPreferences: siteWebPreferences(mode, partition, preloads.site) });
      const contents = view.webContents;
      // Fail closed: a citizen's session must live in memory only (never under Partitions/ on disk).
      if (contents.session.isPersistent() || contents.session.storagePath !== null) {
        contents.close();
        throw new Error('the site view session is persistent; refusing to use it for a citizen');
      }
      view.setVisible(false);
      // Added after the UI view, so it paints above it (in the strip below the toolbar).
      window.contentView.addChildView(view);
      return {
        contents,
        session: contents.session,
        setBounds: (rect) => view.setBounds(rect),
        setVisible: (visible) => view.setVisible(visible),
        close: () => {
          window.contentView.removeChildView(view);
          if (!contents.isDestroyed()) contents.close({ waitForBeforeUnload: false });
        },
      };
    },
  };

  return {
    port,
    siteViews,
    ui,
    allowClose: () => {
      closable = true;
      window.setClosable(true);
    },
    show: () => {
      window.show();
      window.focus();
    },
  };
}
