/**
 * The glossary's loader: reads content/glossary.yaml, checks it whole with `checkGlossary` (YAML,
 * fields, unique ids, each with file and line) and stores one entry per term. It replaces Astro's
 * file loader, which only warns about a repeated id and skips a file it cannot parse.
 */
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'astro/zod';
import { AuthorError } from './author-error.ts';
import type { Loader, LoaderContext } from 'astro/loaders';
import { checkGlossary } from './glossary-file.ts';

export function glossaryLoader(options: { file: string; schema: z.ZodType }): Loader {
  return {
    name: 'cde-glossary-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      const path = fileURLToPath(new URL(options.file, context.config.root));
      const file = relative(root, path).split(sep).join('/');
      await sync(context, path, file, options.schema);
      context.watcher?.add(path);
      context.watcher?.on('change', (changed) => {
        if (changed !== path) return;
        // In dev the server keeps running: report, and keep the last good glossary.
        sync(context, path, file, options.schema).catch((error: unknown) => context.logger.error(String(error)));
      });
    },
  };
}

async function sync(context: LoaderContext, path: string, file: string, schema: z.ZodType): Promise<void> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new AuthorError(
      `${file} is missing. Fix: create it with a list of entries (see src/schemas/glossary-entry.ts).`,
    );
  });
  const check = checkGlossary(file, text, schema);
  if (check.problems.length > 0) {
    throw new AuthorError(
      `${check.problems.length} problem(s) in ${file}:\n${check.problems.map((problem) => `  ${problem}`).join('\n')}`,
    );
  }
  const entries = await Promise.all(
    check.entries.map(async (entry) => ({
      id: entry.id,
      data: await context.parseData({ id: entry.id, data: entry.data, filePath: path }),
    })),
  );
  context.store.clear();
  for (const { id, data } of entries) {
    context.store.set({ id, data, filePath: file, digest: context.generateDigest(data) });
  }
}
