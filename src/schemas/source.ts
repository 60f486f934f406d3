import { z } from 'astro/zod';

/** A primary source an article cites: official documentation, a paper, a specification. */
export const sourceSchema = z.strictObject({
  /** What the reader will find there, as its authors title it (include the version if any). */
  title: z.string().min(3),
  /** An absolute https URL to the exact page, not a home page. */
  url: z.url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' }),
});

export type Source = z.infer<typeof sourceSchema>;
