/**
 * Joins the configured base path with a root-relative site path.
 * `withBase('/articles/replication/', '/docs/')` is `/docs/articles/replication/`.
 */
export function withBase(path: string, base: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) {
    throw new Error(`withBase expects a root-relative path like "/articles/", got "${path}".`);
  }
  return base.replace(/\/$/, '') + path;
}

/** True for links that leave the site (another origin or scheme). */
export function isExternalHref(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');
}

/** The URL path of an article page, before the base path is applied. */
export function articlePath(slug: string): string {
  return `/articles/${slug}/`;
}
