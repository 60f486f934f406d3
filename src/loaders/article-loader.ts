/**
 * The articles' loader: Astro's glob loader over content/articles/*.mdx, with the frontmatter
 * checked first by `checkFrontmatter`, so a mistake fails the build with the file, the line and
 * the fix instead of Astro's `:0:0`. The data Astro then validates is our YAML 1.2 reading, in
 * which dates are still text: `lastReviewed: 2026-13-45` reaches the schema as written and is
 * refused there, where a YAML 1.1 reader would already have rolled it over to 2027-02-14.
 */
import { readdirSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'astro/zod';
import { slug } from 'github-slugger';
import { AuthorError } from './author-error.ts';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { checkFrontmatter } from './frontmatter.ts';

/** An article's file name: its URL segment (as the schema's `slug`), then `.mdx`. */
const ARTICLE_FILE = /^[a-z0-9]+(?:-[a-z0-9]+)*\.mdx$/;

/**
 * The problems of the files in the articles' folder (`files` relative to it, `shownAs` its path for
 * messages). An article's file name is its URL, so it must be a slug that names it as it is: Astro
 * would turn `My Article.mdx` into /articles/my-article/ and let `Valid.mdx` and `valid.mdx` (one
 * slug) replace each other with a warning. Articles sit directly in the folder, and are MDX: a
 * `.md` file would be left out without a word. Pure.
 */
export function articleFileProblems(files: readonly string[], shownAs: string): string[] {
  const names = new Set(files);
  return files.flatMap((file) => {
    const at = `${shownAs}/${file}`;
    if (file.includes('/')) {
      return /\.mdx?$/.test(file)
        ? [
            `${at}: articles sit directly in ${shownAs}/ (the file name is the URL). Fix: move it up, out of its folder.`,
          ]
        : [];
    }
    if (file.endsWith('.md')) {
      return [`${at}: articles are MDX files, and this one would be left out. Fix: rename it to ${file}x.`];
    }
    if (!file.endsWith('.mdx') || ARTICLE_FILE.test(file)) return [];
    const wanted = `${slug(file.slice(0, -'.mdx'.length))}.mdx`;
    const fix = !ARTICLE_FILE.test(wanted)
      ? 'rename it to lower-case words joined by "-", such as read-replicas.mdx'
      : names.has(wanted)
        ? `give it a name of its own (${shownAs}/${wanted} has the URL it would get)`
        : `rename it to ${wanted} (its URL stays /articles/${wanted.slice(0, -'.mdx'.length)}/)`;
    return [`${at}: an article's file name is its URL, so it must be lower-case words joined by "-". Fix: ${fix}.`];
  });
}

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
      const folder = resolve(root, options.base);
      const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((file) => file.split(sep).join('/'));
      const fileProblems = articleFileProblems(files.sort(), relative(root, folder).split(sep).join('/'));
      if (fileProblems.length > 0) {
        throw new AuthorError(
          `${fileProblems.length} problem(s) in the articles' file names:\n${fileProblems.join('\n')}`,
        );
      }
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
