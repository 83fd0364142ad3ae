import { describe, expect, it, vi } from 'vitest';
import { createUiSession, hardenDefaultSession, refuseEverything, UI_PARTITION } from '../../../main/electron/sessions';
import { FakeSession, preventable } from '../fakes';

/** main/electron/sessions.ts with 'electron' replaced by fakes (vi.mock): the real adapter code runs. */
const fake = vi.hoisted(() => ({ partitions: [] as string[], sessions: new Map<string, unknown>() }));
vi.mock('electron', () => ({
  session: {
    fromPartition: (name: string) => {
      fake.partitions.push(name);
      return fake.sessions.get(name);
    },
    get defaultSession() {
      return fake.sessions.get('(default)');
    },
  },
}));


class UiFakeSession extends FakeSession {
  handled: { scheme: string; handler: (request: { url: string; method: string }) => Promise<Response> }[] = [];
  protocol = { handle: (scheme: string, handler: UiFakeSession['handled'][number]['handler']) => void this.handled.push({ scheme, handler }) };
}

function expectRefusesEverything(ses: FakeSession): void {
  expect(ses.spellChecker).toBe(false);
  const granted: boolean[] = [];
  ses.permissionRequest?.({}, 'media', (g) => granted.push(g), { requestingUrl: 'app://kiosk/' });
  expect(granted).toEqual([false]);
  expect(ses.permissionCheck?.({}, 'clipboard-read', 'app://kiosk', { isMainFrame: true })).toBe(false);
  expect(ses.deviceCheck?.({})).toBe(false);
  const streams: unknown[] = [];
  ses.displayMedia?.({}, (s) => streams.push(s));
  expect(streams).toEqual([null]);
  const download = preventable({});
  ses.emit('will-download', download, {});
  expect(download.prevented).toBe(true);
}

describe('refuseEverything', () => {
  it('no permission, device, screen capture, spellcheck or download', () => {
    const ses = new FakeSession();
    refuseEverything(ses as never);
    expectRefusesEverything(ses);
  });

  it('is what the default session gets, though nothing uses it', () => {
    const ses = new FakeSession();
    fake.sessions.set('(default)', ses);
    hardenDefaultSession();
    expectRefusesEverything(ses);
  });
});

describe('createUiSession', () => {
  it('is the in-memory kiosk-ui partition, refuses everything, serves app:// and reaches nothing else', async () => {
    const ses = new UiFakeSession();
    fake.sessions.set(UI_PARTITION, ses);
    createUiSession('/app/dist/ui/renderer', false);
    expect(fake.partitions.at(-1)).toBe('kiosk-ui');
    expect(UI_PARTITION.startsWith('persist:')).toBe(false);
    expectRefusesEverything(ses);
    expect(ses.handled.map((h) => h.scheme)).toEqual(['app']);
    const verdicts: Record<string, boolean> = {};
    for (const url of ['app://kiosk/index.html', 'data:text/plain,x', 'https://dichvucong.gov.vn/', 'http://127.0.0.1:9/', 'file:///etc/passwd', 'devtools://devtools/x', 'not a url']) {
      ses.beforeRequest?.({ url, resourceType: 'mainFrame' }, ({ cancel }) => void (verdicts[url] = cancel));
    }
    expect(verdicts).toEqual({
      'app://kiosk/index.html': false,
      'data:text/plain,x': false,
      'https://dichvucong.gov.vn/': true,
      'http://127.0.0.1:9/': true,
      'file:///etc/passwd': true,
      'devtools://devtools/x': true,
      'not a url': true,
    });
  });

  it('lets devtools: through only in development', () => {
    const ses = new UiFakeSession();
    fake.sessions.set(UI_PARTITION, ses);
    createUiSession('/app/dist/ui/renderer', true);
    let cancelled: boolean | undefined;
    ses.beforeRequest?.({ url: 'devtools://devtools/bundled/inspector.html', resourceType: 'mainFrame' }, ({ cancel }) => void (cancelled = cancel));
    expect(cancelled).toBe(false);
  });

  it('app:// answers from the UI folder and refuses a path out of it', async () => {
    const ses = new UiFakeSession();
    fake.sessions.set(UI_PARTITION, ses);
    createUiSession('/nonexistent-ui-root', false);
    const handler = ses.handled[0]?.handler;
    const outside = await handler?.({ url: 'app://kiosk/../../etc/passwd', method: 'GET' });
    expect(outside?.status).not.toBe(200);
  });
});
