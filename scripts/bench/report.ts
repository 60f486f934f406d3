/**
 * The benchmark's results: their shape (written as JSON), the targets (docs/QUALITY.md) they are judged
 * against, and the Markdown report. Pure: numbers in, text out.
 */
import { formatBudgetTable, type BudgetLine } from '../lib/budgets.ts';
import type { AnchorShift, Bytes, ResourceType, Visit } from './browser.ts';
import type { BuildTiming } from './builds.ts';
import type { Category, FormFactor, LighthouseSummary } from './lighthouse.ts';

/** The Starlight article the targets compare with: two client-side Mermaid diagrams, 254 KB gzipped on first load. */
export const STARLIGHT_TWO_DIAGRAM_BYTES = 254_000;
export const TARGETS = {
  lighthouseMobile: 100,
  anchorCls: 0,
  lighterThanStarlight: 8,
  buildMsPerPage: 30,
} as const;

export interface PageResult {
  /** Path relative to the base: `articles/replication/`, `` for the home page. */
  page: string;
  /** Diagrams on the page (from dist/). */
  figures: number;
  /** First visit in Chromium (mobile viewport). */
  visit?: Visit;
  lighthouse?: Partial<Record<FormFactor, LighthouseSummary>>;
  anchors?: AnchorShift[];
}

export interface BenchResults {
  date: string;
  commit: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGB: number;
    /** 1-minute load average when the run started and ended: other work on the machine skews timings. */
    loadAverage: { start: number; end: number };
    node: string;
    chromium: string;
    lighthouse: string;
  };
  options: { quick: boolean; lighthouseRuns: number; scaleArticles: number; skipped: string[]; pages?: string };
  durationSeconds: number;
  pages: PageResult[];
  builds?: {
    site?: BuildTiming;
    cold?: BuildTiming;
    warm?: BuildTiming;
    /** msPerPage: wall time per added page; cpuMsPerPage: CPU time, what the target is judged on. */
    scale?: BuildTiming & { articles: number; diagramSources: number; msPerPage: number; cpuMsPerPage: number };
  };
  budgets: { lines: BudgetLine[]; over: number };
  notes: string[];
}

