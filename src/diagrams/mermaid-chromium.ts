/**
 * Renders Mermaid diagrams with the official `mermaid` package inside headless Chromium:
 * one browser, one page, many diagrams. Only loaded when a diagram is missing from the cache,
 * so a build with a full cache never imports Playwright.
 */
import type { Browser, Page } from 'playwright-core';
import { MERMAID_CONFIG, mermaidBundlePath } from './mermaid-config.ts';
import { optimizeDiagramSvg } from './svg.ts';
import { CHROMIUM_ARGS, locateChromium, NO_CHROMIUM_HINT } from './chromium.ts';
import type { DiagramRenderer, RenderRequest, RenderResult } from './renderer.ts';

/** Thrown when a diagram must be rendered and no Chromium can be found. */
export class NoChromiumError extends Error {
  override name = 'NoChromiumError';
}

interface RawResult {
  ok: boolean;
  svg?: string;
  message?: string;
  line?: number;
}

/** Runs in the page. Kept free of closures: Playwright serialises it as source text. */
async function renderInPage(input: { sources: string[]; config: unknown }): Promise<RawResult[]> {
  interface MermaidError {
    message?: string;
    hash?: { line?: number; loc?: { first_line?: number } };
  }
  interface MermaidApi {
    initialize(config: unknown): void;
    parse(text: string): Promise<unknown>;
    render(id: string, text: string): Promise<{ svg: string }>;
  }
  // Mermaid's <style> sets text-anchor, font sizes and weights that position labels; the site
  // drops that <style> (it also holds the colours), so these few properties become attributes.
  const bakeTextLayout = (svg: string): string => {
    const host = document.createElement('div');
    document.body.append(host);
    host.innerHTML = svg;
    const root = host.querySelector('svg');
    if (!root) throw new Error('Mermaid returned no <svg> element.');
    for (const element of root.querySelectorAll('text, tspan')) {
      const own = getComputedStyle(element);
      const inherited = element.parentElement ? getComputedStyle(element.parentElement) : undefined;
      for (const property of ['text-anchor', 'dominant-baseline', 'font-size', 'font-weight', 'font-style']) {
        const value = own.getPropertyValue(property);
        if (value !== inherited?.getPropertyValue(property)) element.setAttribute(property, value);
      }
    }
    const xml = new XMLSerializer().serializeToString(root);
    host.remove();
    return xml;
  };
  const mermaid = (globalThis as unknown as { mermaid: MermaidApi }).mermaid;
  mermaid.initialize(input.config);
  const results: RawResult[] = [];
  for (const source of input.sources) {
    try {
      // parse() first: its errors carry the line, render() errors may not.
      await mermaid.parse(source);
      const { svg } = await mermaid.render('cde', source);
      results.push({ ok: true, svg: bakeTextLayout(svg) });
    } catch (error) {
      const { message, hash } = error as MermaidError;
      const fromMessage = /on line (\d+)/.exec(message ?? '')?.[1];
      const line =
        hash?.loc?.first_line ??
        (hash?.line === undefined ? undefined : hash.line + 1) ??
        (fromMessage === undefined ? undefined : Number(fromMessage));
      results.push({ ok: false, message: message ?? String(error), ...(line === undefined ? {} : { line }) });
    }
  }
  return results;
}

/** A started browser page with Mermaid loaded. */
export class MermaidPage {
  private readonly browser: Browser;
  private readonly page: Page;

  // Not parameter properties: scripts run this file with Node's type stripping, which cannot erase them.
  private constructor(browser: Browser, page: Page) {
    this.browser = browser;
    this.page = page;
  }

  static async open(executablePath?: string): Promise<MermaidPage> {
    const { chromium } = await import('playwright-core');
    const path = executablePath ?? (await locateChromium());
    if (!path) {
      throw new NoChromiumError(
        `No Chromium found to render Mermaid diagrams. ${NO_CHROMIUM_HINT} Then run \`npm run diagrams\` ` +
          'to render and cache the missing diagrams, and commit content/diagram-cache/.',
      );
    }
    const browser = await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>');
      await page.addScriptTag({ path: mermaidBundlePath() });
      return new MermaidPage(browser, page);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /** Raw Mermaid SVG (or Mermaid's error) for each source, rendered one after the other. */
  async renderRaw(sources: readonly string[]): Promise<RawResult[]> {
    return this.page.evaluate(renderInPage, { sources: [...sources], config: MERMAID_CONFIG });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Turns the page's raw result into a RenderResult with the optimised SVG. */
export function toRenderResult(raw: RawResult): RenderResult {
  if (raw.ok && raw.svg !== undefined) return { ok: true, svg: optimizeDiagramSvg(raw.svg) };
  return { ok: false, message: raw.message ?? 'Mermaid failed without a message.', line: raw.line };
}

/**
 * A DiagramRenderer that opens Chromium on first use and keeps it for later batches, so one build
 * starts one browser. Call close() when done; it is also closed after `idleMs` without work
 * (the timer does not keep Node alive).
 */
export function createChromiumRenderer(options: { executablePath?: string; idleMs?: number } = {}): DiagramRenderer & {
  close(): Promise<void>;
} {
  let session: Promise<MermaidPage> | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const close = async (): Promise<void> => {
    if (idleTimer) clearTimeout(idleTimer);
    const current = session;
    session = undefined;
    if (current) await (await current).close();
  };

  const render = async (requests: readonly RenderRequest[]): Promise<RenderResult[]> => {
    if (requests.length === 0) return [];
    if (idleTimer) clearTimeout(idleTimer);
    const current = (session ??= MermaidPage.open(options.executablePath));
    // One page renders one batch at a time; later batches wait their turn.
    const run = queue.then(async () => (await current).renderRaw(requests.map((request) => request.source)));
    queue = run.catch(() => undefined);
    try {
      return (await run).map(toRenderResult);
    } catch (error) {
      session = undefined;
      throw error;
    } finally {
      // A failed close only leaves a browser Playwright kills on exit anyway.
      idleTimer = setTimeout(() => void close().catch(() => undefined), options.idleMs ?? 2000);
      idleTimer.unref();
    }
  };

  return { render, close };
}
