import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { wantedFuses } from '../../../src/shell/fuses';
import {
  appSchemePrivileges,
  kioskWindowOptions,
  siteDisabledBlinkFeatures,
  siteSessionGuards,
  siteWebPreferences,
  siteWebRtcIpHandlingPolicy,
  uiWebPreferences,
  UI_ENTRY_URL,
} from '../../../src/shell/security-settings';

const kiosk = { dev: false };
const dev = { dev: true };
const locked = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
  enableWebSQL: false,
  plugins: false,
  safeDialogs: true,
};

describe('webPreferences', () => {
  it('locks down the UI: isolated, sandboxed, no Node, preload only, no dialogs, no devtools', () => {
    const prefs = uiWebPreferences(kiosk, '/app/dist/main/ipc/preload.js');
    expect(prefs).toMatchObject({ ...locked, devTools: false, preload: '/app/dist/main/ipc/preload.js', disableDialogs: true });
    expect(prefs.partition).toBeUndefined();
  });

  it('locks down a site view: the given in-memory partition, the sandboxed print preload in every frame, no Node, no devtools', () => {
    const prefs = siteWebPreferences(kiosk, 'citizen-4f1a', '/app/site-preload.js');
    // nodeIntegrationInSubFrames only makes the (sandboxed) preload run in sub-frames too.
    expect(prefs).toMatchObject({ ...locked, nodeIntegrationInSubFrames: true, devTools: false, partition: 'citizen-4f1a', preload: '/app/site-preload.js' });
    expect(prefs).toMatchObject({ sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, contextIsolation: true });
  });

  it('a site view has the File System Access pickers and the other OS-dialog Blink features disabled (names proven in test/browser/blink-features.test.ts)', () => {
    const names = (siteWebPreferences(kiosk, 'x', '/app/site-preload.js').disableBlinkFeatures ?? '').split(',');
    expect(names).toContain('FileSystemAccessLocal');
    expect(names).toEqual([...siteDisabledBlinkFeatures]);
    expect(uiWebPreferences(kiosk, '/p.js').disableBlinkFeatures).toBeUndefined();
  });

  it('refuses a persistent partition for a citizen', () => {
    expect(() => siteWebPreferences(kiosk, 'persist:citizen', '/app/site-preload.js')).toThrow(/in memory/);
  });

  it('allows devtools only in development, and changes nothing else there', () => {
    const ui = uiWebPreferences(dev, '/p.js');
    const site = siteWebPreferences(dev, 'x', '/app/site-preload.js');
    expect(ui.devTools).toBe(true);
    expect(site.devTools).toBe(true);
    expect({ ...ui, devTools: false }).toEqual(uiWebPreferences(kiosk, '/p.js'));
    expect({ ...site, devTools: false }).toEqual(siteWebPreferences(kiosk, 'x', '/app/site-preload.js'));
  });
});

describe('kioskWindowOptions', () => {
  it('is a frameless full-screen kiosk window, on top and not closable', () => {
    expect(kioskWindowOptions(kiosk)).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      alwaysOnTop: true,
      closable: false,
      minimizable: false,
      maximizable: false,
      resizable: false,
      movable: false,
      show: false,
    });
  });
  it('in development stays full screen but can be closed and is not pinned on top', () => {
    expect(kioskWindowOptions(dev)).toMatchObject({ kiosk: true, frame: false, alwaysOnTop: false, closable: true });
  });
});

describe('app:// scheme', () => {
  it('is standard and secure (module scripts load) with no CSP bypass or service workers', () => {
    expect(appSchemePrivileges).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, bypassCSP: false, allowServiceWorkers: false, stream: false, codeCache: false },
    });
    expect(UI_ENTRY_URL).toBe('app://kiosk/index.html');
  });
});

describe('siteSessionGuards', () => {
  it('denies devices, screen capture and client certificates, and follows the policy elsewhere', () => {
    expect(siteSessionGuards).toEqual({
      spellChecker: false,
      permissions: 'policy',
      devices: 'deny',
      displayMedia: 'deny',
      clientCertificates: 'none',
      frameRequests: 'policy',
      downloads: 'session-folder',
      localNetwork: 'deny-unless-named',
    });
  });

  it('keeps WebRTC off the local network: UDP only through a proxy', () => {
    expect(siteWebRtcIpHandlingPolicy).toBe('disable_non_proxied_udp');
  });
});

describe('wantedFuses', () => {
  it('names every fuse @electron/fuses knows, and nothing else', () => {
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(wantedFuses).sort()).toEqual(known.sort());
  });
  it('turns off every way into the main process and requires the packaged, verified asar', () => {
    expect(wantedFuses).toMatchObject({
      RunAsNode: false,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      GrantFileProtocolExtraPrivileges: false,
      OnlyLoadAppFromAsar: true,
      EnableEmbeddedAsarIntegrityValidation: true,
      EnableCookieEncryption: true,
    });
  });
});
