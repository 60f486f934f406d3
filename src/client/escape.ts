/**
 * The one escaping helper for author text (titles, ids, paths, lab values) that reaches a script,
 * an attribute or a URL outside Astro's own `{expression}` escaping: `set:html`, inline scripts and
 * markup built as strings. Pure and free of Node, so the build and the islands share it.
 *
 * Contexts and their rules:
 * - JSON inside `<script>`: `jsonForScript`. The HTML parser ends a script at `</script` and
 *   treats `<!--` specially whatever the JSON says, so `<`, `>` and `&` become `\u003c`-style
 *   escapes (the same value to `JSON.parse`); so do U+2028 and U+2029, which end a line in
 *   JavaScript before ES2019.
 * - HTML text and quoted attribute values: `escapeHtml`.
 * - A piece of a URL (a path segment, a fragment): `urlPart`.
 * - A link an author writes to a page of this site: `sitePathProblem` refuses what a browser would
 *   send elsewhere (`//host`, `/\host`) or cannot read.
 */

const SCRIPT_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON for the body of a `<script>` element (`type="application/json"` or an inline script). */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('jsonForScript: the value has no JSON form (undefined or a function).');
  return json.replace(/[<>&\u2028\u2029]/g, (char) => SCRIPT_ESCAPES[char] ?? char);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML (or SVG) markup built as a string: element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** One piece of a URL (a path segment, a fragment), percent-encoded: `my file#1` → `my%20file%231`. */
export function urlPart(text: string): string {
  return encodeURIComponent(text);
}

/** Each segment of a `/`-separated path encoded, the slashes kept: `lab/my file.yml` → `lab/my%20file.yml`. */
export function urlPath(path: string): string {
  return path.split('/').map(urlPart).join('/');
}

/**
 * Why `href` is not a link to a page of this site written root-relative (`/articles/x/#y`), or
 * undefined when it is. Browsers read `//host` and `/\host` as another site, and drop or mangle
 * whitespace and control characters.
 */
export function sitePathProblem(href: string): string | undefined {
  if (!href.startsWith('/')) return 'must start with "/" (a root-relative link such as /articles/replication/)';
  if (/^\/[/\\]/.test(href)) return 'must not start with "//" or "/\\", which browsers read as another site';
  // eslint-disable-next-line no-control-regex
  if (/[\\\s\u0000-\u001f\u007f]/.test(href)) return 'must not contain a backslash, whitespace or control characters';
  return undefined;
}
