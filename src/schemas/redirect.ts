import { z } from 'astro/zod';

/** A root-relative page path with a trailing slash, e.g. /articles/replication/. */
const pagePath = z
  .string()
  .regex(/^\/(?:[a-z0-9-]+\/)*$/, 'must be a root-relative page path such as /articles/replication/');

/**
 * content/redirects.json: moved pages, old path to new path, e.g.
 * `{ "/articles/old-name/": "/articles/new-name/" }`. Each old path gets a redirect page that
 * carries any #anchor along.
 */
export const redirectsSchema = z.record(pagePath, pagePath);

export type Redirects = z.infer<typeof redirectsSchema>;
