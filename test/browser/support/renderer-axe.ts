import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * axe-core, the field's standard accessibility engine, on the page as it stands: WCAG 2.0, 2.1 and 2.2
 * at levels A and AA plus axe's best practices. Injected through the driver (not a <script> tag), so
 * the kiosk page's strict CSP stays as it ships.
 */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

export interface AxeFindings {
  /** One line per failing node: rule id, impact, selector, what the rule asks. */
  violations: string[];
  /** Rules axe could not decide (e.g. contrast over translucent layers); a decided rule never lands here. */
  incomplete: string[];
  rulesRun: number;
}

export async function axeFindings(page: Page): Promise<AxeFindings> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    type Node = { target: unknown[] };
    type Rule = { id: string; impact?: string | null; help: string; nodes: Node[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, options: unknown): Promise<{ violations: Rule[]; incomplete: Rule[]; passes: Rule[]; inapplicable: Rule[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    const lines = (rules: Rule[]) => rules.flatMap((r) => r.nodes.map((n) => `${r.id} (${r.impact ?? 'n/a'}): ${n.target.join(' ')} — ${r.help}`));
    return {
      violations: lines(result.violations),
      incomplete: lines(result.incomplete),
      rulesRun: result.violations.length + result.incomplete.length + result.passes.length + result.inapplicable.length,
    };
  }, axeTags);
}
