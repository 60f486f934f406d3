/**
 * Which URLs a built file refers to, and how: the one answer that every pass over the built site
 * asks for. The link check follows them to pages and anchors, the off-site check refuses the
 * resources that leave the site, the portable rewrite makes them relative, and the page-weight
 * budgets (scripts/lib/page-weight.ts) add up what a first visit downloads.
 *
 * Pure functions over a parsed page (an element at a time) or over CSS and JS text.
 */
import type { Element } from 'hast';
import { initSync as initLexer, parse as parseModule } from 'es-module-lexer';

/**
 * How a URL is used. `resource`: the browser fetches it by itself (a script, a stylesheet, an
 * image, a frame, an icon, a manifest). `link`: the reader follows it (`<a href>`). `public`: the
 * page's address on its public origin (`<link rel=canonical|alternate>`), not a file of this build.
 */
export type UrlRole = 'resource' | 'link' | 'public';

export interface ElementUrl {
  /** The URL as written, trimmed; one entry per candidate of a `srcset`. */
  url: string;
  /** The hast property it came from: `href`, `src`, `srcSet`, `xLinkHref`, … */
  attribute: string;
  role: UrlRole;
}

/** Attributes whose URL the browser fetches by itself, by element (hast property names). */
const RESOURCE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  img: ['src', 'srcSet'],
  source: ['src', 'srcSet'],
  script: ['src'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  object: ['data'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  input: ['src'],
  image: ['href', 'xLinkHref'],
  use: ['href', 'xLinkHref'],
  feImage: ['href', 'xLinkHref'],
};

/** Attributes whose URL the reader follows. */
const LINK_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = { a: ['href'], area: ['href'] };

/** `rel` values of `<link>` that make the browser fetch (or connect to) the target. */
const FETCHING_RELS = new Set([
  'stylesheet',
  'preload',
  'modulepreload',
  'prefetch',
  'preconnect',
  'dns-prefetch',
  'icon',
  'apple-touch-icon',
  'mask-icon',
  'manifest',
]);

/** `rel` values of `<link>` that name the page's public address. */
const PUBLIC_RELS = new Set(['canonical', 'alternate']);

/** The lower-case `rel` tokens of an element. */
export function relsOf(element: Element): string[] {
  // hast keeps `rel` as a list of tokens.
  const rel: unknown = element.properties['rel'];
  const tokens = Array.isArray(rel) ? rel.map(String) : typeof rel === 'string' ? rel.split(/\s+/) : [];
  return tokens.filter(Boolean).map((token) => token.toLowerCase());
}

/** The URLs of a `srcset`, in order (`a.png 1x, b.png 2x` → `a.png`, `b.png`). */
export function srcsetUrls(value: string): string[] {
  return value
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** The URLs one element's attributes hold, in attribute order. */
export function elementUrls(element: Element): ElementUrl[] {
  const found: ElementUrl[] = [];
  const read = (attribute: string, role: UrlRole): void => {
    const value = element.properties[attribute];
    if (typeof value !== 'string' || value.trim() === '') return;
    for (const url of attribute === 'srcSet' ? srcsetUrls(value) : [value.trim()]) found.push({ url, attribute, role });
  };
  for (const attribute of RESOURCE_ATTRIBUTES[element.tagName] ?? []) read(attribute, 'resource');
  for (const attribute of LINK_ATTRIBUTES[element.tagName] ?? []) read(attribute, 'link');
  if (element.tagName === 'link') {
    const rels = relsOf(element);
    read(
      'href',
      rels.some((rel) => FETCHING_RELS.has(rel))
        ? 'resource'
        : rels.some((rel) => PUBLIC_RELS.has(rel))
          ? 'public'
          : 'link',
    );
  }
  return found;
}

/** `type`s of `<script>` whose text is JavaScript (an empty type is JavaScript). */
const SCRIPT_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);

/** Whether a `<script>` element holds or loads JavaScript (not JSON or another data block). */
export function isJavaScript(script: Element): boolean {
  const type = script.properties['type'];
  return SCRIPT_TYPES.has(typeof type === 'string' ? type.trim().toLowerCase() : '');
}

/** A URL found in CSS or JS text. */
export interface TextUrl {
  url: string;
  via: '@import' | 'url()' | 'import' | 'import()' | 'importScripts()';
}

const CSS_IMPORT = /@import\s+(?:url\(\s*)?(["']?)([^"')\s;]+)\1\s*\)?[^;]*;/g;
const CSS_URL = /url\(\s*(["']?)([^"')]*?)\1\s*\)/g;

/**
 * The `@import` targets and `url()` references of CSS, in the order they stand. Comments are
 * skipped, and so are `url(#id)` (a reference inside the document) and empty `url()`.
 */
export function cssUrls(css: string): TextUrl[] {
  // Comments become spaces, so positions still sort the two kinds into document order.
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (comment) => ' '.repeat(comment.length));
  const found: (TextUrl & { at: number })[] = [];
  for (const match of text.matchAll(CSS_IMPORT)) found.push({ url: match[2] ?? '', via: '@import', at: match.index });
  const rest = text.replace(CSS_IMPORT, (statement) => ' '.repeat(statement.length));
  for (const match of rest.matchAll(CSS_URL)) {
    const url = match[2] ?? '';
    if (url !== '' && !url.startsWith('#')) found.push({ url, via: 'url()', at: match.index });
  }
  return found.sort((a, b) => a.at - b.at).map(({ url, via }) => ({ url, via }));
}

/** A module specifier in JS text and where it stands: `start`/`end` enclose it without quotes. */
export interface JsSpecifier extends TextUrl {
  via: 'import' | 'import()' | 'importScripts()';
  start: number;
  end: number;
}

let lexerReady = false;

/**
 * The module specifiers of JS code, in order: static imports and re-exports (`import`),
 * `import()` of a string (code loaded on demand) and `importScripts()` in workers. Read with
 * es-module-lexer, so a specifier-shaped string elsewhere is not taken for an import. Throws,
 * naming `file`, on code it cannot read.
 */
export function jsSpecifiers(code: string, file = 'script'): JsSpecifier[] {
  if (!lexerReady) {
    initLexer();
    lexerReady = true;
  }
  let imports: ReturnType<typeof parseModule>[0];
  try {
    [imports] = parseModule(code, file);
  } catch (error) {
    throw new Error(`Cannot read the imports of ${file}: ${(error as Error).message}`, { cause: error });
  }
  const found: JsSpecifier[] = [];
  for (const entry of imports) {
    if (entry.n === undefined) continue;
    // d === -1: a static import or re-export, s..e the bare specifier; -2: import.meta;
    // >= 0: import(), s..e the whole argument with its quotes.
    if (entry.d === -1) found.push({ url: entry.n, via: 'import', start: entry.s, end: entry.e });
    else if (entry.d >= 0) found.push({ url: entry.n, via: 'import()', start: entry.s + 1, end: entry.e - 1 });
  }
  for (const match of code.matchAll(/\bimportScripts\s*\(\s*(["'`])([^"'`]+)\1/g)) {
    const start = match.index + match[0].length - 1 - (match[2] ?? '').length;
    found.push({ url: match[2] ?? '', via: 'importScripts()', start, end: start + (match[2] ?? '').length });
  }
  return found.sort((a, b) => a.start - b.start);
}
