import { z } from 'astro/zod';
import { anchorIdProblem, isAnchorId } from '../plugins/anchor-id.ts';
import { PART_NUMBERS } from '../articles/learning-path-parts.ts';
import { sourceSchema } from './source.ts';
import { versionCheckSchema } from './version-check.ts';

/** An article's slug: the file name under content/articles, also its URL segment. */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case article slug');

/**
 * An id on a page: a heading's slug or a figure id. The rule is the slugger's (src/plugins/anchor-id.ts),
 * so any heading id the build publishes can be aliased, non-ASCII headings included.
 */
const anchorId = z.string().check((ctx) => {
  const problem = anchorIdProblem(ctx.value);
  if (problem) {
    ctx.issues.push({ code: 'custom', input: ctx.value, message: problem });
  }
});

/** `2026-02-30` names a day that exists: month 01-12, day within that month (leap years included). */
export function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date written YYYY-MM-DD, read as that day at 00:00 UTC. Strict: `2026-13-45` is
 * refused rather than rolled over to 2027-02-14, and a time or another format is refused too.
 */
const calendarDate = z
  .string({ error: 'must be a date written YYYY-MM-DD, such as 2026-11-26' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD, such as 2026-11-26')
  .check((ctx) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(ctx.value) && !isCalendarDate(ctx.value)) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `"${ctx.value}" is not a real calendar date (month 01 to 12, a day that month has)`,
      });
    }
  })
  .transform((text) => new Date(`${text}T00:00:00.000Z`));

/** Where a moved section now lives: an article address with the anchor. */
const movedTarget = z.string().check((ctx) => {
  const match = /^\/articles\/[a-z0-9]+(?:-[a-z0-9]+)*\/#(.+)$/.exec(ctx.value);
  if (!match?.[1] || !isAnchorId(match[1])) {
    ctx.issues.push({
      code: 'custom',
      input: ctx.value,
      message: 'must be an article address with an anchor, such as /articles/replication/#synchronous-commit',
    });
  }
});

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
  /** When a person last checked the article against its sources (YYYY-MM-DD, a real date). */
  lastReviewed: calendarDate,
  /** Primary sources cited in the article; at least one. */
  sources: z.array(sourceSchema).min(1, 'list at least one primary source'),
  /**
   * Which versions of the products it describes the article was measured on or checked against
   * (see version-check.ts); every article that states how a product behaves lists them.
   */
  checkedWith: z.array(versionCheckSchema).default([]),
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
