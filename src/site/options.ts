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

/** Normalises a base path: `docs` and `/docs` both become `/docs/`; empty becomes `/`. */
export function normaliseBase(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return '/';
  if (/[?#\\\s]|\.\./.test(trimmed)) {
    throw new Error(
      `BASE_PATH "${raw}" is not a plain path. Use something like BASE_PATH=/docs/clusters/ (no spaces, "..", "?" or "#").`,
    );
  }
  return `/${trimmed}/`;
}

export function siteOptionsFromEnv(env: Record<string, string | undefined>): SiteOptions {
  const site = env['SITE_URL']?.trim() || undefined;
  if (site !== undefined && !/^https?:\/\/[^/]+/.test(site)) {
    throw new Error(`SITE_URL "${site}" must be an absolute http(s) URL such as https://example.org.`);
  }
  const portable = env['PORTABLE'] === '1';
  if (portable && env['BASE_PATH']?.trim()) {
    throw new Error('PORTABLE=1 builds relative URLs that work under any path: leave BASE_PATH unset.');
  }
  return {
    base: portable ? PORTABLE_BASE : normaliseBase(env['BASE_PATH']),
    site,
    outDir: env['OUT_DIR']?.trim() || (portable ? './dist-portable' : './dist'),
    portable,
  };
}
