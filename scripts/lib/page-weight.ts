/**
 * What a first visit to each page of a built site downloads, worked out from the dist folder
 * alone (no browser, no network), so that size budgets are deterministic.
 *
 * For every HTML page it follows what loads without interaction: stylesheets and their
 * `@import`/`url()` (fonts, images), scripts and their static `import`s, module preloads, icons,
 * images. Dynamic `import()` is not followed: that is code loaded on demand. Islands loaded when
 * they scroll into view are followed too but counted apart (see `docs/QUALITY.md`):
 * - `<astro-island client="visible">` (Astro's own islands): its component and renderer modules;
 * - any element with `data-island="<module URL>"`: that module, which a page script imports
 *   when the element becomes visible;
 * - any element with `data-island="<name>"` (not a URL): the island's loader is a page script
 *   that `import()`s its module when the element becomes visible, so the dynamic imports of the
 *   page's scripts count as the island.
 *
 * Sizes are bytes on disk ("raw") and gzip level 9 ("gzip"), one compressed stream per file.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { listBuildFiles, pageOf } from '../../src/postbuild/build-files.ts';
import { cssUrls, elementUrls, isJavaScript, jsSpecifiers, relsOf } from '../../src/postbuild/file-urls.ts';

export type AssetKind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
/** `first-visit`: loads on its own when the page opens. `island`: loads when an island becomes visible. */
export type Loading = 'first-visit' | 'island';

export interface Size {
  raw: number;
  gzip: number;
}

/** A file of dist/ that a page makes the browser download. */
export interface PageAsset extends Size {
  /** Path inside dist/, `/`-separated: `_astro/site.Ab12.css`. */
  file: string;
  kind: AssetKind;
  loading: Loading;
  /** What referenced it first, for reports: `<link rel=stylesheet>`, `@import in _astro/a.css`… */
  via: string;
}

/** A `<script>` or `<style>` written into the HTML itself (its bytes are part of the HTML's). */
export interface InlineCode extends Size {
  kind: 'css' | 'js';
  loading: Loading;
  /** sha1 of the text, so that the same inline code on many pages counts once site-wide. */
  hash: string;
}

export interface PageWeight {
  /** The page's path relative to the base: `articles/replication/`, `` for the home page, `404.html`. */
  page: string;
  /** The HTML file inside dist/. */
  file: string;
  html: Size;
  /** External files, each once, in discovery order. */
  assets: PageAsset[];
  inline: InlineCode[];
  /**
   * The page's first-visit inline scripts together, gzipped as one stream: they travel inside the
   * HTML's compressed stream, so gzipping each alone would count a header and the shared words
   * once per script.
   */
  inlineJs: Size;
  /** Diagrams: `<figure class="cde-figure">` elements that hold an inline `<svg>`. */
  figures: number;
  /** Question entries (`class="cde-question"`: question, answer and sources), as on /questions/. */
  questions: number;
  /** Links to a question (`<a class="cde-question-link">`), as in an article's list of questions it answers. */
  questionLinks: number;
  /** Entries rendered from a results file the tests write (`data-cde-measurement` on each). */
  measurements: number;
  /** Elements that load code when visible (`astro-island[client=visible]`, `[data-island]`). */
  islands: number;
  /** References to this site that have no file in dist/ (`<url> (in <where>)`). */
  missing: string[];
  /** References to other hosts that would load on a first visit. */
  offsite: string[];
}

export interface PageSummary {
  page: string;
  figures: number;
  questions: number;
  questionLinks: number;
  measurements: number;
  /** Everything a first visit downloads: the HTML and every first-visit asset (not islands). */
  firstVisit: Size & { requests: number };
  /** First-visit bytes by kind; `html` includes inline scripts and styles. */
  byKind: Record<AssetKind, Size & { requests: number }>;
  /** JS that runs without interaction: external first-visit scripts gzipped each, plus `inlineJs`. */
  js: Size;
  /** What islands load when they become visible (modules, and Astro's island runtime if inline). */
  islands: Size & { count: number; requests: number };
}

export interface SiteWeight {
  base: string;
  pages: PageWeight[];
}

/** Level 9: what a host that pre-compresses static files serves. */
export function gzipSize(content: string | Uint8Array): number {
  return gzipSync(typeof content === 'string' ? Buffer.from(content) : content, { level: 9 }).length;
}

export function sizeOf(content: string | Uint8Array): Size {
  const raw = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  return { raw, gzip: gzipSize(content) };
}

/**
 * Inline code travels inside the HTML's compressed stream, so alone it never costs more than
 * its raw bytes (gzip's header makes a tiny snippet "grow" when compressed by itself).
 */
