import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextShiftEnds } from '../../src/schedule/shift-ends';
import { makeKiosk, type KioskAt } from '../src/cli/report-fixtures';
import { writeFleetLogs } from '../support/report-fleet';
import { CHROMIUM_PATH, chromiumArgs } from './support/chromium';
import { screenshotDir } from './support/renderer-page';

// The HTML report as an inspector opens it: Debian's Chromium, the file itself (no server), no
// script, no request leaving the file, one heat-map cell per kiosk and shift end; screenshots of a
// one-kiosk and a 30-kiosk month in both languages under test/artifacts/screenshots/.
const unit = ['ui:', '  unitName: { vi: "Sở Y tế tỉnh Hòa Bình", en: "Hoa Binh Provincial Department of Health" }'].join('\n');
const schedule = { timeZone: 'Asia/Ho_Chi_Minh', shiftEnds: ['11:30', '17:00'], days: ['mon', 'tue', 'wed', 'thu', 'fri'] as never[], warningSeconds: 60 };
// March 2026 as seen on 31 March at 13:00 local: its last afternoon is still pending.
const marchEnds = nextShiftEnds(schedule, new Date('2026-02-28T17:00:00Z'), 60).filter((d) => d < new Date('2026-03-31T17:00:00Z'));
const NOW = '2026-03-31T06:00:00Z';

let browser: Browser;
let kiosk: KioskAt;
let work: string;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...chromiumArgs, '--font-render-hinting=none'] });
  kiosk = makeKiosk(unit);
  work = mkdtempSync(path.join(tmpdir(), 'pk-report-html-'));
});
afterAll(async () => {
  await browser?.close();
  kiosk?.roots.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const fleets = {
  '1-kiosk': ['tyt-phuong-dong-tien'],
  '30-kiosks': Array.from({ length: 30 }, (_, i) => `${i % 3 === 0 ? 'bv-da-khoa' : i % 3 === 1 ? 'ttyt-huyen' : 'tyt-xa'}-${String(i + 1).padStart(2, '0')}`),
};

describe('the HTML report in Chromium', () => {
  it('has 44 scheduled shift ends in March 2026 (22 working days)', () => {
    expect(marchEnds).toHaveLength(44);
  });

  for (const [name, ids] of Object.entries(fleets)) {
    for (const lang of ['vi', 'en'] as const) {
      it(`${name}, ${lang}: one cell per half-day and kiosk, no script, no request, no console error`, async () => {
        const logs = path.join(work, name);
        writeFleetLogs(logs, ids, marchEnds.filter((end) => end < new Date(NOW)));
        const out = path.join(work, `${name}-${lang}.html`);
        const run = kiosk.at(NOW, ['report', '--from', '2026-03-01', '--to', '2026-03-31', '--logs', logs, '--out', out, '--lang', lang]);
        expect(run.stderr).toBe('');
        expect([0, 1]).toContain(run.code);

        const context = await browser.newContext({ viewport: { width: 820, height: 1160 }, javaScriptEnabled: false });
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
        page.on('request', (r) => {
          if (!r.url().startsWith('file:')) problems.push(`request: ${r.url()}`);
        });
        await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        expect(await page.locator('h1').textContent()).toBe(lang === 'vi' ? 'Báo cáo xóa dữ liệu cuối ca' : 'End-of-shift wipe report');
        await expect.poll(() => page.locator('header').textContent()).toContain(lang === 'vi' ? 'Sở Y tế tỉnh Hòa Bình' : 'Hoa Binh Provincial Department of Health');
        const cells = await page.locator('g.cell').evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute('data-kiosk')}|${n.getAttribute('data-at')}`));
        expect(cells).toHaveLength(ids.length * marchEnds.length);
        const expected = ids.flatMap((id) => marchEnds.map((end) => `${id}|${end.toISOString()}`));
        expect(new Set(cells)).toEqual(new Set(expected));
        // Each status is told apart without colour: a letter in the cell, or (on time only) none.
        const letters = await page.locator('g.cell').evaluateAll((nodes) => nodes.map((n) => `${n.getAttribute('data-status')}:${n.querySelector('text')?.textContent ?? ''}`));
        const byStatus = new Map<string, Set<string>>();
        for (const pair of letters) {
          const [status, letter] = pair.split(':') as [string, string];
          byStatus.set(status, (byStatus.get(status) ?? new Set()).add(letter));
        }
        for (const set of byStatus.values()) expect(set.size).toBe(1);
        expect(new Set([...byStatus.values()].map((s) => [...s][0])).size).toBe(byStatus.size);
        if (name === '30-kiosks') expect([...byStatus.keys()].sort()).toEqual(['caught-up', 'failed', 'missed', 'on-time', 'pending']);
        expect(await page.locator('script, link, img, iframe, object').count()).toBe(0);
        // Heat maps fit the A4 width (190 mm at 96 dpi ≈ 718 px).
        const widest = await page.locator('figure.map svg').evaluateAll((svgs) => Math.max(...svgs.map((s) => s.getBoundingClientRect().width)));
        expect(widest).toBeLessThanOrEqual(720);
        await page.screenshot({ path: path.join(screenshotDir, `report-${name}-${lang}.png`), fullPage: true });
        await page.screenshot({ path: path.join(screenshotDir, `report-${name}-${lang}-first-page.png`) });
        // Printed on A4 (190 mm of text width ≈ 718 px): nothing wider than the paper.
        await page.emulateMedia({ media: 'print' });
        await page.setViewportSize({ width: 718, height: 1000 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(718);
        const pdf = await page.pdf({ path: path.join(screenshotDir, `report-${name}-${lang}.pdf`), preferCSSPageSize: true });
        expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/);
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }
});
