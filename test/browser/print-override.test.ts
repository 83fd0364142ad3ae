import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSitePreload } from '../support/site-preload-script';
import { CHROMIUM_PATH, chromiumArgs } from './support/chromium';

/**
 * The site preload's main-world script in a real Blink main world: Electron serialises the function
 * and runs it with a bridged callback; here the same source runs with a page function standing in
 * for that callback. It must replace the page's native print for good.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
});

describe("the site preload's window.print in Chromium", () => {
  it('is an own property of window before (so shadowing it is enough), and after it every way back is closed', async () => {
    const { scripts } = loadSitePreload();
    const source = scripts[0]?.func.toString() ?? '';
    expect(source).toContain('defineProperty');
    const page = await browser.newPage();
    await page.setContent('<p>trang</p>');
    const result = await page.evaluate(`(() => {
      const before = Object.getOwnPropertyDescriptor(window, 'print');
      const onPrototype = Object.getOwnPropertyDescriptor(Window.prototype, 'print') !== undefined;
      window.requests = 0;
      (${source})(() => { window.requests += 1; });
      const tries = [];
      try { window.print = () => 'native'; } catch { tries.push('assign threw'); }
      try { delete window.print; } catch { tries.push('delete threw'); }
      try { Object.defineProperty(window, 'print', { value: () => 'native' }); } catch { tries.push('redefine threw'); }
      window.print();
      print();
      const after = Object.getOwnPropertyDescriptor(window, 'print');
      return { ownBefore: before !== undefined, onPrototype, requests: window.requests, tries, writable: after.writable, configurable: after.configurable, native: String(window.print).includes('[native code]') };
    })()`);
    expect(result).toEqual({ ownBefore: true, onPrototype: false, requests: 2, tries: ['redefine threw'], writable: false, configurable: false, native: false });
    await page.close();
  });
});
