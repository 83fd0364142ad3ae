import type { KeyInput } from '../../src/shell/shortcuts';

/**
 * The narrow pieces of Electron the site-view wiring touches. Real WebContents / Session /
 * DownloadItem objects satisfy them (checked by tsc where main/electron/ passes them in); tests pass
 * small fakes. Event shapes follow electron.d.ts (Electron 45).
 */

export interface Preventable {
  preventDefault(): void;
}

/** will-navigate / will-frame-navigate / will-redirect: the first listener argument. */
export interface NavigationEvent extends Preventable {
  url: string;
  isMainFrame: boolean;
}

export interface GuardedContents {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  on(event: 'before-input-event', listener: (event: Preventable, input: KeyInput) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  setWebRTCIPHandlingPolicy(policy: 'default' | 'default_public_interface_only' | 'default_public_and_private_interfaces' | 'disable_non_proxied_udp'): void;
  loadURL(url: string): Promise<void>;
}

/**
 * What planting the storage canaries needs from a site view's webContents: the main-frame load
 * events and a script run in an isolated world (Electron 45: executeJavaScriptInIsolatedWorld).
 */
export interface ScriptableContents {
  on(event: 'did-start-loading' | 'did-finish-load', listener: () => void): unknown;
  on(event: 'did-fail-load', listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void): unknown;
  getURL(): string;
  executeJavaScriptInIsolatedWorld(worldId: number, scripts: { code: string }[]): Promise<unknown>;
}

export interface PermissionRequestDetails {
  requestingUrl?: string;
  isMainFrame?: boolean;
}

export interface PermissionCheckDetails {
  requestingUrl?: string;
  embeddingOrigin?: string;
  isMainFrame: boolean;
}

export interface DownloadItemPort {
  getFilename(): string;
  /** The download's URL: only its host is kept (the blocked-host journal). */
  getURL(): string;
  getTotalBytes(): number;
  getReceivedBytes(): number;
  setSavePath(path: string): void;
  cancel(): void;
  on(event: 'updated', listener: (event: unknown, state: 'progressing' | 'interrupted') => void): unknown;
  on(event: 'done', listener: (event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void): unknown;
}

export interface RequestDetails {
  url: string;
  resourceType: string;
}

/** A citizen's Electron session: the guards installed on it and the clears run when it ends. */
export interface SiteSessionPort {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionRequestDetails) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string, details: PermissionCheckDetails) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
  setDisplayMediaRequestHandler(handler: (request: unknown, callback: (streams: null) => void) => void): void;
  setSpellCheckerEnabled(enable: boolean): void;
  on(event: 'will-download', listener: (event: Preventable, item: DownloadItemPort) => void): unknown;
  on(event: 'select-hid-device' | 'select-usb-device', listener: (event: Preventable, details: unknown, callback: (deviceId?: string | null) => void) => void): unknown;
  on(event: 'select-serial-port', listener: (event: Preventable, ports: unknown, contents: unknown, callback: (portId: string) => void) => void): unknown;
  webRequest: {
    onBeforeRequest(listener: (details: RequestDetails, callback: (response: { cancel: boolean }) => void) => void): void;
  };
  clearData(): Promise<void>;
  clearCache(): Promise<void>;
  clearAuthCache(): Promise<void>;
  clearCodeCaches(options: { urls: string[] }): Promise<void>;
  clearHostResolverCache(): Promise<void>;
  closeAllConnections(): Promise<void>;
}
