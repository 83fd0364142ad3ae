import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hardenApp, prepareBeforeReady } from '../../../main/electron/app-setup';
import { preventable } from '../fakes';

/**
 * main/electron/app-setup.ts with 'electron' replaced by fakes (vi.mock): the real adapter code runs,
 * no Electron binary is needed, and every refusal it installs is exercised.
 */
const fake = vi.hoisted(() => {
  type Listener = (...args: never[]) => unknown;
  class Emitter {
    private listeners = new Map<string, Listener[]>();
    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string, ...args: unknown[]): boolean {
      const list = this.listeners.get(event) ?? [];
      for (const listener of list) (listener as (...a: unknown[]) => unknown)(...args);
      return list.length > 0;
    }
    removeAllListeners(): this {
      this.listeners.clear();
      return this;
    }
  }
  class FakeApp extends Emitter {
    ready = false;
    sandboxed = false;
    paths: Record<string, string> = {};
    isReady() {
      return this.ready;
    }
    enableSandbox() {
      this.sandboxed = true;
    }
    setPath(name: string, value: string) {
      this.paths[name] = value;
    }
  }
  return { app: new FakeApp(), menus: [] as unknown[], schemes: [] as unknown[] };
});
vi.mock('electron', () => ({
  app: fake.app,
  Menu: { setApplicationMenu: (menu: unknown) => void fake.menus.push(menu) },
  protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => void fake.schemes.push(...schemes) },
}));


beforeEach(() => {
  fake.app.removeAllListeners();
  fake.app.ready = false;
  fake.app.paths = {};
  fake.menus.length = 0;
  fake.schemes.length = 0;
});

describe('prepareBeforeReady', () => {
  it('turns the sandbox on, registers app:// and moves every Chromium path into the session-data root', () => {
    prepareBeforeReady({ sessionData: '/var/lib/pk/session-data', downloads: '/var/lib/pk/downloads', state: '/var/lib/pk/state', extraPaths: [], sessionPaths: [] });
    expect(fake.app.sandboxed).toBe(true);
    expect(fake.schemes).toMatchObject([{ scheme: 'app', privileges: { bypassCSP: false, allowServiceWorkers: false } }]);
    expect(fake.app.paths).toEqual({ userData: '/var/lib/pk/session-data', sessionData: '/var/lib/pk/session-data', crashDumps: '/var/lib/pk/session-data/Crashpad' });
  });

  it('refuses to run once Electron is ready (userData would already be in use)', () => {
    fake.app.ready = true;
    expect(() => prepareBeforeReady(null)).toThrow(/before Electron is ready/);
  });
});

describe('hardenApp', () => {
  it('removes the application menu (no default accelerators)', () => {
    hardenApp();
    expect(fake.menus).toEqual([null]);
  });

  it('every webContents ever created refuses <webview> and popups', () => {
    hardenApp();
    const contents = new EventEmitter() as EventEmitter & { handler?: () => unknown; setWindowOpenHandler(h: () => unknown): void };
    contents.setWindowOpenHandler = (h) => void (contents.handler = h);
    fake.app.emit('web-contents-created', {}, contents);
    const attach = preventable({});
    contents.emit('will-attach-webview', attach);
    expect(attach.prevented).toBe(true);
    expect(contents.handler?.()).toEqual({ action: 'deny' });
  });

  it('never chooses a client certificate, never answers an HTTP sign-in, never trusts a bad certificate', () => {
    hardenApp();
    const answers: unknown[][] = [];
    const record = (...args: unknown[]) => void answers.push(args);
    const cert = preventable({});
    fake.app.emit('select-client-certificate', cert, {}, 'https://x.gov.vn/', [{ subjectName: 'Citizen' }], record);
    const login = preventable({});
    fake.app.emit('login', login, {}, { url: 'https://x.gov.vn/' }, { scheme: 'basic' }, record);
    const tls = preventable({});
    fake.app.emit('certificate-error', tls, {}, 'https://x.gov.vn/', 'net::ERR_CERT_DATE_INVALID', {}, record);
    expect([cert.prevented, login.prevented, tls.prevented]).toEqual([true, true, true]);
    expect(answers).toEqual([[], [], [false]]);
  });
});
