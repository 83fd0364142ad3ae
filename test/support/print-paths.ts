/**
 * Every script path to the engine's native print, shared by the Chromium test (test/browser) and the
 * Electron suite (test/e2e-electron). Each runs in a top page served from an https origin; `watch(win)`
 * counts beforeprint in the window that would print (the native print's first visible step).
 */
export const printPaths: Record<string, string> = {
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
export const PARSER_PAGE = `<!doctype html><p>trang</p><iframe></iframe><script>
  window.parserPrint = { beforeprint: 0 };
  frames[0].addEventListener('beforeprint', () => { parserPrint.beforeprint += 1; });
  frames[0].document.execCommand('print');
</script>`;

/** The page script that runs one path: it answers { beforeprint, requests } (requests: the test's stand-in counter). */
export function runPrintPath(code: string): string {
  return `(async () => {
    let beforeprint = 0;
    const watch = (win) => win.addEventListener('beforeprint', () => { beforeprint += 1; });
    ${code}
    return { beforeprint, requests: window.__requests ?? 0 };
  })()`;
}
