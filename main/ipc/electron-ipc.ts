// Runtime Electron adapter (tests never import this file): the only place ipcMain is used.
import { ipcMain } from 'electron';
import { channels, type createIpcDispatcher } from './dispatch';
import { SITE_PRINT_STARTING_CHANNEL } from '../../src/ipc/contract';
import { siteChannels, type createSiteDispatcher } from './site-dispatch';
import type { createSitePrintGate } from './site-print-gate';

/** Registers one invoke handler per contract channel, each going through the dispatcher's checks. */
export function registerIpcHandlers(dispatch: ReturnType<typeof createIpcDispatcher>): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatch(channel, event, args));
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** The site view's channel: ipcMain.on (fire and forget), every message through the site dispatcher. */
export function registerSiteIpc(dispatch: ReturnType<typeof createSiteDispatcher>): () => void {
  const listeners = siteChannels.map((channel) => {
    const listener = (event: Electron.IpcMainEvent, ...args: unknown[]): void => dispatch(channel, event, args);
    ipcMain.on(channel, listener);
    return { channel, listener };
  });
  return () => {
    for (const { channel, listener } of listeners) ipcMain.removeListener(channel, listener);
  };
}

/** The site preload's synchronous print-starting message (ipcMain.on: the sender waits for returnValue). */
export function registerSitePrintGate(gate: ReturnType<typeof createSitePrintGate>): () => void {
  const listener = (event: Electron.IpcMainEvent): void => gate(event);
  ipcMain.on(SITE_PRINT_STARTING_CHANNEL, listener);
  return () => void ipcMain.removeListener(SITE_PRINT_STARTING_CHANNEL, listener);
}
