import { describe, expect, it } from 'vitest';
import { CANARY_STORAGE_NAME } from '../../../src/shell/canary-script';
import { CANARY_WORLD_ID, PLANT_TIMEOUT_MS } from '../../../main/site/storage-canaries';
import type { FakeSiteView } from '../kiosk/fake-views';
import { makeShell, settle } from '../kiosk/harness';
import { fakePage } from '../../src/shell/canary-page';

type Shell = ReturnType<typeof makeShell>;

/** Starts a session whose site view answers isolated scripts like a page of `origin` would. */
async function startSession(k: Shell, origin = 'https://dichvucong.gov.vn') {
  const page = fakePage({ origin, caches: true });
  expect(await k.handlers['kiosk:start-session'](null)).toEqual({ ok: true });
  const view = k.siteViews.last as FakeSiteView;
  view.contents.answerScript = page.run;
  return { view, page };
}

/** What Electron emits for a main-frame load of `url` (a failed one adds did-fail-load before the end). */
async function load(view: FakeSiteView, url: string, failure?: number) {
  view.contents.emit('did-start-loading');
  view.contents.url = url;
  if (failure !== undefined) view.contents.emit('did-fail-load', {}, failure, 'failed', url, true);
  view.contents.emit('did-finish-load');
  await settle();
}

async function kiosk() {
  const k = makeShell();
  await k.start(null);
  return k;
}

describe('the storage canaries in the citizen’s site view', () => {
  it('are planted once, in our own isolated world, on the first allowed page, with the remembered values', async () => {
    const k = await kiosk();
    const { view, page } = await startSession(k);
    expect(view.contents.isolatedScripts).toEqual([]); // nothing runs before a page has loaded
    await load(view, 'https://dichvucong.gov.vn/');
    await load(view, 'https://dichvucong.gov.vn/trang-2');
    expect(view.contents.isolatedScripts.map((s) => s.worldId)).toEqual([CANARY_WORLD_ID]);
    const remembered = k.remembered[0];
    expect(page.local.get(CANARY_STORAGE_NAME)).toBe(remembered?.localStorage);
    expect(page.session.get(CANARY_STORAGE_NAME)).toBe(remembered?.sessionStorage);
    expect([...page.cached.values()]).toEqual([remembered?.cacheStorage]);
    expect(k.log).toContain('storage canaries planted: localStorage written, sessionStorage written, indexedDB unavailable, cacheStorage written');
    expect(k.log.join('\n')).not.toContain(remembered?.localStorage);
  });

  it('are not planted in a page the policy blocks, nor in an error page; the next good page gets them', async () => {
    const k = await kiosk();
    const { view, page } = await startSession(k);
    await load(view, 'https://zalo.me/');
    await load(view, 'about:blank');
    await load(view, 'https://dichvucong.gov.vn/', -105); // ERR_NAME_NOT_RESOLVED: an error page
    expect(view.contents.isolatedScripts).toEqual([]);
    await load(view, 'https://dichvucong.gov.vn/');
    expect(view.contents.isolatedScripts).toHaveLength(1);
    expect(page.local.get(CANARY_STORAGE_NAME)).toBe(k.remembered[0]?.localStorage);
  });

  it('a failed script is logged, the session goes on, and a later page retries (three tries at most)', async () => {
    const k = await kiosk();
    const { view } = await startSession(k);
    view.contents.answerScript = async () => {
      throw new Error('Script failed to execute');
    };
    for (let i = 0; i < 5; i += 1) await load(view, 'https://dichvucong.gov.vn/');
    expect(view.contents.isolatedScripts).toHaveLength(3);
    expect(k.log.filter((m) => m.startsWith('storage canaries not planted (Script failed to execute)'))).toHaveLength(3);
    expect(k.log.at(-1)).toContain('giving up for this session');
    expect(k.controller?.session()).not.toBeNull();
    expect(k.window.last?.state).toBe('in-session');
    expect(k.outOfService).toEqual([]);
  });

  it('a script Electron never answers counts as failed after the timeout, and the next page retries', async () => {
    const k = await kiosk();
    const { view, page } = await startSession(k);
    let answerLate: (value: unknown) => void = () => undefined;
    view.contents.answerScript = () => new Promise((resolve) => (answerLate = resolve)); // a page that never finishes
    await load(view, 'https://dichvucong.gov.vn/');
    await k.clock.advance(PLANT_TIMEOUT_MS - 1);
    expect(k.log.filter((m) => m.includes('planted'))).toEqual([]);
    await load(view, 'https://dichvucong.gov.vn/trang-2'); // still planting: not asked twice at once
    expect(view.contents.isolatedScripts).toHaveLength(1);
    await k.clock.advance(1);
    expect(k.log.filter((m) => m.includes('planted'))).toEqual([
      'storage canaries not planted (the page did not answer within 15 s); will retry on the next page',
    ]);
    answerLate(await fakePage().run(view.contents.isolatedScripts[0]?.code ?? '')); // a good answer, too late: ignored
    await settle();
    expect(k.log.filter((m) => m.includes('planted'))).toHaveLength(1);
    view.contents.answerScript = page.run;
    await load(view, 'https://dichvucong.gov.vn/');
    expect(view.contents.isolatedScripts).toHaveLength(2);
    expect(k.log.at(-1)).toMatch(/^storage canaries planted: /);
    expect(k.outOfService).toEqual([]);
  });

  it('an answer from another document or a malformed one does not count as planted', async () => {
    const k = await kiosk();
    const { view } = await startSession(k);
    view.contents.answerScript = fakePage({ origin: 'null' }).run; // the page had become an error page
    await load(view, 'https://dichvucong.gov.vn/');
    view.contents.answerScript = async () => ({ origin: 'https://dichvucong.gov.vn', stores: 'all of them' });
    await load(view, 'https://dichvucong.gov.vn/');
    expect(k.log.filter((m) => m.includes('planted'))).toEqual([
      'storage canaries not planted (the script ran in another document); will retry on the next page',
      'storage canaries not planted (the page script gave no readable answer); will retry on the next page',
    ]);
    view.contents.answerScript = fakePage().run;
    await load(view, 'https://dichvucong.gov.vn/');
    expect(k.log.at(-1)).toMatch(/^storage canaries planted: /);
  });

  it('the next citizen’s session plants its own new values in its own view', async () => {
    const k = await kiosk();
    const first = await startSession(k);
    await load(first.view, 'https://dichvucong.gov.vn/');
    expect(await k.handlers['kiosk:end-session']()).toEqual({ ok: true });
    await settle();
    await load(first.view, 'https://dichvucong.gov.vn/'); // a late event from the closed view changes nothing
    const second = await startSession(k);
    await load(second.view, 'https://hue.dichvucong.gov.vn/');
    expect(k.remembered).toHaveLength(2);
    const [a, b] = k.remembered;
    expect(a?.localStorage).not.toBe(b?.localStorage);
    expect(first.view.contents.isolatedScripts).toHaveLength(1);
    expect(second.view.contents.isolatedScripts).toHaveLength(1);
    expect(first.page.local.get(CANARY_STORAGE_NAME)).toBe(a?.localStorage);
    expect(second.page.local.get(CANARY_STORAGE_NAME)).toBe(b?.localStorage);
    expect(second.page.session.get(CANARY_STORAGE_NAME)).toBe(b?.sessionStorage);
  });
});
