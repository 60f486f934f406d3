/**
 * What the page may do given where it was opened from. A page opened from the disk (`file://`,
 * the portable build) can show every article, but cannot register a service worker, and cannot
 * run search (Pagefind loads its index and WebAssembly with fetch(), which browsers refuse for
 * files).
 */

/** The part of `location` these checks read. */
export type Where = Pick<Location, 'protocol'>;

function isHttp(where: Where): boolean {
  return where.protocol === 'http:' || where.protocol === 'https:';
}

/** True when search can load: the page came from a web server. */
export function canRunSearch(where: Where): boolean {
  return isHttp(where);
}

/**
 * What the search UI says when it cannot run, before it links the article index. `reason` is
 * `file` when the page was opened from the disk, `failed` when loading search failed.
 */
export function searchUnavailableMessage(reason: 'file' | 'failed'): string {
  return reason === 'file'
    ? 'Search cannot run from a page opened as a file. Every article and glossary term is listed on the article index.'
    : 'Search could not load. Every article and glossary term is listed on the article index.';
}

/**
 * True when the page should register the service worker: a web page (never `file://`) in a
 * browser that has service workers, in a build that ships one.
 */
export function shouldRegisterServiceWorker(where: Where, hasServiceWorker: boolean, enabled: boolean): boolean {
  return enabled && hasServiceWorker && isHttp(where);
}
