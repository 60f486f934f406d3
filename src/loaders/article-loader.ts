/**
 * The articles' loader: Astro's glob loader over content/articles/*.mdx, with the frontmatter
 * checked first by `checkFrontmatter`, so a mistake fails the build with the file, the line and
 * the fix instead of Astro's `:0:0`. The data Astro then validates is our YAML 1.2 reading, in
 * which dates are still text: `lastReviewed: 2026-13-45` reaches the schema as written and is
 * refused there, where a YAML 1.1 reader would already have rolled it over to 2027-02-14.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'astro/zod';
import { AuthorError } from './author-error.ts';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { checkFrontmatter } from './frontmatter.ts';

/** What Astro's content entry types offer a loader (the glob loader reads `entryTypes`). */
interface EntryType {
  getEntryInfo(params: { fileUrl: URL; contents: string }): Promise<{ data: Record<string, unknown> }>;
}

export function articleLoader(options: { base: string; schema: z.ZodType }): Loader {
  const inner = glob({ pattern: '**/*.mdx', base: options.base });
  return {
    name: 'cde-article-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const entryTypes = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
      const checked = new Map<string, EntryType>();
      for (const [extension, type] of entryTypes ?? []) {
        checked.set(extension, {
          ...type,
          getEntryInfo: async (params) => {
            const file = relative(root, fileURLToPath(params.fileUrl)).split(sep).join('/');
            const check = checkFrontmatter(file, params.contents, options.schema);
            if (check.problems.length > 0) {
              throw new AuthorError(
                `${check.problems.length} problem(s) in the frontmatter of ${file}:\n${check.problems.map((p) => `  ${p}`).join('\n')}`,
              );
            }
            const info = await type.getEntryInfo(params);
            return { ...info, data: check.data ?? info.data };
          },
        });
      }
      await inner.load({ ...context, entryTypes: checked } as LoaderContext);
    },
  };
}
