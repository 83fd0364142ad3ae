import { describe, expect, it, vi } from 'vitest';
import { createKioskWindow } from '../../../main/electron/kiosk-window';
import { siteDisabledBlinkFeatures } from '../../../src/shell/security-settings';

/** main/electron/kiosk-window.ts with BaseWindow and WebContentsView replaced by fakes (vi.mock). */
const fake = vi.hoisted(() => {
  type Listener = (...args: never[]) => unknown;
  class Emitter {
    private listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string, ...args: unknown[]): boolean {
      const list = this.listeners.get(event) ?? [];
      for (const listener of list) (listener as (...a: unknown[]) => unknown)(...args);
      return list.length > 0;
    }
    removeAllListeners(): this {
      this.listeners.clear();
      return this;
    }
  }
  class FakeContents extends Emitter {
    static next = 1;
    id = FakeContents.next++;
    destroyed = false;
    closed: unknown[] = [];
    focused = 0;
    sent: unknown[][] = [];
    constructor(readonly session: { isPersistent(): boolean; storagePath: string | null }) {
      super();
    }
    isDestroyed() {
      return this.destroyed;
    }
    close(options?: unknown) {
      this.closed.push(options);
    }
    focus() {
      this.focused += 1;
    }
    send(...args: unknown[]) {
      this.sent.push(args);
    }
  }
  const state = {
    persistentSiteSession: false,
    windows: [] as FakeWindow[],
    views: [] as FakeView[],
  };
  class FakeView {
    webContents: FakeContents;
    visible = true;
    bounds: unknown;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      const prefs = options.webPreferences;
      const persistent = typeof prefs['partition'] === 'string' && state.persistentSiteSession;
      this.webContents = new FakeContents({ isPersistent: () => persistent, storagePath: persistent ? '/x/Partitions/p' : null });
      state.views.push(this);
    }
    setVisible(v: boolean) {
      this.visible = v;
    }
    setBounds(b: unknown) {
      this.bounds = b;
    }
  }
  class FakeWindow extends Emitter {
    children: FakeView[] = [];
    onTop: unknown[] = [];
    closable: boolean;
    contentView = {
      addChildView: (v: FakeView) => void this.children.push(v),
      removeChildView: (v: FakeView) => void (this.children = this.children.filter((c) => c !== v)),
    };
    constructor(readonly options: Record<string, unknown>) {
      super();
      this.closable = options['closable'] === true;
      state.windows.push(this);
    }
    setAlwaysOnTop(...args: unknown[]) {
      this.onTop.push(args);
    }
    setClosable(c: boolean) {
      this.closable = c;
    }
    getContentBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 };
    }
    show() {}
    focus() {}
  }
  return { state, FakeWindow, FakeView };
});
vi.mock('electron', () => ({ BaseWindow: fake.FakeWindow, WebContentsView: fake.FakeView }));

const preloads = { ui: '/app/dist/main/ipc/preload.js', site: '/app/dist/main/ipc/site-preload.js' };
const uiSession = {} as never;

function closeAttempt(window: InstanceType<typeof fake.FakeWindow>): boolean {
  let prevented = false;
  window.emit('close', { preventDefault: () => void (prevented = true) });
  return prevented;
}

describe('createKioskWindow', () => {
  it('a kiosk window: on top at screen-saver level, and no close gets through until the admin exit allows it', () => {
    const kiosk = createKioskWindow({ dev: false }, preloads, uiSession);
    const window = fake.state.windows.at(-1)!;
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, closable: false });
    expect(window.onTop).toEqual([[true, 'screen-saver']]);
    expect(closeAttempt(window)).toBe(true);
    kiosk.allowClose();
    expect(window.closable).toBe(true);
    expect(closeAttempt(window)).toBe(false);
  });

  it('development: closable, not pinned on top', () => {
    createKioskWindow({ dev: true }, preloads, uiSession);
    const window = fake.state.windows.at(-1)!;
    expect(window.onTop).toEqual([]);
    expect(closeAttempt(window)).toBe(false);
  });

  it('the UI view has the UI preload; a site view the site preload, its partition, the disabled Blink features, and starts hidden', () => {
    const kiosk = createKioskWindow({ dev: false }, preloads, uiSession);
    const ui = fake.state.views.at(-1)!;
    expect(ui.options.webPreferences).toMatchObject({ preload: preloads.ui, sandbox: true, contextIsolation: true, session: uiSession });
    const handle = kiosk.siteViews.create('citizen-7');
    const site = fake.state.views.at(-1)!;
    expect(site.options.webPreferences).toMatchObject({
      partition: 'citizen-7',
      preload: preloads.site,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: siteDisabledBlinkFeatures.join(','),
    });
    expect(site.visible).toBe(false);
    expect(handle.contents.id).toBe(site.webContents.id);
    handle.close();
    expect(fake.state.windows.at(-1)!.children).not.toContain(site);
    expect(site.webContents.closed).toEqual([{ waitForBeforeUnload: false }]);
  });

  it('refuses (and closes) a site view whose session turned out persistent: a citizen is never written to Partitions/', () => {
    const kiosk = createKioskWindow({ dev: false }, preloads, uiSession);
    fake.state.persistentSiteSession = true;
    try {
      expect(() => kiosk.siteViews.create('citizen-8')).toThrow(/persistent/);
      expect(fake.state.views.at(-1)!.webContents.closed).toHaveLength(1);
    } finally {
      fake.state.persistentSiteSession = false;
    }
  });

  it('pushes the status to the UI and focuses it on request (the staff panel opened from the site view)', () => {
    const kiosk = createKioskWindow({ dev: false }, preloads, uiSession);
    const ui = fake.state.views.find((v) => v.webContents === (kiosk.ui.webContents as unknown))!;
    kiosk.port.focusUi();
    kiosk.port.sendStatus({ state: 'welcome' } as never);
    expect(ui.webContents.focused).toBe(1);
    expect(ui.webContents.sent).toEqual([['kiosk:status', { state: 'welcome' }]]);
  });
});
