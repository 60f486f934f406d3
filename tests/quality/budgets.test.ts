import { describe, expect, it } from 'vitest';
import { BUDGETS, checkBudgets, formatBudgetTable, formatKB, pageBudget } from '../../scripts/lib/budgets.ts';
import { analyseSite, siteStylesheets, summarisePage } from '../../scripts/lib/page-weight.ts';

describe('the page budget', () => {
  it('allows 30 KB with up to two diagrams, and 6 KB more for each further one', () => {
    expect(pageBudget(0)).toBe(30_000);
    expect(pageBudget(2)).toBe(30_000);
    expect(pageBudget(3)).toBe(36_000);
    expect(pageBudget(5)).toBe(48_000);
  });

  it('grows by 0.35 KB for each question entry and 0.1 KB for each link to a question', () => {
    expect(pageBudget({ figures: 0, questions: 100 })).toBe(65_000);
    expect(pageBudget({ figures: 3, questionLinks: 10 })).toBe(37_000);
    expect(pageBudget({ figures: 1, questions: 2, questionLinks: 3 })).toBe(31_000);
  });

  it('grows by 0.15 KB for each entry rendered from a results file', () => {
    expect(pageBudget({ figures: 2, measurements: 10 })).toBe(31_500);
    expect(pageBudget({ figures: 3, questionLinks: 6, measurements: 54 })).toBe(44_700);
  });

  it('names what it allowed for in the budget line', async () => {
    const site = await analyseSite('tests/fixtures/dists/nested', { base: '/docs/' });
    const [guide] = site.pages;
    if (!guide) throw new Error('fixture page missing');
    const pages = [
      { ...guide, figures: 1, questions: 55 },
      { ...guide, page: 'articles/a/', questionLinks: 1 },
    ];
    const report = checkBudgets({ ...site, pages });
    expect(report.lines.filter((line) => line.budget.startsWith('first visit'))).toEqual([
      expect.objectContaining({ budget: 'first visit, all types (1 diagram, 55 questions)', limit: 49_250 }),
      expect.objectContaining({ budget: 'first visit, all types (0 diagrams, 1 question link)', limit: 30_100 }),
    ]);
  });
});

describe('checking a site', () => {
  it('passes a site within its budgets', async () => {
    const site = await analyseSite('tests/fixtures/dists/nested', { base: '/docs/' });
    const report = checkBudgets(site);
    expect(report.over).toEqual([]);
    expect(report.problems).toEqual([]);
    // One line per page for its first visit and one for its JS, and one for the site's CSS.
    expect(report.lines.map((line) => [line.scope, line.budget])).toEqual([
      ['/guide/', 'first visit, all types (0 diagrams)'],
      ['/guide/', 'JS run without interaction'],
      ['site', 'CSS, every stylesheet once'],
    ]);
  });

  it('names each page and budget that is over, by how much', async () => {
    const site = await analyseSite('tests/fixtures/dists/site');
    const article = site.pages.find((page) => page.page === 'articles/three-diagrams/');
    const home = site.pages.find((page) => page.page === '');
    if (!article || !home) throw new Error('fixture pages missing');
    const summary = summarisePage(article);
    // Budgets set just below what the article (the heaviest page) needs, so that its lines fail.
    const budgets = {
      ...BUDGETS,
      bytesPerExtraFigure: 1,
      pageBytes: summary.firstVisit.gzip - 2,
      pageJsBytes: summary.js.gzip - 1,
      siteCssBytes: siteStylesheets(site).reduce((total, sheet) => total + sheet.gzip, 0) - 1,
    };
    const report = checkBudgets(site, budgets);
    // The home page runs an inline theme script on top of the same modules: its JS is over too.
    expect(report.over.map((line) => [line.scope, line.budget, line.actual - line.limit])).toEqual([
      ['/articles/three-diagrams/', 'first visit, all types (3 diagrams)', 1],
      ['/articles/three-diagrams/', 'JS run without interaction', 1],
      ['/', 'JS run without interaction', summarisePage(home).js.gzip - budgets.pageJsBytes],
      ['site', 'CSS, every stylesheet once', 1],
    ]);
    const table = formatBudgetTable(report.over);
    expect(table.split('\n')[0]).toMatch(/^\| Scope +\| Budget +\| Actual \(gzip\) \| Limit +\| Over by \|$/);
    expect(table).toContain('| /articles/three-diagrams/ | first visit, all types (3 diagrams) |');
    expect(table).toContain('0.00 KB |');
  });

  it('reports missing files and other hosts as problems', async () => {
    const report = checkBudgets(await analyseSite('tests/fixtures/dists/site'));
    expect(report.problems).toEqual([
      '/broken/: /_astro/gone.css (<link rel=stylesheet>) is not in the build output',
      '/broken/: https://cdn.example.org/library.js (<script src>) loads from another host',
    ]);
  });
});

describe('formatting', () => {
  it('writes kilobytes of 1,000 bytes', () => {
    expect(formatKB(12_345)).toBe('12.35 KB');
    expect(formatKB(0)).toBe('0.00 KB');
  });
});
