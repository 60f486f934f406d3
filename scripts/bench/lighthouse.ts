/**
 * Lighthouse (the npm package) against the system Chromium: scores in the four categories and
 * LCP, TBT and CLS, for mobile (Lighthouse's default emulation) and desktop.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Result } from 'lighthouse';
import { CHROMIUM_ARGS, locateChromium } from '../../src/diagrams/chromium.ts';
import { median } from './numbers.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export type FormFactor = 'mobile' | 'desktop';

/** Flags for the system Chromium here: headless, and no calls home on a closed network. */
export const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

export interface LighthouseRun {
  /** 0-100 per category. */
  scores: Record<Category, number>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Scored audits below 1 in the four categories: why a score is not 100. */
  failing: string[];
  warnings: string[];
}

export interface LighthouseSummary extends Omit<LighthouseRun, 'warnings'> {
  runs: number;
}

/** Starts the Chromium Lighthouse drives (CHROME_PATH, else the project's one) and stops it after `work`. */
export async function withLighthouseChrome<T>(work: (port: number) => Promise<T>): Promise<T> {
  const chromePath = process.env['CHROME_PATH'] ?? (await locateChromium());
  const chrome = await chromeLauncher.launch({ ...(chromePath ? { chromePath } : {}), chromeFlags: CHROME_FLAGS });
  try {
    return await work(chrome.port);
  } finally {
    chrome.kill();
  }
}

/** What one Lighthouse report says, reduced to the figures the benchmark prints. */
export function readReport(lhr: Result): LighthouseRun {
  const scores = Object.fromEntries(
    CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
  ) as Record<Category, number>;
  const failing = new Set<string>();
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories[id]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.add(ref.id);
    }
  }
  return {
    scores,
    lcpMs: lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    tbtMs: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
    cls: lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
    failing: [...failing].sort(),
    warnings: lhr.runWarnings,
  };
}

/** The median of each figure over several runs (each independently), and every audit that failed in any. */
export function summariseRuns(runs: readonly LighthouseRun[]): LighthouseSummary {
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, median(runs.map((run) => run.scores[id]))])) as Record<
    Category,
    number
  >;
  return {
    runs: runs.length,
    scores,
    lcpMs: median(runs.map((run) => run.lcpMs)),
    tbtMs: median(runs.map((run) => run.tbtMs)),
    cls: median(runs.map((run) => run.cls)),
    failing: [...new Set(runs.flatMap((run) => run.failing))].sort(),
  };
}

/** One Lighthouse run of `url` on the Chromium listening on `port`. */
export async function runLighthouse(url: string, port: number, formFactor: FormFactor): Promise<LighthouseRun> {
  const result = await lighthouse(
    url,
    { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
    formFactor === 'desktop' ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
  return readReport(result.lhr);
}
