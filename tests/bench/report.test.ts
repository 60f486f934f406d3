import { describe, expect, it } from 'vitest';
import type { Bytes, Visit } from '../../scripts/bench/browser.ts';
import type { LighthouseSummary } from '../../scripts/bench/lighthouse.ts';
import { comparisonArticles, evaluateTargets, renderMarkdown, type BenchResults } from '../../scripts/bench/report.ts';

const bytes = (transfer: number): Bytes => ({ raw: transfer * 3, gzip: transfer - 500, transfer, requests: 3 });
const visit = (transfer: number): Visit => ({
  url: 'http://127.0.0.1/x/',
  total: bytes(transfer),
  byType: { html: bytes(transfer), css: bytes(0), js: bytes(0), font: bytes(0), image: bytes(0), other: bytes(0) },
  failures: [],
  js: { scripts: 2, loaded: 1000, executed: 600 },
});
const lighthouse = (performance: number): LighthouseSummary => ({
  runs: 3,
  scores: { performance, accessibility: 100, 'best-practices': 100, seo: 100 },
  lcpMs: 900,
  tbtMs: 0,
  cls: 0,
  failing: performance < 100 ? ['largest-contentful-paint'] : [],
});

function results(overrides: Partial<BenchResults> = {}): BenchResults {
  return {
    date: '2026-01-01T00:00:00.000Z',
    commit: 'abc1234',
    machine: {
      cpus: 2,
      cpuModel: 'Test CPU',
      memoryGB: 24,
      loadAverage: { start: 1, end: 2 },
      node: '24.0.0',
      chromium: '150',
      lighthouse: '13.5.0',
    },
    options: { quick: false, lighthouseRuns: 3, scaleArticles: 300, skipped: [] },
    durationSeconds: 600,
    pages: [
      { page: '', figures: 0, visit: visit(5_000), lighthouse: { mobile: lighthouse(100) }, anchors: [] },
      {
        page: 'articles/two/',
        figures: 2,
        visit: visit(20_000),
        lighthouse: { mobile: lighthouse(100), desktop: lighthouse(100) },
        anchors: [
          { anchor: 'a', cls: 0, allShifts: 0, reached: true },
          { anchor: 'b', cls: 0, allShifts: 0, reached: true },
        ],
      },
      { page: 'articles/none/', figures: 0, visit: visit(40_000) },
    ],
    builds: {
      warm: { seconds: 5, runs: [5, 6], cpuSeconds: 6, pages: 10 },
      scale: {
        seconds: 11,
        runs: [11, 12],
        cpuSeconds: 12,
        pages: 310,
        articles: 300,
        diagramSources: 4,
        msPerPage: 20,
        cpuMsPerPage: 20,
      },
    },
    budgets: {
      lines: [{ scope: 'site', budget: 'CSS, every stylesheet once', actual: 4_000, limit: 10_000 }],
      over: 0,
    },
    notes: [],
    ...overrides,
  };
}

describe('the targets', () => {
  it('are met when every figure is within its goal', () => {
    expect(evaluateTargets(results()).map((row) => row.met)).toEqual([true, true, true, true, true]);
  });

  it('compares the two-diagram articles with Starlight, not the others', () => {
    expect(comparisonArticles(results().pages).map((page) => page.page)).toEqual(['articles/two/']);
    const [, , lighter] = evaluateTargets(results());
    expect(lighter?.measured).toBe('/articles/two/ (2 diagrams): 20.0 KB, 12.7x lighter');
  });

  it('say what falls short, and where', () => {
    const base = results();
    const worse = results({
      pages: base.pages.map((page) =>
        page.page === 'articles/two/'
          ? {
              ...page,
              visit: visit(40_000),
              lighthouse: { mobile: lighthouse(92) },
              // Chrome flagged it as following input, so CLS is 0; the target counts it anyway.
              anchors: [{ anchor: 'fig-x', cls: 0, allShifts: 0.05, reached: true }],
            }
          : page,
      ),
      builds: {
        scale: {
          seconds: 30,
          runs: [30],
          cpuSeconds: 20,
          pages: 310,
          articles: 300,
          diagramSources: 4,
          msPerPage: 45,
          cpuMsPerPage: 31,
        },
      },
      budgets: { lines: base.budgets.lines, over: 2 },
    });
    const rows = evaluateTargets(worse);
    expect(rows.map((row) => row.met)).toEqual([false, false, false, false, false]);
    expect(rows[0]?.measured).toBe('below 100: /articles/two/ performance 92');
    expect(rows[1]?.measured).toBe('max 0.0500 over 1 anchors (/articles/two/#fig-x)');
    // Judged on CPU time; wall time is shown beside it.
    expect(rows[3]?.measured).toBe('31.0 ms CPU, 45.0 ms wall (300 synthetic articles)');
  });

  it('are "not measured" when their part was skipped', () => {
    const skipped = results({
      pages: results().pages.map(({ page, figures }) => ({ page, figures })),
      builds: {},
    });
    expect(evaluateTargets(skipped).map((row) => row.met)).toEqual([undefined, undefined, undefined, undefined, true]);
  });
});

describe('the Markdown report', () => {
  it('starts with the targets, then one table per measurement', () => {
    const markdown = renderMarkdown(results());
    const headings = [...markdown.matchAll(/^## (.+)$/gm)].map((match) => match[1]);
    expect(headings).toEqual([
      'Targets',
      'First visit, per page',
      'JavaScript before any interaction',
      'Lighthouse (median of 3 runs)',
      'Layout shift when opening a page at an anchor',
      'Build time',
      'Size budgets (static, from dist/)',
    ]);
    expect(markdown).toContain('| `/articles/two/` | 2 | 3 | 19.5 KB (60.0 KB) |');
    expect(markdown).toContain('| `/articles/two/` | mobile | 100 | 100 | 100 | 100 | 900 ms | 0 ms | 0.000 |  |');
    expect(markdown).toContain('**20.0 ms CPU, 20.0 ms wall per added page**');
  });
});
