import { z } from 'astro/zod';
import { sitePathProblem } from '../client/escape.ts';

/** One term of the glossary in content/glossary.yaml. */
export const glossaryEntrySchema = z.strictObject({
  /** Kebab-case id: the anchor on /glossary/ and the id <Term> refers to. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id'),
  /** The term as it is written in prose. */
  term: z.string().min(1),
  /** A definition of about two sentences. */
  definition: z.string().min(20),
  /** Other names and abbreviations of the term. */
  aliases: z.array(z.string()).default([]),
  /**
   * The term is also an everyday word (Raft's "term"), so an unlinked use may mean something else:
   * the build's first-use check (src/plugins/term-first-use.ts) leaves it alone.
   */
  commonWord: z.boolean().default(false),
  /**
   * Ids this entry had before (kebab-case): inbound links to /glossary/#old-id keep working.
   * See docs/AUTHORING.md, "Renaming a heading".
   */
  formerIds: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id')).default([]),
  /** Root-relative links to where the site explains the term, e.g. /articles/replication/. */
  seeAlso: z
    .array(
      z.string().check((ctx) => {
        const problem = sitePathProblem(ctx.value);
        if (problem)
          ctx.issues.push({
            code: 'custom',
            input: ctx.value,
            message: `${problem}. Fix: link to a page of this site, such as /articles/replication/`,
          });
      }),
    )
    .default([]),
});

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
