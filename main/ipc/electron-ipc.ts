// Runtime Electron adapter (tests never import this file): the only place ipcMain is used.
import { ipcMain } from 'electron';
import { channels, type createIpcDispatcher } from './dispatch';
import { siteChannels, type createSiteDispatcher } from './site-dispatch';

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
