import { z } from 'astro/zod';
import { PART_NUMBERS } from '../articles/learning-path-parts.ts';
import { sourceSchema } from './source.ts';

/** An article's slug: the file name under content/articles, also its URL segment. */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case article slug');

/** An id on a page: a heading's slug (which may keep `_` from code) or a figure id. */
const anchorId = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'must be an anchor id as it appears after # in a link');

/** Where a moved section now lives: an article address with the anchor. */
const movedTarget = z
  .string()
  .regex(
    /^\/articles\/[a-z0-9]+(?:-[a-z0-9]+)*\/#[a-z0-9][a-z0-9_-]*$/,
    'must be an article address with an anchor, such as /articles/replication/#synchronous-commit',
  );

/**
 * `{ anchor id: value }`. Keys are checked one by one rather than by the record's key schema, whose
 * failure Zod reports only as "Invalid key in record", without the hint.
 */
function anchorRecord<T extends z.ZodType<string>>(value: T) {
  return z.record(z.string(), value).check((ctx) => {
    for (const key of Object.keys(ctx.value)) {
      const result = anchorId.safeParse(key);
      if (!result.success) {
        ctx.issues.push({ code: 'custom', input: key, path: [key], message: result.error.issues[0]?.message ?? '' });
      }
    }
  });
}

/** The frontmatter every article in content/articles must have. */
export const articleSchema = z.strictObject({
  /** The page title and h1, in plain text. */
  title: z.string().min(5).max(90),
  /** One sentence for <meta name="description"> and link previews (50-160 characters). */
  description: z.string().min(50).max(160),
  /** The part of the learning path the article belongs to (see learning-path-parts.ts). */
  part: z.literal(PART_NUMBERS),
  /** The article's position within its part, starting at 1. */
  order: z.int().min(1),
  /** Slugs of the articles a reader should have read first. */
  prerequisites: z.array(slug).default([]),
  /** What the reader can do after reading, each starting with a verb (2 to 6). */
  outcomes: z.array(z.string().min(10)).min(2).max(6),
  /** When a person last checked the article against its sources (YYYY-MM-DD). */
  lastReviewed: z.coerce.date(),
  /** Primary sources cited in the article; at least one. */
  sources: z.array(sourceSchema).min(1, 'list at least one primary source'),
  /**
   * Old anchors kept working after a heading or figure was renamed: `{ old-id: new-id }` puts an
   * element with the old id at the new heading. See docs/AUTHORING.md, "Renaming a heading".
   */
  anchorAliases: anchorRecord(anchorId).default({}),
  /**
   * Anchors of sections that moved to another article: `{ old-id: /articles/slug/#id }`. The page
   * keeps an element with each old id that links to the new place, and forwards readers who have
   * JavaScript. See docs/AUTHORING.md, "Renaming a heading", other cases.
   */
  movedAnchors: anchorRecord(movedTarget).default({}),
  /** Hide the article from the built site while it is being written. */
  draft: z.boolean().default(false),
});

export type ArticleData = z.infer<typeof articleSchema>;
