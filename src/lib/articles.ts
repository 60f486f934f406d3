import { getCollection, type CollectionEntry } from 'astro:content';
import { buildLearningPath, type LearningPath } from './learning-path.ts';

/** All published articles, placed on the learning path (throws on an inconsistent path). */
export async function getLearningPath(): Promise<LearningPath<CollectionEntry<'articles'>>> {
  return buildLearningPath(await getCollection('articles'));
}
