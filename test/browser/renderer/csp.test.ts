import { describe, expect, it } from 'vitest';
import { welcome } from '../support/renderer-fixtures';
import { useKioskPages } from '../support/renderer-page';

/**
 * The page's own meta CSP really holds: inline script, eval, inline style, remote loads and form
 * posts are refused, and the violation detector every screen test relies on does see them.
 */
describe('the kiosk UI content security policy', () => {
  const openPage = useKioskPages();

  it('is declared in index.html with no inline or eval allowances', async () => {
    const k = await openPage(welcome('vi'), { screen: 'welcome' });
    const policy = await k.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'none'");
    expect(policy).toContain("form-action 'none'");
    expect(policy).not.toMatch(/unsafe-(inline|eval)|data:|https?:/);
  });

  it('refuses inline script, eval, inline style and any network request, and reports each', async () => {
    const k = await openPage(welcome('vi'), { screen: 'welcome' });
    const outcome = await k.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.body.append(script);
      // Run eval from a page task, not from the debugger's evaluate (which CSP exempts).
      const evalResult = await new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            eval('1 + 1');
            resolve('ran');
          } catch {
            resolve('blocked');
          }
        }, 0),
      );
      const styled = document.createElement('div');
      styled.setAttribute('style', 'color: rgb(1, 2, 3)');
      document.body.append(styled);
      const fetched = await fetch('/index.html').then(() => 'ran', () => 'blocked');
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { inline: (window as unknown as { inlineRan?: boolean }).inlineRan ?? false, evalResult, color: getComputedStyle(styled).color, fetched };
    });
    expect(outcome).toEqual({ inline: false, evalResult: 'blocked', color: 'rgb(20, 23, 26)', fetched: 'blocked' });
    const problems = (await k.problems()).filter((p) => p.startsWith('csp: '));
    expect(problems.map((p) => p.split(' ')[1])).toEqual(expect.arrayContaining(['script-src-elem', 'script-src', 'style-src-attr', 'connect-src']));
  });
});
