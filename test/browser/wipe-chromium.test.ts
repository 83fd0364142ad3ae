import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionCanaries, randomCanary, rememberCanaries } from '../../src/wipe/canaries';
import { runCli } from '../support/cli';
import { auditRecords, makeCliRoots, type CliRoots } from '../src/cli/wipe-fixtures';
import { CHROMIUM_PATH, chromiumArgs } from './support/chromium';
import { BASIC_PASSWORD, BASIC_USER, startWipeSite, type WipeSite } from './fixtures/wipe-site/server';
import { filesHoldingCanaries } from './support/canary-files';

const SESSION = 'citizen-e2e';

let roots: CliRoots;
let site: WipeSite;
const canaries = createSessionCanaries(SESSION);
const extra = { opfs: randomCanary(), httpCache: randomCanary() };
const markers: Record<string, string> = {
  cookie: canaries.cookie, localStorage: canaries.localStorage, sessionStorage: canaries.sessionStorage,
  indexedDB: canaries.indexedDB, cacheStorage: canaries.cacheStorage, download: canaries.download, ...extra,
};
const profile = () => path.join(roots.sessionData, 'Partitions', SESSION);
const downloadDir = () => path.join(roots.downloads, SESSION);

declare global {
  interface Window {
    plant(m: Record<string, string>): Promise<string>;
    inspect(): Promise<Record<string, unknown>>;
  }
}

function launch(options: { signedIn: boolean }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile(), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: chromiumArgs,
    acceptDownloads: true,
    downloadsPath: downloadDir(),
    ...(options.signedIn ? { httpCredentials: { username: BASIC_USER, password: BASIC_PASSWORD } } : {}),
  });
}

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? context.newPage();
}

beforeAll(async () => {
  roots = makeCliRoots(0);
  await rememberCanaries(roots.state, canaries);
  site = await startWipeSite({ cookie: canaries.cookie, httpCache: extra.httpCache, download: canaries.download });
});

afterAll(async () => {
  await site?.close();
  roots?.cleanup();
});

describe('a citizen session in Chromium, then public-kiosk wipe', () => {
  it('plants a marker in every kind of storage, all of them reach the disk', async () => {
    const context = await launch({ signedIn: true });
    const page = await firstPage(context);
    await page.goto(`${site.origin}/`);
    expect(await page.evaluate((m) => window.plant(m), markers)).toBe('planted');
    await page.goto(`${site.origin}/auth`);
    expect(await page.textContent('body')).toBe('signed in');
    await page.goto(`${site.origin}/`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(() => {
        const link = Object.assign(document.createElement('a'), { href: '/download', download: '' });
        document.body.append(link);
        link.click();
      }),
    ]);
    await download.saveAs(path.join(downloadDir(), 'giay-to.txt'));
    expect(await page.evaluate(() => window.inspect())).toMatchObject({
      localStorage: 1, sessionStorage: 1, indexedDB: ['pk'], cacheStorage: ['pk'], serviceWorkers: 1, opfs: ['pk.txt'], signedIn: true,
    });
    await context.close();
    // The positive control: the scan really sees each marker where the browser put it.
    const onDisk = await Promise.all(Object.entries(markers).map(async ([kind, value]) => [kind, await filesHoldingCanaries(roots, [value])] as const));
    console.log(`wipe-chromium: files holding each marker before the wipe: ${onDisk.map(([k, n]) => `${k}=${n}`).join(', ')}`);
    for (const [kind, files] of onDisk) expect(files, `${kind} marker on disk`).toBeGreaterThan(0);
  });

  it('public-kiosk wipe removes it all and proves it', async () => {
    const result = runCli(['wipe', '--reason', 'shift-end', ...roots.args]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [record] = auditRecords(roots.state);
    expect(record).toMatchObject({ type: 'wipe', result: 'succeeded', verification: 'passed', canarySessionsChecked: 1 });
    expect(record?.filesRemoved as number).toBeGreaterThan(20);
    expect(await filesHoldingCanaries(roots, Object.values(markers))).toBe(0);
  });

  it('relaunched on the same profile path, the site sees a first-time visitor', async () => {
    // The site hands a new visitor new values: any old marker found now would have survived the wipe.
    Object.assign(site.markers, { cookie: randomCanary(), httpCache: randomCanary(), download: randomCanary() });
    const seenBefore = site.requests.length;
    const context = await launch({ signedIn: false });
    const page = await firstPage(context);
    await page.goto(`${site.origin}/`);
    const state = await page.evaluate(() => window.inspect());
    await page.evaluate(() => fetch('/cached.txt?v=1').then((r) => r.text()));
    await context.close();
    const requests = site.requests.slice(seenBefore);
    expect(requests.find((r) => r.path === '/')?.cookie).toBe('');
    expect(requests.some((r) => r.path === '/cached.txt')).toBe(true); // not served from the HTTP cache
    expect(requests.some((r) => r.authorized)).toBe(false);
    expect(state).toMatchObject({ localStorage: 0, sessionStorage: 0, indexedDB: [], cacheStorage: [], serviceWorkers: 0, opfs: [], signedIn: false });
    expect(await filesHoldingCanaries(roots, Object.values(markers))).toBe(0);
  });

  it('the audit log holds no marker, no site address and no file name', () => {
    const text = ['audit.log', 'audit.head'].map((f) => readFileSync(path.join(roots.state, f), 'utf8')).join('\n');
    for (const value of Object.values(markers)) expect(text).not.toContain(value);
    for (const fragment of ['127.0.0.1', site.origin, '/download', 'giay-to', SESSION, roots.base]) expect(text).not.toContain(fragment);
  });
});
