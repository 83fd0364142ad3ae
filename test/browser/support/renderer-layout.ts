import type { Page } from 'playwright-core';

/**
 * Layout faults a first-time user would trip over, measured in the page: anything pushed outside
 * the window, any box that needs scrolling (only elements marked data-may-scroll, such as the wipe
 * records table, may scroll, and never sideways), text cut off (ellipsis included), and touch
 * targets smaller than 48 × 48 px. Returns one line per fault, empty when the screen is clean.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (el: Element): string => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${cls} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    };
    const visible = (el: Element): boolean => {
      const rect = el.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    for (const el of document.querySelectorAll('#app, #app *')) {
      if (!visible(el) || el.closest('.sr-only')) continue;
      const rect = el.getBoundingClientRect();
      const outside = rect.right > innerWidth + 0.5 || rect.bottom > innerHeight + 0.5 || rect.left < -0.5 || rect.top < -0.5;
      if (outside && !el.closest('[data-may-scroll]')) problems.push(`outside the window: ${describe(el)}`);
      const style = getComputedStyle(el);
      const wide = el.scrollWidth > el.clientWidth + 1;
      const tall = el.scrollHeight > el.clientHeight + 1;
      if (/(auto|scroll)/.test(style.overflowX) && wide) problems.push(`scrolls sideways: ${describe(el)}`);
      if (/(auto|scroll)/.test(style.overflowY) && tall && !el.hasAttribute('data-may-scroll')) problems.push(`needs scrolling: ${describe(el)}`);
      if (/(hidden|clip)/.test(style.overflowX + style.overflowY) && (wide || tall) && el.children.length === 0) {
        problems.push(`text cut off: ${describe(el)}`);
      }
    }
    for (const el of document.querySelectorAll('#app button, #app input, #app a[href], #app [role="button"]')) {
      if (!visible(el)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width < 48 || rect.height < 48) problems.push(`target ${Math.round(rect.width)}×${Math.round(rect.height)} px: ${describe(el)}`);
    }
    return problems;
  });
}