export function inlineSize(text: string): Size {
  const size = sizeOf(text);
  return { raw: size.raw, gzip: Math.min(size.raw, size.gzip) };
}

const FONT_EXTENSIONS = new Set(['.woff2', '.woff', '.ttf', '.otf', '.eot']);
const IMAGE_EXTENSIONS = new Set(['.svg', '.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.ico']);

/** The kind of a file from its extension. */
export function kindOfFile(file: string): AssetKind {
  const extension = extname(file).toLowerCase();
  if (extension === '.html') return 'html';
  if (extension === '.css') return 'css';
  if (extension === '.js' || extension === '.mjs') return 'js';
  if (FONT_EXTENSIONS.has(extension)) return 'font';
  if (IMAGE_EXTENSIONS.has(extension)) return 'image';
  return 'other';
}

/** A reference found in a document, before it is resolved to a file. */
export interface Reference {
  url: string;
  /** The kind the reference implies (`<link rel=stylesheet>` is CSS whatever the URL says). */
  kind?: AssetKind;
  loading: Loading;
  via: string;
}

export interface HtmlReading {
  references: Reference[];
  inline: { kind: 'css' | 'js'; text: string; loading: Loading }[];
  figures: number;
  questions: number;
  questionLinks: number;
  measurements: number;
  islands: number;
  /** Islands marked by name, whose code is the dynamic imports of the page's scripts. */
  namedIslands: number;
}

/**
 * Astro's island runtime, written inline into pages that have islands: the `astro-island`
 * element and its `client:*` directives. It exists only to load islands, so it counts with them.
 */
const ISLAND_RUNTIME =
  /customElements\.define\(\s*["'`]astro-island["'`]|\(self\.Astro\s*\|\|\s*\(self\.Astro\s*=\s*\{\}\)\)/;

function tokens(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The first URL an element's `attribute` holds: for a `srcset`, its first candidate (the one a
 * browser without better information picks).
 */
function urlIn(element: Element, attribute: string): string | undefined {
  return elementUrls(element).find((found) => found.attribute === attribute)?.url;
}

function hasSvgDescendant(element: Element): boolean {
  return element.children.some(
    (child) => child.type === 'element' && (child.tagName === 'svg' || hasSvgDescendant(child)),
  );
}

/** Reads what an HTML page refers to, what code it carries inline, its diagrams, questions and islands. */
export function readHtml(html: string): HtmlReading {
  const tree: Root = fromHtml(html);
  const reading: HtmlReading = {
    references: [],
    inline: [],
    figures: 0,
    questions: 0,
    questionLinks: 0,
    measurements: 0,
    islands: 0,
    namedIslands: 0,
  };
  const add = (url: string | undefined, via: string, kind?: AssetKind, loading: Loading = 'first-visit'): void => {
    if (url) reading.references.push(kind ? { url, kind, via, loading } : { url, via, loading });
  };

  const walk = (nodes: ElementContent[] | Root['children'], inSvg: boolean): void => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      const element = node;
      const tag = element.tagName;
      const svg = inSvg || tag === 'svg';

      if (tag === 'link') {
        const rel = relsOf(element);
        const href = urlIn(element, 'href');
        const as = stringProperty(element, 'as');
        if (rel.includes('stylesheet')) add(href, '<link rel=stylesheet>', 'css');
        else if (rel.includes('modulepreload')) add(href, '<link rel=modulepreload>', 'js');
        else if (rel.includes('icon') || rel.includes('apple-touch-icon')) add(href, '<link rel=icon>', 'image');
        else if (rel.includes('preload') || rel.includes('prefetch')) {
          const kinds: Record<string, AssetKind> = { style: 'css', script: 'js', font: 'font', image: 'image' };
          add(href, `<link rel=${rel.includes('preload') ? 'preload' : 'prefetch'}>`, as ? kinds[as] : undefined);
        }
      } else if (tag === 'script') {
        if (isJavaScript(element)) {
          const src = urlIn(element, 'src');
          if (src) add(src, '<script src>', 'js');
          else {
            const text = toString(element);
            if (text.trim()) {
              reading.inline.push({ kind: 'js', text, loading: ISLAND_RUNTIME.test(text) ? 'island' : 'first-visit' });
            }
          }
        }
      } else if (tag === 'style' && !svg) {
        const text = toString(element);
        if (text.trim()) reading.inline.push({ kind: 'css', text, loading: 'first-visit' });
      } else if (tag === 'img' || (tag === 'input' && stringProperty(element, 'type') === 'image')) {
        add(urlIn(element, 'src') ?? urlIn(element, 'srcSet'), `<${tag}>`, 'image');
      } else if (tag === 'source') {
        add(urlIn(element, 'srcSet') ?? urlIn(element, 'src'), '<source>');
      } else if (tag === 'video') {
        add(urlIn(element, 'poster'), '<video poster>', 'image');
      } else if (svg && (tag === 'image' || tag === 'use')) {
        const href = urlIn(element, 'href') ?? urlIn(element, 'xLinkHref');
        // `#id` points inside the page itself; only external files cost a request.
        if (href && !href.startsWith('#')) add(href.split('#')[0], `<${tag}> in <svg>`, 'image');
      } else if (tag === 'figure' && tokens(element.properties['className']).includes('cde-figure')) {
        if (hasSvgDescendant(element)) reading.figures += 1;
      }
      const classes = tokens(element.properties['className']);
      if (classes.includes('cde-question')) reading.questions += 1;
      if (tag === 'a' && classes.includes('cde-question-link')) reading.questionLinks += 1;
      if (element.properties['dataCdeMeasurement'] !== undefined) reading.measurements += 1;

      if (tag === 'astro-island') {
        const client = stringProperty(element, 'client');
        const loading: Loading = client === 'visible' ? 'island' : 'first-visit';
        if (loading === 'island') reading.islands += 1;
        const via = `<astro-island client=${client ?? '?'}>`;
        for (const attribute of ['component-url', 'renderer-url', 'before-hydration-url']) {
          add(stringProperty(element, attribute), via, 'js', loading);
        }
      }
      const island = stringProperty(element, 'dataIsland');
      if (island) {
        reading.islands += 1;
        if (/[/.]/.test(island)) add(island, `<${tag} data-island>`, 'js', 'island');
        else reading.namedIslands += 1;
      }

      walk(element.children, svg);
    }
  };
  walk(tree.children, false);
  return reading;
}

