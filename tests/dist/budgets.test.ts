import { describe, expect, it } from 'vitest';
import { checkBudgets, formatBudgetTable } from '../../scripts/lib/budgets.ts';
import { analyseSite } from '../../scripts/lib/page-weight.ts';
import { distOf, TARGETS } from './targets.ts';

// The size budgets on the real build: see docs/QUALITY.md.
describe.each(TARGETS)('size budgets of the $name build', (target) => {
  it('every page and the site CSS are within budget, loading only files of the build', async () => {
    const site = await analyseSite(distOf(target), { base: target.base });
    // Guard against a silently empty analysis: the site has pages, and pages have styles.
    expect(site.pages.some((page) => page.page.startsWith('articles/') && page.page !== 'articles/')).toBe(true);
    expect(site.pages.every((page) => page.assets.some((asset) => asset.kind === 'css'))).toBe(true);
    const report = checkBudgets(site);
    expect(report.problems, report.problems.join('\n')).toEqual([]);
    expect(report.over, `Over budget (gzipped, 1 KB = 1,000 bytes):\n${formatBudgetTable(report.over)}\n`).toEqual([]);
  });
});
