// Runtime Electron adapter (tests never import this file): the only place ipcMain is used.
import { ipcMain } from 'electron';
import { channels, type createIpcDispatcher } from './dispatch';

/** Registers one invoke handler per contract channel, each going through the dispatcher's checks. */
export function registerIpcHandlers(dispatch: ReturnType<typeof createIpcDispatcher>): () => void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => dispatch(channel, event, args));
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
