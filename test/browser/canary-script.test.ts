import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCanaryScript, CANARY_CACHE_PATH, CANARY_STORAGE_NAME, STORAGE_CANARY_KINDS } from '../../src/shell/canary-script';
import { createSessionCanaries, rememberCanaries } from '../../src/wipe/canaries';
import { runCli } from '../support/cli';
import { auditRecords, makeCliRoots, type CliRoots } from '../src/cli/wipe-fixtures';
import { CHROMIUM_PATH, chromiumArgs } from './support/chromium';
import { filesHoldingCanaries } from './support/canary-files';

// The page at / sabotages its own storage APIs: our script runs in an isolated world (as the kiosk
// runs it with executeJavaScriptInIsolatedWorld), which has its own copies of them and the same
// storage. /clean is the same origin without the sabotage, where the test reads the stores back.
const CLEAN_PAGE = '<!doctype html><meta charset="utf-8"><title>Dịch vụ công</title><p>Trang thử</p>';
const SITE_PAGE = `${CLEAN_PAGE}
<script>
  Storage.prototype.setItem = function () {};
  indexedDB.open = function () { throw new Error('the page broke indexedDB'); };
  caches.open = function () { return Promise.reject(new Error('the page broke caches')); };
</script>`;
const SESSION = 'citizen-canary-script';
const canaries = createSessionCanaries(SESSION);
const storageValues = STORAGE_CANARY_KINDS.map((kind) => canaries[kind]);

let roots: CliRoots;
let server: Server;
let origin: string;

/** Runs `code` in a new isolated world of the page's main frame through CDP, the way Electron does. */
async function evaluateInIsolatedWorld(context: BrowserContext, page: Page, code: string): Promise<unknown> {
  const cdp = await context.newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'public-kiosk-canary' });
  const answer = await cdp.send('Runtime.evaluate', { expression: code, contextId: executionContextId, awaitPromise: true, returnByValue: true });
  if (answer.exceptionDetails) throw new Error(`the script threw: ${answer.exceptionDetails.text}`);
  return answer.result.value as unknown;
}

/** Plants through the isolated world on the sabotaged page, then reads every store back as the site would. */
async function plantAndReadBack(context: BrowserContext): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/`);
  const result = await evaluateInIsolatedWorld(context, page, buildCanaryScript(canaries));
  expect(result).toEqual({
    origin,
    stores: { localStorage: 'written', sessionStorage: 'written', indexedDB: 'written', cacheStorage: 'written' },
    errors: {},
  });
  await page.goto(`${origin}/clean`);
  const seenByPage = await page.evaluate(
    async ({ name, cachePath }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const stored = await new Promise<unknown>((resolve) => {
        const get = db.transaction(name).objectStore(name).get(name);
        get.onsuccess = () => resolve(get.result);
      });
      db.close();
      const cached = await (await caches.open(name)).match(cachePath);
      return {
        localStorage: localStorage.getItem(name),
        sessionStorage: sessionStorage.getItem(name),
        indexedDB: stored,
        cacheStorage: cached ? await cached.text() : null,
        // The page's globals hold nothing of ours.
        leaked: Object.keys(window).filter((key) => /canary|values/i.test(key)),
      };
    },
    { name: CANARY_STORAGE_NAME, cachePath: CANARY_CACHE_PATH },
  );
  expect(seenByPage).toEqual({
    localStorage: canaries.localStorage,
    sessionStorage: canaries.sessionStorage,
    indexedDB: canaries.indexedDB,
    cacheStorage: canaries.cacheStorage,
    leaked: [],
  });
}

beforeAll(async () => {
  roots = makeCliRoots(0);
  await rememberCanaries(roots.state, canaries);
  server = createServer((request, response) => {
    const body = request.url === '/' ? SITE_PAGE : request.url === '/clean' ? CLEAN_PAGE : null;
    response.writeHead(body === null ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  roots?.cleanup();
});

describe('the storage canary script in Chromium, then public-kiosk wipe', () => {
  it('writes all four stores from an isolated world, the page reads them back, and they reach the disk', async () => {
    const context = await chromium.launchPersistentContext(path.join(roots.sessionData, 'Partitions', SESSION), {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: chromiumArgs,
    });
    try {
      await plantAndReadBack(context);
    } finally {
      await context.close();
    }
    // The positive control: each marker is on disk where Chromium keeps it, and the wipe's scan sees it.
    const onDisk = await Promise.all(STORAGE_CANARY_KINDS.map(async (kind) => [kind, await filesHoldingCanaries(roots, [canaries[kind]])] as const));
    console.log(`canary-script: files holding each storage canary before the wipe: ${onDisk.map(([k, n]) => `${k}=${n}`).join(', ')}`);
    for (const [kind, files] of onDisk) expect(files, `${kind} canary on disk`).toBeGreaterThan(0);
  });

  it('public-kiosk wipe removes them and its scan then finds none', async () => {
    const wipe = runCli(['wipe', '--reason', 'shift-end', ...roots.args]);
    expect(wipe.stderr).toBe('');
    expect(wipe.code).toBe(0);
    expect(auditRecords(roots.state)[0]).toMatchObject({ type: 'wipe', result: 'succeeded', verification: 'passed', canarySessionsChecked: 1 });
    expect(await filesHoldingCanaries(roots, storageValues)).toBe(0);
  });
});
