/**
 * The service worker's decisions, as pure functions the worker (src/client/service-worker.ts) calls and
 * unit tests can check: cache names, which caches an update deletes, and which cached URL answers
 * a request.
 */

/** Every cache this site creates starts with this, so an update never deletes another app's cache. */
export const CACHE_PREFIX = 'cde-offline-';

/** One cache per build version: a new build never writes into the cache an older page reads. */
export function cacheName(version: string): string {
  return `${CACHE_PREFIX}${version}`;
}

/** The caches to delete once the worker of `current` takes over: this site's, of other versions. */
export function cachesToDelete(keys: readonly string[], current: string): string[] {
  return keys.filter((key) => key.startsWith(CACHE_PREFIX) && key !== current);
}

function decode(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

/**
 * The precached URL (relative to the scope, as in the manifest) that answers `requestUrl`, or
 * undefined when the request is not the worker's business (another origin, outside the scope, a
 * file not precached). The query string is ignored. A navigation to `x` or `x/index.html` is
 * answered by the page `x/`, as a static server would.
 */
export function precacheKey(
  requestUrl: string,
  scope: string,
  urls: ReadonlySet<string>,
  navigation: boolean,
): string | undefined {
  const url = new URL(requestUrl);
  const page = url.origin + url.pathname;
  if (!page.startsWith(scope)) return undefined;
  const path = decode(page.slice(scope.length));
  if (urls.has(path)) return path;
  if (!navigation) return undefined;
  if (path.endsWith('index.html') && urls.has(path.slice(0, -'index.html'.length))) {
    return path.slice(0, -'index.html'.length);
  }
  if (!path.endsWith('/') && urls.has(`${path}/`)) return `${path}/`;
  return undefined;
}

/** The page shown for a navigation the cache cannot answer while the network is down. */
export const OFFLINE_FALLBACK = '404.html';

/**
 * True when a navigation's network answer should be replaced by the cached 404 page: a 404 whose
 * body is not a page (a server that answers missing files with an empty or plain-text body, such as
 * Caddy without `handle_errors`; the browser would show its own error, or offer a download).
 */
export function wantsNotFoundPage(status: number, contentType: string | null): boolean {
  return status === 404 && !/^text\/html\b/i.test(contentType ?? '');
}

/** The message a page sends the waiting worker when the reader asks for the new version. */
export const SKIP_WAITING = 'cde-skip-waiting';

/**
 * True when the page should register the service worker: a web page (never `file://`) in a
 * browser that has service workers (`navigator.serviceWorker` is undefined where it has not, and
 * on pages that are not secure contexts).
 */
export function shouldRegisterServiceWorker(where: Pick<Location, 'protocol'>, container: unknown): boolean {
  return Boolean(container) && (where.protocol === 'http:' || where.protocol === 'https:');
}
