import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** Each path runs in the top page; `watch(win)` records beforeprint in a frame's window. */
const paths: Record<string, string> = {
  'window.print() in the top frame': 'watch(window); window.print();',
  "document.execCommand('print')": "watch(window); document.execCommand('print');",
  "document.execCommand('PrInT') (any case)": "watch(window); document.execCommand('PrInT');",
  'Document.prototype.execCommand.call': "watch(window); Document.prototype.execCommand.call(document, 'print');",
  'a command object that answers print only the second time': `watch(window); let n = 0;
    document.execCommand({ toString: () => (n++ === 0 ? 'print' : 'bold') });`,
  'an about:blank iframe, through contentWindow, in the same task': `const f = document.createElement('iframe');
    document.body.appendChild(f); watch(f.contentWindow); f.contentWindow.document.execCommand('print');`,
  'an about:blank iframe, through window[0] (not interceptable), in the same task': `document.body.append(document.createElement('iframe'));
    watch(window[0]); window[0].document.execCommand('print');`,
  'an iframe made by innerHTML, its window.print': `document.body.innerHTML += '<iframe></iframe>';
    watch(frames[0]); frames[0].print();`,
  'a srcdoc iframe once loaded': `await new Promise((resolve) => { const f = document.createElement('iframe'); f.srcdoc = '<p>in</p>';
    f.onload = resolve; document.body.appendChild(f); }); watch(frames[0]); frames[0].document.execCommand('print');`,
  'a URL iframe navigated again to about:blank, at its load': `const f = document.createElement('iframe');
    await new Promise((resolve) => { f.onload = resolve; f.src = '/phieu'; document.body.appendChild(f); });
    await new Promise((resolve) => { f.onload = resolve; f.src = 'about:blank'; }); watch(frames[0]); frames[0].document.execCommand('print');`,
  "another realm's execCommand on the top document": `document.body.appendChild(document.createElement('iframe'));
    watch(window); frames[0].Document.prototype.execCommand.call(document, 'print');`,
  "another realm's Function running execCommand": `document.body.appendChild(document.createElement('iframe'));
    watch(frames[0]); frames[0].Function("document.execCommand('print')")();`,
  'an iframe inside a shadow root': `const host = document.createElement('div'); document.body.appendChild(host);
    const root = host.attachShadow({ mode: 'open' }); root.innerHTML = '<iframe></iframe>';
    const inner = root.querySelector('iframe').contentDocument; watch(inner.defaultView); inner.execCommand('print');`,
  'a named iframe through window.name access': `document.body.insertAdjacentHTML('beforeend', '<iframe name="phieu"></iframe>');
    watch(window.phieu); window.phieu.document.execCommand('print');`,
  'a grandchild about:blank iframe': `document.body.appendChild(document.createElement('iframe'));
    const inner = frames[0].document; inner.body.appendChild(inner.createElement('iframe'));
    watch(frames[0][0]); frames[0][0].document.execCommand('print');`,
  'a document.write-n iframe': `document.body.appendChild(document.createElement('iframe'));
    const d = frames[0].document; d.open(); d.write('<iframe></iframe>'); d.close();
    watch(frames[0][0]); frames[0][0].Document.prototype.execCommand.call(frames[0][0].document, 'print');`,
};

/** A parser-inserted iframe used by the very next inline script. */
const PARSER_PAGE = `<!doctype html><p>trang</p><iframe></iframe><script>
  window.parserPrint = { beforeprint: 0 };
  frames[0].addEventListener('beforeprint', () => { parserPrint.beforeprint += 1; });
  frames[0].document.execCommand('print');
</script>`;

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: chromiumArgs });
});
afterAll(async () => {
  await browser?.close();
});

async function openPage(withPreload: boolean, body = '<!doctype html><p>trang</p>'): Promise<Page> {
  const page = await browser.newPage();
  await page.route(`${ORIGIN}/**`, (route) => route.fulfill({ contentType: 'text/html', body }));
  if (withPreload) {
    const source = loadSitePreload().scripts[0]?.func.toString() ?? '';
    // As Electron: the preload runs in frames that loaded a URL, not in about:blank / srcdoc ones.
    await page.addInitScript(`if (location.protocol === 'https:') {
      window.__requests = 0;
      (${source})(() => { window.__requests += 1; });
    }`);
  }
  await page.goto(`${ORIGIN}/`);
  return page;
}

async function runPath(page: Page, code: string): Promise<{ beforeprint: number; requests: number }> {
  return page.evaluate(`(async () => {
    let beforeprint = 0;
    const watch = (win) => win.addEventListener('beforeprint', () => { beforeprint += 1; });
    ${code}
    return { beforeprint, requests: window.__requests ?? 0 };
  })()`);
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
