/**
 * Measurements in Chromium (Playwright) against the built site served on localhost: what a first
 * visit downloads, the JS that runs before any interaction, and the layout shift when a page is
 * opened at an anchor.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, locateChromium } from '../../src/diagrams/chromium.ts';
import { gzipSize } from '../lib/page-weight.ts';
import { executedCharacters, type ScriptCoverage } from './numbers.ts';

export const RESOURCE_TYPES = ['html', 'css', 'js', 'font', 'image', 'other'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface Bytes {
  /** Decoded body bytes. */
  raw: number;
  /** Body gzipped at level 9 (text types; binary types count as raw). */
  gzip: number;
  /** What crossed the wire: encoded body plus response headers, as Chromium reports. */
  transfer: number;
  requests: number;
}

export interface Visit {
  url: string;
  total: Bytes;
  byType: Record<ResourceType, Bytes>;
  /** Requests that failed or answered >= 400. */
  failures: string[];
  js: {
    /** Scripts that ran (files and inline scripts). */
    scripts: number;
    /** Characters of JS loaded, and of it, characters inside code that ran (V8 block coverage). */
    loaded: number;
    executed: number;
  };
}

export interface AnchorShift {
  anchor: string;
  /** CLS as the metric defines it: layout shifts not flagged `hadRecentInput`, from load until settled. */
  cls: number;
  /**
   * Every layout shift, flagged or not. Chrome flags shifts within 500 ms of the jump to the
   * anchor as following input, so CLS leaves them out; nobody touched the page here, so the
   * benchmark judges the target on this sum: any movement the reader would see.
   */
  allShifts: number;
  /** Whether the anchor's element was at the top of the viewport once settled. */
  reached: boolean;
}

/** The viewport of Lighthouse's mobile emulation (a mid-range phone). */
export const MOBILE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
};
export const DESKTOP = {
  viewport: { width: 1350, height: 940 },
  deviceScaleFactor: 1,
  isMobile: false,
  hasTouch: false,
};
export type Device = typeof MOBILE | typeof DESKTOP;

export async function launchChromium(): Promise<Browser> {
  const executablePath = await locateChromium();
  return chromium.launch(executablePath ? { executablePath, args: CHROMIUM_ARGS } : {});
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json|javascript)|image\/svg\+xml)/;

function typeOf(resourceType: string, contentType: string): ResourceType {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'script') return 'js';
  if (resourceType === 'font') return 'font';
  if (resourceType === 'image') return 'image';
  if (contentType.startsWith('text/javascript')) return 'js';
  return 'other';
}

function emptyBytes(): Bytes {
  return { raw: 0, gzip: 0, transfer: 0, requests: 0 };
}

/** A fresh context (empty cache and storage) with the HTTP cache off, like a first visit. */
async function freshPage(
  browser: Browser,
  device: Device & { reducedMotion?: 'reduce' },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...device, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { context, page };
}

/** Opens a page as a first-time reader and records every response and the JS that ran. */
export async function measureVisit(browser: Browser, url: string, device: Device = MOBILE): Promise<Visit> {
  const { context, page } = await freshPage(browser, device);
  const visit: Visit = {
    url,
    total: emptyBytes(),
    byType: Object.fromEntries(RESOURCE_TYPES.map((type) => [type, emptyBytes()])) as Record<ResourceType, Bytes>,
    failures: [],
    js: { scripts: 0, loaded: 0, executed: 0 },
  };
  const pending: Promise<void>[] = [];
  page.on('requestfailed', (request) =>
    visit.failures.push(`${request.url()} (${request.failure()?.errorText ?? '?'})`),
  );
  page.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        const response = await request.response();
        if (!response) return;
        if (response.status() >= 400) visit.failures.push(`${request.url()} (HTTP ${response.status()})`);
        const contentType = (await response.allHeaders())['content-type'] ?? '';
        const body = await response.body().catch(() => Buffer.alloc(0));
        const sizes = await request.sizes();
        const bytes: Bytes = {
          raw: body.byteLength,
          gzip: COMPRESSIBLE.test(contentType) ? gzipSize(body) : body.byteLength,
          transfer: sizes.responseBodySize + sizes.responseHeadersSize,
          requests: 1,
        };
        for (const target of [visit.total, visit.byType[typeOf(request.resourceType(), contentType)]]) {
          target.raw += bytes.raw;
          target.gzip += bytes.gzip;
          target.transfer += bytes.transfer;
          target.requests += 1;
        }
      })(),
    );
  });
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const coverage = (await page.coverage.stopJSCoverage()) as ScriptCoverage[];
  await Promise.all(pending);
  for (const script of coverage) {
    const { total, executed } = executedCharacters(script);
    if (executed === 0) continue;
    visit.js.scripts += 1;
    visit.js.loaded += total;
    visit.js.executed += executed;
  }
  await context.close();
  return visit;
}

