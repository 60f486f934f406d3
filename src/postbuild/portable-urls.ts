/**
 * The portable build's URL rewrite: pure string functions, no file system.
 *
 * The portable build is an ordinary build under a base path no real URL uses (PORTABLE_BASE), so
 * every internal URL the build writes, wherever it writes it (an href, a srcset, a CSS url(), a
 * JS import, a data attribute), starts with that marker. After the build each occurrence becomes a
 * path relative to the file it is in that names a file (`../replication/index.html`), because
 * `file://` does not turn a folder into its index.html. One output then works under any path on
 * any static server and straight from the disk.
 */
import { jsSpecifiers } from './file-urls.ts';

/** The base path the portable build is built under; never a real path on any host. */
export const PORTABLE_BASE = '/__cde_portable__/';

/** Where the marker is followed by a URL: up to a quote, space, bracket, comma or backtick. */
const MARKED_URL = /\/__cde_portable__\/([^"'`\s()<>,\\]*)/g;

/**
 * The relative URL from the file `fromFile` (a path inside the build, like
 * `articles/replication/index.html`) to the site path `target` (after the base, like
 * `articles/x/#lag`, `_astro/a.css` or `` for the home page). With `nameIndex` (links a reader
 * follows), a folder becomes its `index.html` when `files` has one; otherwise (a base URL that
 * a script resolves other URLs against) a folder stays a folder, `../../`. `files` holds every
 * file of the build as a path like `articles/x/index.html`.
 */
export function relativeUrl(fromFile: string, target: string, files: ReadonlySet<string>, nameIndex = true): string {
  const split = /^([^?#]*)(.*)$/.exec(target);
  let path = split?.[1] ?? '';
  const suffix = split?.[2] ?? '';
  if (nameIndex && (path === '' || path.endsWith('/'))) {
    path = `${path}index.html`;
  } else if (nameIndex && !files.has(path) && files.has(`${path}/index.html`)) {
    path = `${path}/index.html`;
  }
  const from = fromFile.split('/').slice(0, -1);
  const to = path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.length - common;
  const relative = [...Array<string>(up).fill('..'), ...to.slice(common)].join('/');
  return (up === 0 ? `./${relative}` : relative) + suffix;
}

/**
 * Rewrites every marked URL in an HTML page or a CSS file to a URL relative to that file. In HTML,
 * attributes, inline styles and inline scripts all resolve against the document, so one rule fits;
 * in CSS, url() resolves against the stylesheet, which is the file itself. Only `href` values name
 * a folder's index.html: elsewhere (`data-base`, a script's string) a folder is a base for others.
 */
export function rewriteMarkedUrls(text: string, file: string, files: ReadonlySet<string>): string {
  return text.replace(MARKED_URL, (_match, target: string, offset: number) =>
    relativeUrl(file, target, files, /\bhref=["']?$/i.test(text.slice(Math.max(0, offset - 8), offset))),
  );
}

/** Any other string literal in JS that holds a marked URL (no template interpolation). */
const JS_STRING = /(["'`])\/__cde_portable__\/([^"'`\\$]*)\1/g;

/**
 * The name of the `<meta>` every portable page carries, whose content is the site's root relative
 * to the page (`../../`). Scripts shared by pages at different depths find the root through it.
 */
export const ROOT_META = 'cde-root';

/** The `<meta>` put in every portable page (before the rewrite makes its content relative). */
export const ROOT_META_TAG = `<meta name="${ROOT_META}" content="${PORTABLE_BASE}">`;

/**
 * A JS expression for the absolute URL of the site file `path`, computed in the browser from the
 * page's root `<meta>`: right from any page, whether the string is then fetched, imported, linked
 * or joined with another path.
 */
export function runtimeSiteUrl(path: string): string {
  return `new URL(${JSON.stringify(path)},new URL(document.querySelector('meta[name="${ROOT_META}"]')?.content??"./",document.baseURI)).href`;
}

/**
 * Rewrites the marked URLs of a JS file. Import specifiers become relative to the file (the
 * browser resolves them against the script). Any other string holding one becomes an expression
 * for the absolute URL (see runtimeSiteUrl): a static relative form cannot work there, because
 * fetch() resolves against the page and a shared script serves pages at every depth. A marked URL
 * built by template interpolation is refused, naming the file.
 */
export function rewriteJsImports(code: string, file: string, files: ReadonlySet<string>): string {
  let imports = '';
  let done = 0;
  for (const { url, via, start, end } of jsSpecifiers(code, file)) {
    if (via === 'importScripts()' || !url.startsWith(PORTABLE_BASE)) continue;
    imports += code.slice(done, start) + relativeUrl(file, url.slice(PORTABLE_BASE.length), files);
    done = end;
  }
  const rewritten = (imports + code.slice(done)).replace(
    JS_STRING,
    (_match, _quote: string, target: string) => `(${runtimeSiteUrl(target)})`,
  );
  const leftover = rewritten.indexOf(PORTABLE_BASE);
  if (leftover >= 0) {
    const context = rewritten.slice(Math.max(0, leftover - 40), leftover + 60).replace(/\s+/g, ' ');
    throw new Error(
      `${file}: the portable build cannot rewrite an internal URL built by interpolation: …${context}… ` +
        'Build it from a base URL the page gives (a data-base attribute resolved against document.baseURI).',
    );
  }
  return rewritten;
}

/**
 * How the portable rewrite treats a file, by extension: `js` (import specifiers only), `text`
 * (every URL relative to the file itself: HTML, CSS, SVG, manifests, JSON) or `binary` (untouched).
 */
export type RewriteKind = 'js' | 'text' | 'binary';

export function rewriteKind(file: string): RewriteKind {
  if (/\.m?js$/.test(file)) return 'js';
  if (/\.(html?|css|svg|webmanifest|json|xml|txt)$/.test(file)) return 'text';
  return 'binary';
}

/** Rewrites one file of the build by its kind; binary files come back unchanged. */
export function rewriteFile(file: string, text: string, files: ReadonlySet<string>): string {
  const kind = rewriteKind(file);
  if (kind === 'text') return rewriteMarkedUrls(text, file, files);
  if (kind === 'js') return rewriteJsImports(text, file, files);
  return text;
}

/** An external module script tag as Astro writes it. */
const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/**
 * `file://` pages cannot load module scripts (browsers require CORS for them, and files have no
 * origin), but they can load classic ones. Replaces each external module script with a deferred
 * classic script (`x.js` becomes `x.classic.js`, which the build writes as a bundle of `x.js`),
 * and returns the module files to bundle. Inline module scripts without imports work as they are.
 */
export function classicScriptTags(html: string): { html: string; entries: string[] } {
  const entries: string[] = [];
  const rewritten = html.replace(MODULE_SCRIPT, (_match, src: string) => {
    entries.push(src);
    return `<script defer src="${classicName(src)}"></script>`;
  });
  return { html: rewritten, entries };
}

/** `/x/_astro/a.B1.js` becomes `/x/_astro/a.B1.classic.js`. */
export function classicName(path: string): string {
  return path.replace(/\.m?js$/, '.classic.js');
}
