/**
 * `npm run bench`: builds the site, measures every page, and writes bench-results/latest.md and
 * latest.json, each figure beside the targets docs/QUALITY.md sets. A benchmark, not a test: it fails only
 * when it cannot measure, never on a number. `--help` lists the options.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { checkBudgets } from '../lib/budgets.ts';
import { analyseSite } from '../lib/page-weight.ts';
import { createStaticServer } from '../lib/static-server.ts';
import { launchChromium, listAnchors, measureAnchorShift, measureVisit } from './browser.ts';
import { addSyntheticArticles, clearCaches, copyProject, timeBuild } from './builds.ts';
import { runLighthouse, summariseRuns, withLighthouseChrome, type LighthouseRun } from './lighthouse.ts';
import { parseBenchArgs, USAGE, type Part } from './options.ts';
import { evaluateTargets, renderMarkdown, type BenchResults, type PageResult } from './report.ts';

const options = parseBenchArgs(process.argv.slice(2));
if (options.help) {
  console.log(USAGE);
  process.exit(0);
}
const runs = (part: Part): boolean => !options.skip.includes(part);
const log = (message: string): void => console.error(`[bench] ${message}`);
const started = performance.now();
const root = process.cwd();
const notes: string[] = [];
const results: BenchResults = {
  date: new Date().toISOString(),
  commit: gitDescribe(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
    loadAverage: { start: loadavg()[0] ?? 0, end: 0 },
    node: process.versions.node,
    chromium: 'not started',
    lighthouse: JSON.parse(await readFile('node_modules/lighthouse/package.json', 'utf8')).version as string,
  },
  options: {
    quick: options.quick,
    lighthouseRuns: options.lighthouseRuns,
    scaleArticles: options.scaleArticles,
    skipped: options.skip,
    ...(options.pages ? { pages: options.pages.source } : {}),
  },
  durationSeconds: 0,
  pages: [],
  budgets: { lines: [], over: 0 },
  notes,
};

function gitDescribe(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', '.', ':!bench-results'], {
      encoding: 'utf8',
    }).trim();
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
}

// 1. Build the site (timed: what `npm run build` costs today).
results.builds = {};
if (options.build) {
  log('building the site…');
  results.builds.site = await timeBuild(root);
}

// 2. What dist/ holds: pages, diagrams, and the static budgets npm test enforces.
const site = await analyseSite('dist');
const budgetReport = checkBudgets(site);
results.budgets = { lines: budgetReport.lines, over: budgetReport.over.length };
const pages: PageResult[] = site.pages
  .filter((page) => !options.pages || options.pages.test(page.page))
  .map((page) => ({ page: page.page, figures: page.figures }));
results.pages = pages;
log(`${pages.length} pages to measure`);

// 3. Serve dist/ gzipped on a free port of localhost.
const server = createStaticServer({ root: 'dist', base: '/', compress: true });
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const urlOf = (page: string): string => `${origin}/${page}`;

try {
  // 4. Chromium: first-visit bytes, JS coverage, layout shift at anchors.
  if (runs('browser') || runs('anchors')) {
    const browser = await launchChromium();
    results.machine.chromium = browser.version();
    try {
      for (const page of pages) {
        if (runs('browser')) {
          log(`first visit /${page.page}`);
          page.visit = await measureVisit(browser, urlOf(page.page));
        }
        if (runs('anchors')) {
          const found = await listAnchors(browser, urlOf(page.page));
          // Where diagrams could move the text a reader lands on: the anchors below a page's first
          // diagram (quick: only the first one below its last diagram).
          const anchors = options.quick ? found.belowLastFigure.slice(0, 1) : found.belowFirstFigure;
          page.anchors = [];
          for (const anchor of anchors) page.anchors.push(await measureAnchorShift(browser, urlOf(page.page), anchor));
          if (anchors.length > 0) log(`anchors /${page.page}: ${anchors.length}`);
        }
      }
    } finally {
      await browser.close();
    }
    if (runs('anchors')) {
      notes.push(
        options.quick
          ? 'Anchors (quick run): on pages with diagrams, the first heading or figure below the last diagram.'
          : 'Anchors: every h2, h3 and figure id in <main> (outside navigation) below the first diagram of each page with diagrams.',
      );
    }
  }

  // 5. Lighthouse, mobile and desktop, median of N runs.
  if (runs('lighthouse')) {
    await withLighthouseChrome(async (port) => {
      for (const page of pages) {
        page.lighthouse = {};
        for (const formFactor of ['mobile', 'desktop'] as const) {
          const done: LighthouseRun[] = [];
          for (let i = 0; i < options.lighthouseRuns; i++)
            done.push(await runLighthouse(urlOf(page.page), port, formFactor));
          page.lighthouse[formFactor] = summariseRuns(done);
          const warnings = [...new Set(done.flatMap((run) => run.warnings))];
          for (const warning of warnings) notes.push(`Lighthouse warning on /${page.page} (${formFactor}): ${warning}`);
          log(`lighthouse /${page.page} ${formFactor}: ${JSON.stringify(page.lighthouse[formFactor]?.scores)}`);
        }
      }
    });
  }
} finally {
  server.close();
}

// 6. Build timings in a temporary copy: cold, warm, and the scale run.
if (runs('builds')) {
  const copy = await copyProject(root);
  try {
    await clearCaches(copy);
    log('cold build (temporary copy, caches cleared)…');
    results.builds.cold = await timeBuild(copy);
    log('warm builds…');
    results.builds.warm = await timeBuild(copy, 2);
    if (runs('scale') && options.scaleArticles > 0) {
      const { diagrams } = await addSyntheticArticles(copy, options.scaleArticles);
      log(`scale run: ${options.scaleArticles} synthetic articles…`);
      const timing = await timeBuild(copy, 2);
      const added = timing.pages - results.builds.warm.pages;
      results.builds.scale = {
        ...timing,
        articles: options.scaleArticles,
        diagramSources: diagrams,
        msPerPage: ((timing.seconds - results.builds.warm.seconds) * 1000) / added,
        cpuMsPerPage: ((timing.cpuSeconds - results.builds.warm.cpuSeconds) * 1000) / added,
      };
    }
  } finally {
    if (options.keep) log(`kept the temporary copy: ${copy}`);
    else await rm(copy, { recursive: true, force: true });
  }
}

// 7. Write and print.
results.durationSeconds = (performance.now() - started) / 1000;
results.machine.loadAverage.end = loadavg()[0] ?? 0;
await mkdir(options.out, { recursive: true });
const markdown = renderMarkdown(results);
await writeFile(join(options.out, 'latest.md'), markdown);
await writeFile(join(options.out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
for (const row of evaluateTargets(results)) {
  const status = row.met === undefined ? 'not measured' : row.met ? 'met' : 'NOT MET';
  console.log(`${status.padEnd(12)} ${row.target}: ${row.measured} (goal ${row.goal})`);
}
console.log(`\nFull report: ${join(options.out, 'latest.md')} (and latest.json)`);