/** The ids a reader can land on (headings and figures in <main>), and which lie below a figure. */
export async function listAnchors(
  browser: Browser,
  url: string,
): Promise<{ anchors: string[]; belowFirstFigure: string[]; belowLastFigure: string[] }> {
  const { context, page } = await freshPage(browser, MOBILE);
  await page.goto(url, { waitUntil: 'load' });
  const found = await page.evaluate(() => {
    const targets = [...document.querySelectorAll('main h2[id], main h3[id], main figure[id]')].filter(
      (element) => !element.closest('nav'),
    );
    const figures = [...document.querySelectorAll('main figure.cde-figure')];
    const after = (element: Element, figure: Element | undefined): boolean =>
      figure !== undefined &&
      figure !== element &&
      Boolean(figure.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) &&
      !figure.contains(element);
    return {
      anchors: targets.map((element) => element.id),
      belowFirstFigure: targets.filter((element) => after(element, figures[0])).map((element) => element.id),
      belowLastFigure: targets.filter((element) => after(element, figures.at(-1))).map((element) => element.id),
    };
  });
  await context.close();
  return found;
}

/** Opens `url#anchor` fresh and sums the layout shifts until the page has settled. */
export async function measureAnchorShift(
  browser: Browser,
  url: string,
  anchor: string,
  device: Device = MOBILE,
): Promise<AnchorShift> {
  // Reduced motion: the jump is instant instead of a smooth scroll of several seconds. Shifts
  // come from layout, not from scrolling, so this changes the time taken, not the result.
  const { context, page } = await freshPage(browser, { ...device, reducedMotion: 'reduce' });
  await page.addInitScript(() => {
    const state = window as unknown as { cdeShift: { cls: number; all: number } };
    state.cdeShift = { cls: 0, all: 0 };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        state.cdeShift.all += entry.value;
        if (!entry.hadRecentInput) state.cdeShift.cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${url}#${encodeURIComponent(anchor)}`, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const result = await page.evaluate(async (id) => {
    await document.fonts.ready;
    // Wait until the scroll position has not moved for 300 ms (at most 8 s), in case something
    // still scrolls, then two more frames for anything left to lay out.
    let last = -1;
    let still = performance.now();
    const deadline = performance.now() + 8000;
    while (performance.now() - still < 300 && performance.now() < deadline) {
      await new Promise((done) => requestAnimationFrame(done));
      if (scrollY !== last) {
        last = scrollY;
        still = performance.now();
      }
    }
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const top = document.getElementById(id)?.getBoundingClientRect().top ?? Number.NaN;
    return { ...(window as unknown as { cdeShift: { cls: number; all: number } }).cdeShift, top };
  }, anchor);
  await context.close();
  // Scrolling stops early at the end of the page, and scroll-padding leaves a little room.
  return { anchor, cls: result.cls, allShifts: result.all, reached: Math.abs(result.top) < device.viewport.height };
}
