import type { KioskApi } from '../src/ipc/contract.js';

declare global {
  interface Window {
    /** Exposed by the preload (contextBridge); the only way this page reaches the main process. */
    readonly kiosk?: KioskApi;
  }
}

/** The preload's API, or a clear failure: without it the page can do nothing and must say so. */
export function kioskApi(): KioskApi {
  const api = window.kiosk;
  if (!api) throw new Error('window.kiosk is missing: the kiosk UI must be loaded by the kiosk shell with its preload.');
  return api;
}
