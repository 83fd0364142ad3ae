// The citizen site view's preload. Sandboxed, in every frame (nodeIntegrationInSubFrames with the
// sandbox on runs the preload per frame and still gives no frame Node). Its one job: replace
// window.print in the frame's main world by a function that sends one argument-less request to
// main, which prints by policy (silently, or not at all) — so no page can open the OS print dialog
// and its "Save as PDF" file browser. It exposes nothing else and imports only TYPES from the contract.
import { contextBridge, ipcRenderer } from 'electron';
import type { SITE_PRINT_CHANNEL } from '../../src/ipc/contract';

const printChannel: typeof SITE_PRINT_CHANNEL = 'site:print';

contextBridge.executeInMainWorld({
  // Serialised and run in the page's world: it sees only its argument, a bridged function.
  func: (requestPrint: () => void) => {
    const print = function print(): void {
      requestPrint();
    };
    // Not writable or configurable: the page cannot put the native print back (it has no copy of it).
    Object.defineProperty(window, 'print', { value: print, writable: false, configurable: false, enumerable: true });
  },
  args: [() => ipcRenderer.send(printChannel)],
});
