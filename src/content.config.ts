import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { questionsLoader, storedQuestionSchema } from './questions/questions-loader.ts';
import { articleSchema } from './schemas/article.ts';
import { glossaryEntrySchema } from './schemas/glossary-entry.ts';

/** Articles live outside src/, in the top-level content/ folder, one .mdx file each. */
const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/articles' }),
  schema: articleSchema,
});

const glossary = defineCollection({
  loader: file('./content/glossary.yaml'),
  schema: glossaryEntrySchema,
});

/** Questions readers ask (content/questions.yaml): checked with file and line by their loader. */
const questions = defineCollection({
  loader: questionsLoader('content/questions.yaml'),
  schema: storedQuestionSchema,
});

export const collections = { articles, glossary, questions };