export type Resolution = { file: string } | { offsite: string } | undefined;

/**
 * Where a URL found in a document at `from` (a URL path on the site) points: a file of dist/,
 * another host, or nothing to download (`data:`, `#fragment`, `mailto:`).
 */
export function resolveReference(url: string, from: string, base: string): Resolution {
  if (/^(data|blob|mailto|tel|javascript|about):/i.test(url) || url.startsWith('#')) return undefined;
  const origin = 'http://site.invalid';
  let target: URL;
  try {
    target = new URL(url, origin + from);
  } catch {
    return undefined;
  }
  if (target.origin !== origin) return { offsite: target.href };
  const path = decodeURIComponent(target.pathname);
  if (!path.startsWith(base)) return { file: path };
  const inside = path.slice(base.length);
  return { file: inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside };
}

/** Reads every page of a built site and what its first visit downloads. */
export async function analyseSite(dist: string, options: { base?: string } = {}): Promise<SiteWeight> {
  const base = options.base ?? '/';
  const files = new Set(listBuildFiles(dist));
  const contents = new Map<string, Promise<Buffer>>();
  const read = (file: string): Promise<Buffer> => {
    let content = contents.get(file);
    if (!content) {
      content = readFile(join(dist, file));
      contents.set(file, content);
    }
    return content;
  };
  const sizes = new Map<string, Size>();
  const sizeOfFile = async (file: string): Promise<Size> => {
    let size = sizes.get(file);
    if (!size) {
      size = sizeOf(await read(file));
      sizes.set(file, size);
    }
    return size;
  };

  const pages: PageWeight[] = [];
  for (const file of [...files].filter((name) => name.endsWith('.html'))) {
    const html = await read(file);
    const reading = readHtml(html.toString('utf8'));
    const page: PageWeight = {
      page: pageOf(file),
      file,
      html: await sizeOfFile(file),
      assets: [],
      inline: reading.inline.map((code) => ({
        kind: code.kind,
        loading: code.loading,
        hash: createHash('sha1').update(code.text).digest('hex'),
        ...inlineSize(code.text),
      })),
      inlineJs: inlineSize(
        reading.inline
          .filter((code) => code.kind === 'js' && code.loading === 'first-visit')
          .map((code) => code.text)
          .join('\n'),
      ),
      figures: reading.figures,
      questions: reading.questions,
      questionLinks: reading.questionLinks,
      measurements: reading.measurements,
      islands: reading.islands,
      missing: [],
      offsite: [],
    };
    const pageUrl = base + pageOf(file);
    const queue: (Reference & { from: string })[] = reading.references.map((reference) => ({
      ...reference,
      from: pageUrl,
    }));
    const seen = new Map<string, PageAsset>();
    while (queue.length > 0) {
      const reference = queue.shift() as Reference & { from: string };
      const resolved = resolveReference(reference.url, reference.from, base);
      if (!resolved) continue;
      if ('offsite' in resolved) {
        if (reference.loading === 'first-visit') page.offsite.push(`${resolved.offsite} (${reference.via})`);
        continue;
      }
      const target = resolved.file;
      const known = seen.get(target);
      if (known) {
        // Reached by a first-visit path as well as an island's: it loads on the first visit.
        if (known.loading === 'island' && reference.loading === 'first-visit') known.loading = 'first-visit';
        else continue;
      }
      if (!files.has(target)) {
        page.missing.push(`${reference.url} (${reference.via})`);
        continue;
      }
      const kind = reference.kind ?? kindOfFile(target);
      const asset: PageAsset = known ?? {
        file: target,
        kind,
        loading: reference.loading,
        via: reference.via,
        ...(await sizeOfFile(target)),
      };
      if (!known) {
        seen.set(target, asset);
        page.assets.push(asset);
      }
      const from = base + target;
      if (kind === 'css') {
        const css = (await read(target)).toString('utf8');
        for (const child of cssUrls(css)) {
          const via = `${child.via} in ${target}`;
          const reference = { url: child.url, loading: asset.loading, via, from };
          queue.push(child.via === '@import' ? { ...reference, kind: 'css' } : reference);
        }
      } else if (kind === 'js') {
        const code = (await read(target)).toString('utf8');
        const specifiers = jsSpecifiers(code, target);
        for (const { url } of specifiers.filter((specifier) => specifier.via === 'import')) {
          queue.push({ url, kind: 'js', loading: asset.loading, via: `import in ${target}`, from });
        }
        // A named island's code is what the page's scripts import() when it becomes visible.
        if (reading.namedIslands > 0) {
          for (const { url } of specifiers.filter((specifier) => specifier.via === 'import()')) {
            queue.push({ url, kind: 'js', loading: 'island', via: `import() in ${target}`, from });
          }
        }
      }
    }
    pages.push(page);
  }
  return { base, pages };
}

