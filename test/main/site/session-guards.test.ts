import { describe, expect, it } from 'vitest';
import { installSessionGuards } from '../../../main/site/session-guards';
import { testPolicy } from '../../src/shell/policy-fixture';
import { FakeSession, preventable } from '../fakes';

function installed() {
  const session = new FakeSession();
  const blocked: string[] = [];
  installSessionGuards(session, () => testPolicy(), (url) => blocked.push(url));
  return { session, blocked };
}

describe('installSessionGuards', () => {
  it('turns the spellchecker off', () => {
    expect(installed().session.spellChecker).toBe(false);
  });

  it('answers permission requests from the policy', () => {
    const { session } = installed();
    const ask = (permission: string, requestingUrl: string) => {
      let answer: boolean | undefined;
      session.permissionRequest?.({}, permission, (granted) => (answer = granted), { requestingUrl, isMainFrame: true });
      return answer;
    };
    expect(ask('media', 'https://thutuc.dichvucong.gov.vn/call')).toBe(true);
    expect(ask('geolocation', 'https://thutuc.dichvucong.gov.vn/call')).toBe(false);
    expect(ask('openExternal', 'https://thutuc.dichvucong.gov.vn/call')).toBe(false);
    expect(ask('notifications', 'https://chat.zalo.me/')).toBe(false);
  });

  it('judges a subframe permission request by its top-level page too, and refuses one whose top level is unknown', () => {
    const { session } = installed();
    const ask = (contents: unknown, requestingUrl: string, isMainFrame?: boolean) => {
      let answer: boolean | undefined;
      session.permissionRequest?.(contents, 'media', (granted) => (answer = granted), isMainFrame === undefined ? { requestingUrl } : { requestingUrl, isMainFrame });
      return answer;
    };
    const page = (url: string) => ({ getURL: () => url });
    const frame = 'https://thutuc.dichvucong.gov.vn/call';
    expect(ask(page('https://thutuc.dichvucong.gov.vn/'), frame, false)).toBe(true);
    // The policy names the frame's host, not the page that embeds it: a hostile page framing the call.
    expect(ask(page('https://evil.example/'), frame, false)).toBe(false);
    expect(ask(page('https://dichvucong.gov.vn/'), frame, false)).toBe(false);
    expect(ask(null, frame, false)).toBe(false);
    expect(ask({}, frame, false)).toBe(false);
    expect(ask(page(''), frame, false)).toBe(false);
    expect(ask({ getURL: () => { throw new Error('destroyed'); } }, frame, false)).toBe(false);
    // Not saying which frame it is counts as a subframe.
    expect(ask(page('https://evil.example/'), frame)).toBe(false);
    expect(ask(page('https://thutuc.dichvucong.gov.vn/'), frame)).toBe(true);
  });

  it('answers permission checks from the policy, including the embedding page', () => {
    const { session } = installed();
    const check = (permission: string, origin: string, embeddingOrigin?: string) =>
      session.permissionCheck?.({}, permission, origin, embeddingOrigin === undefined ? { isMainFrame: true } : { isMainFrame: false, embeddingOrigin });
    expect(check('media', 'https://thutuc.dichvucong.gov.vn')).toBe(true);
    expect(check('media', 'https://thutuc.dichvucong.gov.vn', 'https://evil.example')).toBe(false);
    expect(check('hid', 'https://thutuc.dichvucong.gov.vn')).toBe(false);
    expect(check('clipboard-read', 'https://thutuc.dichvucong.gov.vn')).toBe(false);
  });

  it('refuses devices, device pickers and screen capture', () => {
    const { session } = installed();
    expect(session.deviceCheck?.({ deviceType: 'usb', origin: 'https://thutuc.dichvucong.gov.vn' })).toBe(false);
    let streams: unknown = 'not called';
    session.displayMedia?.({}, (s) => (streams = s));
    expect(streams).toBeNull();
    for (const event of ['select-hid-device', 'select-usb-device'] as const) {
      const e = preventable({});
      let chosen: unknown = 'not called';
      session.emit(event, e, { deviceList: [{ deviceId: 'x' }] }, (id?: string | null) => (chosen = id));
      expect(e.prevented).toBe(true);
      expect(chosen).toBeNull();
    }
    const e = preventable({});
    let port: unknown = 'not called';
    session.emit('select-serial-port', e, [{ portId: 'p' }], {}, (id: string) => (port = id));
    expect(e.prevented).toBe(true);
    expect(port).toBe('');
  });

  it('cancels requests the network check refuses and reports them', () => {
    const { session, blocked } = installed();
    const request = (url: string, resourceType: string) => {
      let cancel: boolean | undefined;
      session.beforeRequest?.({ url, resourceType }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(request('https://dichvucong.gov.vn/', 'mainFrame')).toBe(false);
    expect(request('https://cdn.example/lib.js', 'script')).toBe(false);
    expect(request('https://chat.zalo.me/api', 'xhr')).toBe(true);
    expect(request('https://www.google.com/', 'mainFrame')).toBe(true);
    expect(blocked).toEqual(['https://chat.zalo.me/api', 'https://www.google.com/']);
  });

  it('cancels requests to the local network whatever their resource type, and judges <object> documents as frames', () => {
    const { session, blocked } = installed();
    const request = (url: string, resourceType: string) => {
      let cancel: boolean | undefined;
      session.beforeRequest?.({ url, resourceType }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(request('http://192.168.1.1/cgi-bin/reboot', 'xhr')).toBe(true);
    expect(request('http://localhost:9222/json', 'script')).toBe(true);
    expect(request('ws://127.0.0.1:8080/', 'webSocket')).toBe(true);
    expect(request('http://[::ffff:c0a8:101]/', 'subFrame')).toBe(true);
    expect(request('http://printer.local/', 'image')).toBe(true);
    expect(request('https://evil.example/frame.html', 'object')).toBe(true);
    expect(request('https://cdn.example/photo.png', 'image')).toBe(false);
    expect(blocked).toEqual([
      'http://192.168.1.1/cgi-bin/reboot',
      'http://localhost:9222/json',
      'ws://127.0.0.1:8080/',
      'http://[::ffff:c0a8:101]/',
      'http://printer.local/',
      'https://evil.example/frame.html',
    ]);
  });

  it('refuses the Local Network Access permissions Chromium asks for after DNS (a name that resolves to the LAN)', () => {
    const { session } = installed();
    for (const permission of ['local-network-access', 'local-network', 'loopback-network']) {
      let answer: boolean | undefined;
      session.permissionRequest?.({}, permission, (granted) => (answer = granted), { requestingUrl: 'https://thutuc.dichvucong.gov.vn/', isMainFrame: true });
      expect(answer, permission).toBe(false);
      expect(session.permissionCheck?.({}, permission, 'https://thutuc.dichvucong.gov.vn', { isMainFrame: true }), permission).toBe(false);
    }
  });
});
