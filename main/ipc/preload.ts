// The kiosk UI's preload. It runs sandboxed: it may require only 'electron' (and a few built-ins),
// never another project file, so it imports nothing but TYPES from the contract and spells the
// channel names as literals the compiler checks against `Channel`. It exposes exactly KioskApi:
// one named function per channel, no generic invoke, no ipcRenderer, no event objects.
import { contextBridge, ipcRenderer } from 'electron';
import type { Channel, ChannelArgs, ChannelResults, KioskApi, KioskStatus, STATUS_CHANNEL } from '../../src/ipc/contract';

function invoke<C extends Channel>(channel: C, ...args: ChannelArgs<C>): Promise<ChannelResults[C]> {
  return ipcRenderer.invoke(channel, ...args) as Promise<ChannelResults[C]>;
}

const statusChannel: typeof STATUS_CHANNEL = 'kiosk:status';

const api: KioskApi = {
  getStatus: () => invoke('kiosk:get-status'),
  startSession: (serviceIndex) => invoke('kiosk:start-session', serviceIndex),
  endSession: () => invoke('kiosk:end-session'),
  stillHere: () => invoke('kiosk:still-here'),
  navigate: (action) => invoke('kiosk:navigate', action),
  setLanguage: (language) => invoke('kiosk:set-language', language),
  zoom: (action) => invoke('kiosk:zoom', action),
  staffSignIn: (staffId, secret, otp) => invoke('staff:sign-in', staffId, secret, otp),
  staffSignOut: () => invoke('staff:sign-out'),
  forceWipe: () => invoke('staff:force-wipe'),
  recentWipes: () => invoke('staff:recent-wipes'),
  compliance: () => invoke('staff:compliance'),
  changePassword: (current, next) => invoke('staff:change-password', current, next),
  adminAction: (action, otp) => invoke('staff:admin-action', action, otp),
  blockedToday: () => invoke('staff:blocked-today'),
  setStaffPanelOpen: (open) => invoke('kiosk:staff-panel', open),
  onStatus(listener) {
    // The page gets the status only, never the IpcRendererEvent (it carries a sender handle).
    const forward = (_event: unknown, status: KioskStatus): void => listener(status);
    ipcRenderer.on(statusChannel, forward);
    return () => {
      ipcRenderer.removeListener(statusChannel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('kiosk', api);