export interface TargetRow {
  target: string;
  goal: string;
  measured: string;
  /** undefined when the part that measures it was skipped. */
  met: boolean | undefined;
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;
const ms = (value: number): string => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');
const mark = (met: boolean | undefined): string => (met === undefined ? 'not measured' : met ? 'yes' : '**no**');

/** The articles the "8 times lighter" target applies to: those with two diagrams, else all with any. */
export function comparisonArticles(pages: readonly PageResult[]): PageResult[] {
  const articles = pages.filter((page) => /^articles\/[^/]+\/$/.test(page.page) && page.visit);
  const two = articles.filter((page) => page.figures === 2);
  return two.length > 0 ? two : articles.filter((page) => page.figures > 0);
}

/** Each target beside what this run measured. */
export function evaluateTargets(results: BenchResults): TargetRow[] {
  const rows: TargetRow[] = [];

  const mobile = results.pages.flatMap((page) =>
    page.lighthouse?.mobile ? [{ page: page.page, summary: page.lighthouse.mobile }] : [],
  );
  const below = mobile.flatMap(({ page, summary }) =>
    Object.entries(summary.scores)
      .filter(([, score]) => score < TARGETS.lighthouseMobile)
      .map(([category, score]) => `/${page} ${category} ${score}`),
  );
  rows.push({
    target: 'Lighthouse mobile, all four categories, every page',
    goal: '100',
    measured:
      mobile.length === 0
        ? 'n/a'
        : below.length === 0
          ? `100 everywhere (${mobile.length} pages)`
          : `below 100: ${below.join('; ')}`,
    met: mobile.length === 0 ? undefined : below.length === 0,
  });

  const anchors = results.pages.flatMap((page) => (page.anchors ?? []).map((shift) => ({ page: page.page, shift })));
  // Judged on every shift, including those Chrome flags as following the jump to the anchor.
  const worst = anchors.reduce<(typeof anchors)[number] | undefined>(
    (max, entry) => (!max || entry.shift.allShifts > max.shift.allShifts ? entry : max),
    undefined,
  );
  rows.push({
    target: 'CLS when opening a page at an anchor (every shift counted)',
    goal: '0 at every anchor',
    measured: worst
      ? `max ${worst.shift.allShifts.toFixed(4)} over ${anchors.length} anchors${worst.shift.allShifts > 0 ? ` (/${worst.page}#${worst.shift.anchor})` : ''}`
      : 'n/a',
    met: worst ? worst.shift.allShifts === 0 : undefined,
  });

  const compared = comparisonArticles(results.pages);
  const ratios = compared.map((page) => ({
    page: page.page,
    figures: page.figures,
    bytes: page.visit?.total.transfer ?? Number.NaN,
  }));
  rows.push({
    target: `At least ${TARGETS.lighterThanStarlight}x lighter than Starlight's two-diagram article (${kb(STARLIGHT_TWO_DIAGRAM_BYTES)})`,
    goal: `<= ${kb(STARLIGHT_TWO_DIAGRAM_BYTES / TARGETS.lighterThanStarlight)} transferred`,
    measured:
      ratios.length === 0
        ? 'n/a (no article with diagrams)'
        : ratios
            .map(
              (ratio) =>
                `/${ratio.page} (${ratio.figures} diagrams): ${kb(ratio.bytes)}, ${(STARLIGHT_TWO_DIAGRAM_BYTES / ratio.bytes).toFixed(1)}x lighter`,
            )
            .join('; '),
    met:
      ratios.length === 0
        ? undefined
        : ratios.every((ratio) => STARLIGHT_TWO_DIAGRAM_BYTES / ratio.bytes >= TARGETS.lighterThanStarlight),
  });

  // Judged on CPU time: on a machine shared with other work, wall time measures the others too.
  const scale = results.builds?.scale;
  rows.push({
    target: 'Build cost per page (scale run, CPU time)',
    goal: `<= ~${TARGETS.buildMsPerPage} ms`,
    measured: scale
      ? `${scale.cpuMsPerPage.toFixed(1)} ms CPU, ${scale.msPerPage.toFixed(1)} ms wall (${scale.articles} synthetic articles)`
      : 'n/a',
    met: scale ? scale.cpuMsPerPage <= TARGETS.buildMsPerPage : undefined,
  });

  rows.push({
    target: 'Size budgets (npm test): first visit, JS, site CSS',
    goal: '30 KB + 6 KB per diagram beyond 2; JS 3 KB; CSS 10 KB',
    measured:
      results.budgets.over === 0
        ? `all ${results.budgets.lines.length} within budget`
        : `${results.budgets.over} over budget`,
    met: results.budgets.over === 0,
  });
  return rows;
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

const pageLabel = (page: string): string => `\`/${page}\``;
const cell = (bytes: Bytes): string => (bytes.requests === 0 ? '-' : `${kb(bytes.gzip)} (${kb(bytes.raw)})`);

const CATEGORY_ORDER: Category[] = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The whole report, as Markdown. */
export function renderMarkdown(results: BenchResults): string {
  const out: string[] = [];
  out.push('# Benchmark results', '');
  out.push(
    `Run on ${results.date} at commit \`${results.commit}\`, ${results.machine.cpus} cores (${results.machine.cpuModel}), ` +
      `${results.machine.memoryGB} GB, Node ${results.machine.node}, Chromium ${results.machine.chromium}, ` +
      `Lighthouse ${results.machine.lighthouse}. Took ${Math.round(results.durationSeconds)} s` +
      `${results.options.quick ? ' (quick run)' : ''}. Load average ${results.machine.loadAverage.start.toFixed(1)} at the ` +
      `start, ${results.machine.loadAverage.end.toFixed(1)} at the end: timings and Lighthouse's performance figures ` +
      'suffer when other work shares the machine.',
  );
  if (results.options.skipped.length > 0) out.push('', `Skipped: ${results.options.skipped.join(', ')}.`);
  if (results.options.pages) out.push('', `Pages matching \`${results.options.pages}\` only.`);
  out.push(
    '',
    'Produced by `npm run bench` (see docs/QUALITY.md). A benchmark, not a test: nothing here fails CI.',
    '',
  );

  out.push('## Targets', '');
  out.push(
    table(
      ['Target', 'Goal', 'Measured', 'Met'],
      evaluateTargets(results).map((row) => [row.target, row.goal, row.measured, mark(row.met)]),
    ),
    '',
  );

  const visited = results.pages.filter((page) => page.visit);
  if (visited.length > 0) {
    out.push('## First visit, per page', '');
    out.push(
      'Measured in Chromium (mobile viewport, empty cache) against the built site on localhost, served gzipped. ' +
        'Each cell: gzipped (raw). Transfer: bytes on the wire, headers included.',
      '',
    );
    const types: ResourceType[] = ['html', 'css', 'js', 'font', 'image', 'other'];
    out.push(
      table(
        ['Page', 'Diagrams', 'Requests', 'HTML', 'CSS', 'JS', 'Fonts', 'Images', 'Other', 'Total', 'Transfer'],
        visited.map((page) => {
          const visit = page.visit as Visit;
          return [
            pageLabel(page.page),
            String(page.figures),
            String(visit.total.requests),
            ...types.map((type) => cell(visit.byType[type])),
            cell(visit.total),
            kb(visit.total.transfer),
          ];
        }),
      ),
      '',
    );
    const failures = visited.flatMap((page) => (page.visit as Visit).failures.map((f) => `/${page.page}: ${f}`));
    if (failures.length > 0) out.push('Failed requests:', '', ...failures.map((f) => `- ${f}`), '');

    out.push('## JavaScript before any interaction', '');
    out.push('V8 block coverage from opening the page until the network is idle, without any input.', '');
    out.push(
      table(
        ['Page', 'Scripts run', 'JS loaded', 'JS executed'],
        visited.map((page) => {
          const js = (page.visit as Visit).js;
          return [
            pageLabel(page.page),
            String(js.scripts),
            `${js.loaded.toLocaleString('en')} chars`,
            js.loaded === 0
              ? '-'
              : `${js.executed.toLocaleString('en')} chars (${Math.round((100 * js.executed) / js.loaded)}%)`,
          ];
        }),
      ),
      '',
    );
  }

  const audited = results.pages.filter((page) => page.lighthouse && Object.keys(page.lighthouse).length > 0);
  if (audited.length > 0) {
    out.push(
      `## Lighthouse (median of ${results.options.lighthouseRuns} run${results.options.lighthouseRuns === 1 ? '' : 's'})`,
      '',
    );
    out.push("Scores 0-100 per category; LCP, TBT and CLS are Lighthouse's (simulated throttling).", '');
    const rows: string[][] = [];
    for (const page of audited) {
      for (const formFactor of ['mobile', 'desktop'] as const) {
        const summary = page.lighthouse?.[formFactor];
        if (!summary) continue;
        rows.push([
          pageLabel(page.page),
          formFactor,
          ...CATEGORY_ORDER.map((category) => String(summary.scores[category])),
          ms(summary.lcpMs),
          ms(summary.tbtMs),
          summary.cls.toFixed(3),
          summary.failing.length === 0 ? '' : summary.failing.map((id) => `\`${id}\``).join(', '),
        ]);
      }
    }
    out.push(
      table(['Page', 'Form factor', 'Perf.', 'A11y', 'Best pr.', 'SEO', 'LCP', 'TBT', 'CLS', 'Audits below 1'], rows),
      '',
    );
  }

  const shifted = results.pages.filter((page) => page.anchors && page.anchors.length > 0);
  if (shifted.length > 0) {
    out.push('## Layout shift when opening a page at an anchor', '');
    out.push(
      'Each anchor opened fresh as `page#anchor` (mobile viewport, empty cache) and watched with a `layout-shift` ' +
        'PerformanceObserver until the page settles. CLS leaves out shifts flagged `hadRecentInput`, which Chrome ' +
        'sets for 500 ms after the jump to the anchor; "all shifts" counts them too (nobody touched the page), ' +
        'and is what the target is judged on.',
      '',
    );
    out.push(
      table(
        ['Page', 'Diagrams', 'Anchors', 'Max CLS', 'Max all shifts', 'Worst anchor', 'Not reached'],
        shifted.map((page) => {
          const anchors = page.anchors as AnchorShift[];
          const worst = anchors.reduce((max, shift) => (shift.allShifts > max.allShifts ? shift : max));
          const maxCls = Math.max(...anchors.map((shift) => shift.cls));
          const unreached = anchors.filter((shift) => !shift.reached).map((shift) => `#${shift.anchor}`);
          return [
            pageLabel(page.page),
            String(page.figures),
            String(anchors.length),
            maxCls.toFixed(4),
            worst.allShifts.toFixed(4),
            worst.allShifts > 0 ? `#${worst.anchor}` : '',
            unreached.join(', '),
          ];
        }),
      ),
      '',
    );
  }

  const builds = results.builds;
  if (builds && Object.keys(builds).length > 0) {
    out.push('## Build time', '');
    const rows: string[][] = [];
    const line = (name: string, timing: BuildTiming | undefined, note: string): void => {
      if (!timing) return;
      const all = timing.runs.length > 1 ? ` (fastest of ${timing.runs.map((run) => run.toFixed(1)).join(', ')})` : '';
      rows.push([
        name,
        `${timing.seconds.toFixed(1)} s${all}`,
        `${timing.cpuSeconds.toFixed(1)} s`,
        String(timing.pages),
        `${((timing.seconds * 1000) / timing.pages).toFixed(0)} ms`,
        note,
      ]);
    };
    line('Site (this worktree)', builds.site, 'what `npm run build` costs now');
    line('Cold', builds.cold, 'temporary copy, every cache cleared (diagrams re-rendered)');
    line('Warm', builds.warm, 'same copy again, caches full');
    if (builds.scale) {
      line(
        'Scale run',
        builds.scale,
        `warm, plus ${builds.scale.articles} synthetic articles (${builds.scale.diagramSources > 0 ? `two diagrams each, from the ${builds.scale.diagramSources} Mermaid blocks of the site's articles` : 'no diagrams: the site has no Mermaid blocks yet'}): ` +
          `**${builds.scale.cpuMsPerPage.toFixed(1)} ms CPU, ${builds.scale.msPerPage.toFixed(1)} ms wall per added page**`,
      );
    }
    if (rows.length > 0) {
      out.push(
        'Wall time of the whole `astro build` process; CPU time is user + system of it and its children. ' +
          'Per page: wall time divided by the pages built.',
        '',
        table(['Build', 'Wall time', 'CPU time', 'Pages', 'Per page', 'Note'], rows),
        '',
      );
    }
  }

  out.push('## Size budgets (static, from dist/)', '');
  out.push('What `npm test` enforces (tests/dist/budgets.test.ts), gzipped, 1 KB = 1,000 bytes:', '');
  out.push(formatBudgetTable(results.budgets.lines), '');

  if (results.notes.length > 0) out.push('## Notes', '', ...results.notes.map((note) => `- ${note}`), '');
  return out.join('\n');
}
