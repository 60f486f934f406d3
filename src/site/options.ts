/**
 * Build options that come from the environment, so one source tree can be built for any host.
 *
 * - `BASE_PATH`: the path the site is served under (default `/`), e.g. `/docs/clusters/`.
 * - `SITE_URL`: the public origin (e.g. `https://example.org`); canonical URLs, the sitemap and
 *   feeds need it, and are left out when it is not set.
 * - `OUT_DIR`: where the build goes (default `./dist`, or `./dist-portable`), so builds sit side by side.
 * - `PORTABLE=1`: the portable build, whose internal URLs are all relative (see portable-urls.ts); it
 *   works under any path and from `file://`, so it takes no BASE_PATH.
 */
import { parse, resolve, sep } from 'node:path';
import { PORTABLE_BASE } from '../postbuild/portable-urls.ts';

export interface SiteOptions {
  /** Always starts and ends with `/`. */
  base: string;
  /** An absolute URL, or undefined when no public origin is configured. */
  site: string | undefined;
  outDir: string;
  /** The portable build: built under PORTABLE_BASE, then rewritten to relative URLs. */
  portable: boolean;
}

/** A path segment of a base path: unreserved URL characters only, so it needs no escaping anywhere. */
const BASE_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/**
 * Normalises a base path: `docs` and `/docs` both become `/docs/`; empty becomes `/`. Refuses what
 * would make URLs that break or leave the site: a URL instead of a path, `.` or `..` segments,
 * empty segments (`//`), and characters that need escaping (spaces, `%`, `?`, `#`, `\`).
 */
export function normaliseBase(raw: string | undefined): string {
  const value = (raw ?? '').trim();
  const fix =
    'Use a plain path such as BASE_PATH=/docs/clusters/ (letters, digits, "-", "_", "." and "~" between slashes).';
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    throw new Error(
      `BASE_PATH "${raw}" is a URL, not a path. Put the path in BASE_PATH (e.g. /docs/clusters/) and the origin in SITE_URL (e.g. https://example.org).`,
    );
  }
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  for (const segment of trimmed.split('/')) {
    if (segment === '') throw new Error(`BASE_PATH "${raw}" has an empty segment ("//"). ${fix}`);
    if (segment === '.' || segment === '..') throw new Error(`BASE_PATH "${raw}" has a "${segment}" segment. ${fix}`);
    if (!BASE_SEGMENT.test(segment)) {
      throw new Error(`BASE_PATH "${raw}" is not a plain path: "${segment}" needs escaping in a URL. ${fix}`);
    }
  }
  return `/${trimmed}/`;
}

/**
 * The public origin from SITE_URL (`https://example.org`), or undefined when unset. Only an
 * http(s) origin: a path would be dropped from every absolute URL (the path belongs in BASE_PATH),
 * and a query, fragment or credentials have no place in canonical URLs.
 */
export function siteOrigin(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const example = 'such as SITE_URL=https://example.org';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL "${value}" must be an absolute http(s) URL ${example}.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`SITE_URL "${value}" must be an absolute http(s) URL ${example}, not ${url.protocol}.`);
  }
  if (url.username || url.password) throw new Error(`SITE_URL "${value}" must not contain a user name or password.`);
  if (url.pathname !== '/') {
    throw new Error(
      `SITE_URL "${value}" has a path (${url.pathname}); SITE_URL is the origin only. Put the path in BASE_PATH=${url.pathname.replace(/\/?$/, '/')} and set SITE_URL=${url.origin}.`,
    );
  }
  if (url.search || url.hash || /[?#]/.test(value)) {
    throw new Error(`SITE_URL "${value}" must be an origin only, without "?" or "#", ${example}.`);
  }
  return url.origin;
}

/** Folders of the project that a build must never be written into: Astro empties its output folder. */
const PROJECT_FOLDERS = ['src', 'content', 'public', 'scripts', 'tests', 'e2e', 'docs', 'node_modules', '.git'];

/** The output folder from OUT_DIR, refusing one whose emptying would delete the project or its sources. */
export function outputFolder(raw: string | undefined, fallback: string, root: string): string {
  const value = raw?.trim() || fallback;
  const target = resolve(root, value);
  const inside = (folder: string) => target === folder || target.startsWith(folder + sep);
  const problem =
    target === root || root.startsWith(target + sep) || target === parse(target).root
      ? 'is the project folder or contains it'
      : PROJECT_FOLDERS.some((folder) => inside(resolve(root, folder)))
        ? 'is inside a folder of the project'
        : undefined;
  if (problem) {
    throw new Error(
      `OUT_DIR "${value}" ${problem}, and Astro empties its output folder before each build. Use a folder of its own, such as OUT_DIR=./dist-docs.`,
    );
  }
  return value;
}

/** Reads the build options; any mistake throws one sentence that names the variable and the fix. */
export function siteOptionsFromEnv(env: Record<string, string | undefined>, root: string = process.cwd()): SiteOptions {
  const site = siteOrigin(env['SITE_URL']);
  const portableFlag = env['PORTABLE']?.trim() ?? '';
  if (!['', '0', '1'].includes(portableFlag)) {
    throw new Error(`PORTABLE "${portableFlag}" must be 1 (the portable build) or unset.`);
  }
  const portable = portableFlag === '1';
  if (portable && env['BASE_PATH']?.trim()) {
    throw new Error('PORTABLE=1 builds relative URLs that work under any path: leave BASE_PATH unset.');
  }
  return {
    base: portable ? PORTABLE_BASE : normaliseBase(env['BASE_PATH']),
    site,
    outDir: outputFolder(env['OUT_DIR'], portable ? './dist-portable' : './dist', root),
    portable,
  };
}
