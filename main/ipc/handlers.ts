import type { KioskShell } from '../kiosk/kiosk-shell';
import type { StaffDesk } from '../kiosk/staff-desk';
import type { IpcHandlers } from './dispatch';

/**
 * Every contract channel mapped to the one method that serves it. The type is the contract's map,
 * so a channel added to src/ipc/contract.ts without a handler here does not compile.
 */
export function buildIpcHandlers(shell: KioskShell, staff: StaffDesk): IpcHandlers {
  return {
    'kiosk:get-status': async () => shell.status(),
    'kiosk:start-session': (serviceIndex) => shell.startSession(serviceIndex),
    'kiosk:end-session': async () => shell.endSession(),
    'kiosk:still-here': async () => shell.stillHere(),
    'kiosk:navigate': async (action) => shell.navigate(action),
    'kiosk:set-language': async (language) => shell.setLanguage(language),
    'kiosk:zoom': async (action) => shell.zoom(action),
    'kiosk:staff-panel': async (open) => shell.setStaffPanelOpen(open),
    'staff:sign-in': (staffId, secret, otp) => staff.signIn(staffId, secret, otp),
    'staff:sign-out': async () => staff.signOut(),
    'staff:force-wipe': () => staff.forceWipe(),
    'staff:recent-wipes': () => staff.recentWipes(),
    'staff:compliance': () => staff.compliance(),
    'staff:change-password': (current, next) => staff.changePassword(current, next),
    'staff:admin-action': (action, otp) => staff.adminAction(action, otp),
    'staff:blocked-today': () => staff.blockedToday(),
  };
}
