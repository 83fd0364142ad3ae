import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PARSER_PAGE, printPaths as paths, runPrintPath } from '../support/print-paths';
import { loadSitePreload } from '../support/site-preload-script';
import { CHROMIUM_PATH, chromiumArgs } from './support/chromium';

/**
 * Every script path to the engine's native print, in real Chromium, after a real navigation (a
 * routed https origin: setContent would drop the init script's work). The control runs each path
 * on a page without the site preload: the native print starts (a `beforeprint` event fires in the
 * printed frame). With the preload's main-world function run as Electron runs it — in frames with
 * a URL only, never in about:blank or srcdoc children — no path starts it, and each becomes a
 * request to main instead. Each path gets a fresh page (Chromium throttles repeated scripted prints).
 */
const ORIGIN = 'https://dichvucong.kiosk.test';

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
});

async function openPage(withPreload: boolean, body = '<!doctype html><p>trang</p>', before = ''): Promise<Page> {
  const page = await browser.newPage();
  await page.route(`${ORIGIN}/**`, (route) => route.fulfill({ contentType: 'text/html', body }));
  if (before !== '') await page.addInitScript(before);
  if (withPreload) {
    const source = loadSitePreload().scripts[0]?.func.toString() ?? '';
    // As Electron: the preload runs in frames that loaded a URL, not in about:blank / srcdoc ones.
    await page.addInitScript(`if (location.protocol === 'https:') {
      window.__requests = 0;
      window.__starting = 0;
      (${source})(() => { window.__requests += 1; }, () => { window.__starting += 1; });
    }`);
  }
  await page.goto(`${ORIGIN}/`);
  return page;
}

async function runPath(page: Page, code: string): Promise<{ beforeprint: number; requests: number }> {
  return page.evaluate(runPrintPath(code));
}

describe('script paths to the native print in Chromium', () => {
  for (const [name, code] of Object.entries(paths)) {
    it(`${name}: native print without the preload, one request to main with it`, { timeout: 60_000 }, async () => {
      const bare = await openPage(false);
      expect(await runPath(bare, code)).toEqual({ beforeprint: 1, requests: 0 });
      await bare.close();
      const guarded = await openPage(true);
      expect(await runPath(guarded, code)).toEqual({ beforeprint: 0, requests: 1 });
      await guarded.close();
    });
  }

  it('a parser-inserted iframe used by the next inline script', async () => {
    const bare = await openPage(false, PARSER_PAGE);
    expect(await bare.evaluate('window.parserPrint')).toEqual({ beforeprint: 1 });
    await bare.close();
    const guarded = await openPage(true, PARSER_PAGE);
    expect(await guarded.evaluate('({ ...window.parserPrint, requests: window.__requests })')).toEqual({ beforeprint: 0, requests: 1 });
    await guarded.close();
  });

  it('the backstop: a native print the guard never saw reports print-starting in beforeprint, before any page listener', async () => {
    // A stand-in for a path not foreseen: the page holds the native print from before the guard ran.
    const page = await openPage(true, '<!doctype html><p>trang</p>', "if (location.protocol === 'https:') window.__nativePrint = window.print;");
    const result = await page.evaluate(`(() => {
      const seen = [];
      addEventListener('beforeprint', () => seen.push('page listener, print-starting sent ' + window.__starting + ' time(s)'), true);
      window.__nativePrint.call(window);
      return { seen, requests: window.__requests };
    })()`);
    expect(result).toEqual({ seen: ['page listener, print-starting sent 1 time(s)'], requests: 0 });
    await page.close();
  });

  it('other editing commands still work, and the page cannot restore the native functions', async () => {
    const page = await openPage(true, '<!doctype html><div id="e" contenteditable>chu</div>');
    const result = await page.evaluate(`(() => {
      const e = document.getElementById('e'); e.focus(); document.execCommand('selectAll');
      const bold = document.execCommand('bold');
      const tries = [];
      for (const [target, name] of [[window, 'print'], [Document.prototype, 'execCommand'], [Node.prototype, 'appendChild']]) {
        try { Object.defineProperty(target, name, { value: () => 'native' }); tries.push('redefined ' + name); } catch { tries.push('kept ' + name); }
        try { delete target[name]; } catch { /* strict delete */ }
        tries.push(typeof target[name]);
      }
      return { bold, html: e.innerHTML, tries };
    })()`);
    expect(result).toEqual({
      bold: true,
      html: '<b>chu</b>',
      tries: ['kept print', 'function', 'kept execCommand', 'function', 'kept appendChild', 'function'],
    });
    await page.close();
  });
});