function emptyTotals(): Size & { requests: number } {
  return { raw: 0, gzip: 0, requests: 0 };
}

function addTo(total: Size & { requests?: number }, size: Size, requests = 1): void {
  total.raw += size.raw;
  total.gzip += size.gzip;
  if (total.requests !== undefined) total.requests += requests;
}

/** A page's totals: first visit overall and by kind, the JS that runs, and the islands apart. */
export function summarisePage(page: PageWeight): PageSummary {
  const byKind = Object.fromEntries(
    (['html', 'css', 'js', 'font', 'image', 'other'] as const).map((kind) => [kind, emptyTotals()]),
  ) as PageSummary['byKind'];
  const firstVisit = emptyTotals();
  const islands = { ...emptyTotals(), count: page.islands };
  const js: Size = { raw: 0, gzip: 0 };
  addTo(byKind.html, page.html);
  addTo(firstVisit, page.html);
  for (const asset of page.assets) {
    if (asset.loading === 'island') {
      addTo(islands, asset);
      continue;
    }
    addTo(byKind[asset.kind], asset);
    addTo(firstVisit, asset);
    if (asset.kind === 'js') addTo(js, asset);
  }
  // Inline code arrives inside the HTML: no request of its own, bytes already in the HTML's.
  for (const code of page.inline) if (code.kind === 'js' && code.loading === 'island') addTo(islands, code, 0);
  addTo(js, page.inlineJs);
  return {
    page: page.page,
    figures: page.figures,
    questions: page.questions,
    questionLinks: page.questionLinks,
    measurements: page.measurements,
    firstVisit,
    byKind,
    js,
    islands,
  };
}

/** One stylesheet of the site: a file, or an inline `<style>` (counted once however many pages carry it). */
export interface SiteStylesheet extends Size {
  name: string;
  pages: number;
}

/** Every distinct stylesheet any page loads (first visit or island), with its size. */
export function siteStylesheets(site: SiteWeight): SiteStylesheet[] {
  const sheets = new Map<string, SiteStylesheet>();
  for (const page of site.pages) {
    const entries: [string, Size][] = [
      ...page.assets.filter((asset) => asset.kind === 'css').map((asset): [string, Size] => [asset.file, asset]),
      ...page.inline
        .filter((code) => code.kind === 'css')
        .map((code): [string, Size] => [`inline <style> ${code.hash.slice(0, 8)}`, code]),
    ];
    for (const [name, size] of entries) {
      const sheet = sheets.get(name);
      if (sheet) sheet.pages += 1;
      else sheets.set(name, { name, raw: size.raw, gzip: size.gzip, pages: 1 });
    }
  }
  return [...sheets.values()];
}
