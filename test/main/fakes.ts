import { EventEmitter } from 'node:events';
import type { DownloadItemPort, GuardedContents, NavigationEvent, Preventable, SiteSessionPort } from '../../main/site/ports';

/** A preventable event as Electron passes it; `prevented` tells whether a guard called preventDefault. */
export function preventable<T extends object>(fields: T): T & Preventable & { prevented: boolean } {
  const event = {
    ...fields,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
  };
  return event;
}

export class FakeContents extends EventEmitter implements GuardedContents {
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  loaded: string[] = [];
  webRtcIpHandlingPolicy: string | undefined;

  setWebRTCIPHandlingPolicy(policy: string): void {
    this.webRtcIpHandlingPolicy = policy;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }

  navigate(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', url: string, isMainFrame = true): NavigationEvent & { prevented: boolean } {
    const e = preventable({ url, isMainFrame });
    this.emit(event, e);
    return e;
  }
}

export class FakeDownloadItem extends EventEmitter implements DownloadItemPort {
  savePath: string | undefined;
  cancelled = false;
  received = 0;

  constructor(private readonly name: string, private total: number, private readonly url = 'https://thutuc.dichvucong.gov.vn/files/download?id=1') {
    super();
  }

  getFilename(): string {
    return this.name;
  }
  getURL(): string {
    return this.url;
  }
  getTotalBytes(): number {
    return this.total;
  }
  getReceivedBytes(): number {
    return this.received;
  }
  setSavePath(path: string): void {
    this.savePath = path;
  }
  cancel(): void {
    this.cancelled = true;
  }
  progress(received: number, total = this.total): void {
    this.received = received;
    this.total = total;
    this.emit('updated', {}, 'progressing');
  }
}

type Handler<K extends keyof SiteSessionPort> = Parameters<Extract<SiteSessionPort[K], (...a: never[]) => unknown>>[0];

/** Records every guard installed and every clear called, in order; a named clear can be made to fail. */
export class FakeSession extends EventEmitter implements SiteSessionPort {
  calls: string[] = [];
  failing = new Set<string>();
  permissionRequest: Handler<'setPermissionRequestHandler'> | undefined;
  permissionCheck: Handler<'setPermissionCheckHandler'> | undefined;
  deviceCheck: Handler<'setDevicePermissionHandler'> | undefined;
  displayMedia: Handler<'setDisplayMediaRequestHandler'> | undefined;
  beforeRequest: Parameters<SiteSessionPort['webRequest']['onBeforeRequest']>[0] | undefined;
  spellChecker: boolean | undefined;
  webRequest = { onBeforeRequest: (l: NonNullable<FakeSession['beforeRequest']>) => void (this.beforeRequest = l) };

  setPermissionRequestHandler(h: NonNullable<FakeSession['permissionRequest']>): void {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: NonNullable<FakeSession['permissionCheck']>): void {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: NonNullable<FakeSession['deviceCheck']>): void {
    this.deviceCheck = h;
  }
  setDisplayMediaRequestHandler(h: NonNullable<FakeSession['displayMedia']>): void {
    this.displayMedia = h;
  }
  setSpellCheckerEnabled(enable: boolean): void {
    this.spellChecker = enable;
  }
  private async step(name: string, detail = ''): Promise<void> {
    this.calls.push(name + detail);
    if (this.failing.has(name)) throw new Error(`${name} failed`);
  }
  clearData = () => this.step('clearData');
  clearCache = () => this.step('clearCache');
  clearAuthCache = () => this.step('clearAuthCache');
  clearCodeCaches = (options: { urls: string[] }) => this.step('clearCodeCaches', JSON.stringify(options));
  clearHostResolverCache = () => this.step('clearHostResolverCache');
  closeAllConnections = () => this.step('closeAllConnections');
}
