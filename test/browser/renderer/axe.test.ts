import { describe, expect, it } from 'vitest';
import { welcome } from '../support/renderer-fixtures';
import { axeFindings } from '../support/renderer-axe';
import { useKioskPages } from '../support/renderer-page';

/** The accessibility gate can fail: axe reports what a broken screen would get wrong, on the real page. */
describe('axe-core on the kiosk page', () => {
  const openPage = useKioskPages();

  it('reports a nameless button, a missing level-one heading and a duplicated landmark', async () => {
    const kiosk = await openPage(welcome('vi'));
    await kiosk.screen('welcome');
    await kiosk.page.evaluate(() => {
      document.querySelectorAll('h1').forEach((h) => h.remove());
      const nameless = document.createElement('button');
      nameless.className = 'nameless';
      document.querySelector('#app')?.append(nameless);
      for (let i = 0; i < 2; i += 1) {
        const nav = document.createElement('nav');
        nav.setAttribute('aria-label', 'twin');
        nav.textContent = 'x';
        document.querySelector('#app')?.append(nav);
      }
    });
    const rules = new Set((await axeFindings(kiosk.page)).violations.map((line) => line.split(' ')[0]));
    expect([...rules]).toEqual(expect.arrayContaining(['button-name', 'page-has-heading-one', 'landmark-unique']));
  });
});
