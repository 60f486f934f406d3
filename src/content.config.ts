import { defineCollection } from 'astro:content';
import { articleLoader } from './loaders/article-loader.ts';
import { glossaryLoader } from './loaders/glossary-loader.ts';
import { questionsLoader, storedQuestionSchema } from './questions/questions-loader.ts';
import { articleSchema } from './schemas/article.ts';
import { glossaryEntrySchema } from './schemas/glossary-entry.ts';

/** Articles live outside src/, in the top-level content/ folder, one .mdx file each; the loader
 * names the file and line of any frontmatter mistake (src/loaders/article-loader.ts). */
const articles = defineCollection({
  loader: articleLoader({ base: './content/articles', schema: articleSchema }),
  schema: articleSchema,
});

/** The glossary, one YAML file; the loader refuses repeated ids (src/loaders/glossary-loader.ts). */
const glossary = defineCollection({
  loader: glossaryLoader({ file: './content/glossary.yaml', schema: glossaryEntrySchema }),
  schema: glossaryEntrySchema,
});

/** Questions readers ask (content/questions.yaml): checked with file and line by their loader. */
const questions = defineCollection({
  loader: questionsLoader('content/questions.yaml'),
  schema: storedQuestionSchema,
});

export const collections = { articles, glossary, questions };
