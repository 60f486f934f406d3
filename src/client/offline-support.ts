/**
 * Whether search can run where the page was opened. A page opened from the disk (`file://`, the
 * portable build) shows every article, but cannot run search: Pagefind loads its code, index and
 * WebAssembly by URL, which browsers refuse for files. (The service worker has its own check,
 * shouldRegisterServiceWorker in sw-core.ts, so the two page scripts share no code chunk.)
 */

/** The part of `location` these checks read. */
export type Where = Pick<Location, 'protocol'>;

/** True when search can load: the page came from a web server. */
export function canRunSearch(where: Where): boolean {
  return where.protocol === 'http:' || where.protocol === 'https:';
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
