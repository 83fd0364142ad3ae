// Runtime Electron adapter (tests never import this file): app-wide settings before and after ready.
import path from 'node:path';
import { app, Menu, protocol } from 'electron';
import type { ResolvedPolicyPaths } from '../../src/policy/resolve-paths';
import { appSchemePrivileges } from '../../src/shell/security-settings';

/**
 * Before ready: the sandbox for every renderer, the app:// scheme, and Chromium's files moved into
 * the policy's session-data root (crash dumps too), which the shift wipe empties. Without a valid
 * policy the paths stay Electron's defaults: the out-of-service screen stores nothing of a citizen.
 */
export function prepareBeforeReady(roots: ResolvedPolicyPaths | null): void {
  if (app.isReady()) throw new Error('the kiosk must be prepared before Electron is ready (userData, app:// scheme)');
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  if (roots) {
    app.setPath('userData', roots.sessionData);
    app.setPath('sessionData', roots.sessionData);
    app.setPath('crashDumps', path.join(roots.sessionData, 'Crashpad'));
  }
}

/** After ready: no menu (so no default accelerators), and refusals for every webContents ever made. */
export function hardenApp(): void {
  Menu.setApplicationMenu(null);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  // Electron would pick the first client certificate by itself; a kiosk never chooses one for a citizen.
  app.on('select-client-certificate', (event, _contents, _url, _list, callback) => {
    event.preventDefault();
    callback();
  });
  // Every webContents' HTTP sign-in box and certificate prompt ends here too: cancelled, never trusted.
  app.on('login', (event, _contents, _details, _authInfo, callback) => {
    event.preventDefault();
    callback();
  });
  app.on('certificate-error', (event, _contents, _url, _error, _certificate, callback) => {
    event.preventDefault();
    callback(false);
  });
}
