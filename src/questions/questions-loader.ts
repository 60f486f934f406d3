import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { questionSchema } from '../schemas/question.ts';
import { QUESTIONS_FILE, readQuestionsFile } from './questions-file.ts';

/**
 * A question as the collection stores it: the file's fields, plus the line its entry starts on,
 * which the loader adds. Astro's data store does not keep the order entries were stored in (its
 * cache on disk comes back in another order), so pages put questions in file order by this line
 * (`inFileOrder`). The file itself cannot set it: the question schema refuses unknown fields.
 */
export const storedQuestionSchema = questionSchema.extend({
  /** The 1-based line of content/questions.yaml where the entry starts. */
  line: z.number().int().positive(),
});

/**
 * The content loader of the `questions` collection. Astro's own file() loader names an invalid
 * entry by its id only and lets a duplicate id through with a warning; this one fails the build
 * on either, and on YAML it cannot read, with the file, the line and a hint (readQuestionsFile),
 * and records the line of each entry (see storedQuestionSchema). A missing file means no questions.
 */
export function questionsLoader(file: string = QUESTIONS_FILE): Loader {
  async function sync(path: string, { store, parseData, logger }: LoaderContext): Promise<void> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      // A site without questions (the fixture sites of the build tests) gets an empty page.
      logger.warn(`No ${file}: the questions page lists no questions.`);
      store.clear();
      return;
    }
    const { questions, problems } = readQuestionsFile(text, file);
    if (problems.length > 0) {
      // No "document" or "window" in this text: Astro would add a hint about browser APIs to it.
      throw new Error(
        `${problems.length} problem(s) in ${file}:\n${problems.map((problem) => `  ${problem}`).join('\n')}\n` +
          'The format of each question is in docs/QUESTIONS.md.',
      );
    }
    store.clear();
    for (const { question, line } of questions) {
      const data = await parseData({ id: question.id, data: { ...question, line }, filePath: path });
      store.set({ id: question.id, data, filePath: file });
    }
  }

  return {
    name: 'cde-questions-loader',
    schema: storedQuestionSchema,
    load: async (context) => {
      const path = fileURLToPath(new URL(file, context.config.root));
      await sync(path, context);
      context.watcher?.add(path);
      context.watcher?.on('change', (changed) => {
        if (changed !== path) return;
        context.logger.info(`Reloading ${file}`);
        sync(path, context).catch((error: unknown) => context.logger.error((error as Error).message));
      });
    },
  };
}
