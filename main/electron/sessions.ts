// Runtime Electron adapter (tests never import this file): the UI's session with the app://
// protocol, and the refusals every session gets (the default one too, though nothing uses it).
import { session, type Session } from 'electron';
import { serveAppRequest } from '../../src/shell/app-protocol';
import { APP_SCHEME } from '../../src/shell/security-settings';

/** The UI's own in-memory partition: nothing of the UI is ever written to the session-data root. */
export const UI_PARTITION = 'kiosk-ui';

/** No permission, device, screen capture, spellcheck or download for a session that is not a citizen's. */
export function refuseEverything(ses: Session): void {
  ses.setSpellCheckerEnabled(false);
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  ses.on('will-download', (event) => event.preventDefault());
}

export function createUiSession(uiRoot: string, devTools: boolean): Session {
  const ui = session.fromPartition(UI_PARTITION);
  refuseEverything(ui);
  ui.protocol.handle(APP_SCHEME, async (request) => {
    const answer = await serveAppRequest(uiRoot, { url: request.url, method: request.method });
    return new Response(answer.body === null ? null : new Uint8Array(answer.body), { status: answer.status, headers: answer.headers });
  });
  // The UI loads only its own app:// files (and devtools in development): nothing from the network.
  const local = devTools ? ['app:', 'data:', 'blob:', 'devtools:'] : ['app:', 'data:', 'blob:'];
  ui.webRequest.onBeforeRequest((details, callback) => {
    const scheme = URL.canParse(details.url) ? new URL(details.url).protocol : '';
    callback({ cancel: !local.includes(scheme) });
  });
  return ui;
}

export function hardenDefaultSession(): void {
  refuseEverything(session.defaultSession);
}
