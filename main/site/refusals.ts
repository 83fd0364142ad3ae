import type { Cancelable } from '../../src/schedule/clock';
import { SITE_UNRESPONSIVE_MS } from '../../src/shell/site-faults';
import type { Preventable } from './ports';

/**
 * What a site view refuses, explicitly, so no native chooser, sign-in box or certificate prompt is
 * ever shown and nothing is chosen on a citizen's behalf: Bluetooth device choice and pairing, HTTP
 * authentication (a notice says why the sign-in box did not appear), TLS certificate errors (never
 * trusted; both answered app-wide, see below). Client certificates are refused app-wide (main/electron/app-setup.ts: Electron passes
 * every webContents' request on to app, whose handler answers with no certificate). A renderer unresponsive for SITE_UNRESPONSIVE_MS ends the session.
 */
export interface RefusingContents {
  on(event: 'select-bluetooth-device', listener: (event: Preventable, devices: unknown[], callback: (deviceId: string) => void) => void): unknown;
  on(event: 'login', listener: (event: Preventable, details: unknown, authInfo: unknown, callback: (username?: string, password?: string) => void) => void): unknown;
  on(
    event: 'certificate-error',
    listener: (event: Preventable, url: string, error: string, certificate: unknown, callback: (isTrusted: boolean) => void, isMainFrame: boolean) => void,
  ): unknown;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
}

export interface PairingSession {
  setBluetoothPairingHandler(handler: ((details: unknown, callback: (response: { confirmed: boolean }) => void) => void) | null): void;
}

export interface RefusalEvents {
  notice(kind: 'login-refused' | 'certificate-refused'): void;
  /** The renderer stayed unresponsive: end the session (with its wipe). */
  hung(): void;
  setTimer(delayMs: number, callback: () => void): Cancelable;
  log(message: string): void;
}

export function attachRefusals(contents: RefusingContents, session: PairingSession, events: RefusalEvents): void {
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
  session.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }));
  // HTTP sign-in and certificate errors reach both this webContents and `app` (Electron forwards one to
  // the other, with the same one-time callback). The app-wide handlers (main/electron/app-setup.ts)
  // answer — cancel, never trust — exactly once; answering here too would call it twice. Here: the
  // default is prevented all the same, and the citizen is told why nothing appeared.
  contents.on('login', (event) => {
    event.preventDefault();
    events.notice('login-refused');
  });
  contents.on('certificate-error', (event, _url, error, _certificate, _callback, isMainFrame) => {
    event.preventDefault();
    events.log(`certificate error refused (${error})`);
    if (isMainFrame) events.notice('certificate-refused');
  });
  let hungTimer: Cancelable | null = null;
  contents.on('unresponsive', () => {
    if (hungTimer) return;
    events.log(`the site view is unresponsive; ending the session if it stays so for ${SITE_UNRESPONSIVE_MS / 1000} s`);
    hungTimer = events.setTimer(SITE_UNRESPONSIVE_MS, () => {
      hungTimer = null;
      events.hung();
    });
  });
  contents.on('responsive', () => {
    hungTimer?.cancel();
    hungTimer = null;
  });
}
