import type { KioskStatus } from '../../../src/ipc/contract';
import type { Rect } from '../../../src/shell/view-layout';
import type { CitizenSessionPort, KioskWindowPort, SiteContents, SiteViewFactory, SiteViewHandle } from '../../../main/kiosk/ports';
import { FakeContents, FakeSession } from '../fakes';

export class FakeSiteContents extends FakeContents {
  url = '';
  title = '';
  back: string[] = [];
  reloads = 0;
  navigationHistory = {
    canGoBack: () => this.back.length > 0,
    canGoForward: () => false,
    goBack: () => void (this.url = this.back.pop() ?? this.url),
    goForward: () => undefined,
  };
  override async loadURL(url: string): Promise<void> {
    await super.loadURL(url);
    if (this.url) this.back.push(this.url);
    this.url = url;
    this.title = `Page ${url}`;
    this.emit('did-navigate', {}, url);
  }
  getURL(): string {
    return this.url;
  }
  getTitle(): string {
    return this.title;
  }
  isLoading(): boolean {
    return false;
  }
  reload(): void {
    this.reloads += 1;
  }
  /** setZoomFactor() calls, in order (1 = 100 %). */
  zoomFactors: number[] = [];
  setZoomFactor(factor: number): void {
    this.zoomFactors.push(factor);
  }
  static nextId = 100;
  readonly id = FakeSiteContents.nextId++;
  /** print() calls; `printResult` answers them (true: the job went to the printer). */
  printed: { silent: boolean; deviceName?: string }[] = [];
  printResult = true;
  holdPrint = false;
  private pendingPrint: (() => void) | null = null;
  print(options: { silent: boolean; deviceName?: string }, callback: (success: boolean, failureReason: string) => void): void {
    this.printed.push(options);
    const answer = () => callback(this.printResult, this.printResult ? '' : 'printer offline');
    if (this.holdPrint) this.pendingPrint = answer;
    else answer();
  }
  installedPrinters = ['HP LaserJet M404'];
  async getPrintersAsync(): Promise<{ name: string }[]> {
    return this.installedPrinters.map((name) => ({ name }));
  }
  finishPrint(): void {
    this.pendingPrint?.();
    this.pendingPrint = null;
  }
  /** Scripts run in isolated worlds; `answerScript` stands in for the page (by default: no answer). */
  isolatedScripts: { worldId: number; code: string }[] = [];
  answerScript: (code: string) => Promise<unknown> = async () => undefined;
  executeJavaScriptInIsolatedWorld(worldId: number, scripts: { code: string }[]): Promise<unknown> {
    for (const { code } of scripts) this.isolatedScripts.push({ worldId, code });
    return this.answerScript(scripts.map((s) => s.code).join('\n'));
  }
}

export class FakeCitizenSession extends FakeSession implements CitizenSessionPort {
  pairingHandler: ((details: unknown, callback: (response: { confirmed: boolean }) => void) => void) | null = null;
  setBluetoothPairingHandler(handler: ((details: unknown, callback: (response: { confirmed: boolean }) => void) => void) | null): void {
    this.pairingHandler = handler;
  }
  cookiesSet: { url: string; name: string; value: string }[] = [];
  cookies = { set: async (c: { url: string; name: string; value: string }) => void this.cookiesSet.push(c) };
}

export class FakeSiteView implements SiteViewHandle {
  readonly contents: FakeSiteContents & SiteContents = new FakeSiteContents() as FakeSiteContents & SiteContents;
  readonly session = new FakeCitizenSession();
  bounds: Rect | undefined;
  visible = false;
  closed = false;
  constructor(readonly partition: string) {}
  setBounds(rect: Rect): void {
    this.bounds = rect;
  }
  setVisible(visible: boolean): void {
    this.visible = visible;
  }
  close(): void {
    this.closed = true;
  }
}

export class FakeSiteViewFactory implements SiteViewFactory {
  created: FakeSiteView[] = [];
  create(partition: string): FakeSiteView {
    const view = new FakeSiteView(partition);
    this.created.push(view);
    return view;
  }
  get last(): FakeSiteView | undefined {
    return this.created.at(-1);
  }
}

export class FakeWindow implements KioskWindowPort {
  sent: KioskStatus[] = [];
  private resize: (() => void) | undefined;
  size = { width: 1280, height: 800 };
  contentSize() {
    return this.size;
  }
  onResize(listener: () => void): void {
    this.resize = listener;
  }
  resizeTo(width: number, height: number): void {
    this.size = { width, height };
    this.resize?.();
  }
  sendStatus(status: KioskStatus): void {
    this.sent.push(status);
  }
  uiFocused = 0;
  focusUi(): void {
    this.uiFocused += 1;
  }
  get last(): KioskStatus | undefined {
    return this.sent.at(-1);
  }
}
