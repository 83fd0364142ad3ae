import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { KioskApi, KioskStatus } from '../../../src/ipc/contract';
import { CHROMIUM_PATH, chromiumArgs } from './chromium';
import { installFakeKiosk, type KioskCall, type ScriptedAnswer } from './renderer-fake-kiosk';
import { serveRenderer, type StaticServer } from './renderer-server';

export const screenshotDir = path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots');

/** The shared flags plus one for screenshots: no font hinting, so glyph edges do not vary between runs. */
const rendererChromiumArgs = [...chromiumArgs, '--font-render-hinting=none'];

export interface KioskPage {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  problems(): Promise<string[]>;
  calls(method?: keyof KioskApi): Promise<KioskCall[]>;
  push(status: KioskStatus): Promise<void>;
  script(method: keyof KioskApi, answers: ScriptedAnswer[]): Promise<void>;
  /** Resolves once the app has rendered its first status. */
  ready(): Promise<void>;
  /** Resolves once the app shows this screen (the controller marks #app[data-screen]). */
  screen(name: string): Promise<void>;
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Fake the page's clock (Playwright's page.clock) before its scripts run, e.g. for a lockout timer. */
  fakeClock?: boolean;
}

export interface RendererHarness {
  open(initial: KioskStatus, options?: OpenOptions): Promise<KioskPage>;
  close(): Promise<void>;
}

export async function startRendererHarness(): Promise<RendererHarness> {
  const server: StaticServer = await serveRenderer();
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: rendererChromiumArgs });
  mkdirSync(screenshotDir, { recursive: true });
  return {
    async open(initial, { viewport = { width: 1280, height: 800 }, fakeClock = false } = {}) {
      const context = await browser.newContext({ viewport, timezoneId: 'Asia/Ho_Chi_Minh', locale: 'vi-VN', reducedMotion: 'reduce' });
      const page = await context.newPage();
      const seen: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => seen.push(`pageerror: ${error.message}`));
      if (fakeClock) await page.clock.install();
      await page.addInitScript(installFakeKiosk, initial);
      await page.goto(`${server.origin}/index.html`);
      const kiosk: KioskPage = {
        page,
        async problems() {
          const violations = await page.evaluate(() => window.__kioskTest?.violations ?? ['fake kiosk missing']);
          return [...seen, ...violations.map((v) => `csp: ${v}`)];
        },
        async calls(method) {
          const all = await page.evaluate(() => window.__kioskTest?.calls ?? []);
          return method ? all.filter((c) => c.method === method) : all;
        },
        push: (status) => page.evaluate((s) => window.__kioskTest?.push(s), status),
        script: (method, answers) => page.evaluate(([m, a]) => window.__kioskTest?.script(m, a), [method, answers] as const),
        async ready() {
          await page.locator('#app:not([data-screen="loading"])').waitFor({ state: 'attached' });
        },
        async screen(name) {
          await page.locator(`#app[data-screen="${name}"]`).waitFor({ state: 'attached' });
        },
        async shot(name) {
          const file = path.join(screenshotDir, `${name}.png`);
          await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
          return file;
        },
        close: () => context.close(),
      };
      return kiosk;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * One Chromium per test file and one page at a time: registers the file's beforeAll/afterAll and
 * returns `open`, which closes the previous page, opens a new one and waits for its first screen.
 */
export function useKioskPages(): (initial: KioskStatus, options?: OpenOptions & { screen?: string }) => Promise<KioskPage> {
  let harness: RendererHarness | undefined;
  let current: KioskPage | undefined;
  beforeAll(async () => {
    harness = await startRendererHarness();
  });
  afterAll(async () => {
    await current?.close();
    await harness?.close();
  });
  return async (initial, { screen, ...options } = {}) => {
    if (!harness) throw new Error('useKioskPages() must be called inside a describe block');
    await current?.close();
    current = await harness.open(initial, options);
    if (screen) await current.screen(screen);
    else await current.ready();
    return current;
  };
}
