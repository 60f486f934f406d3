import { getCollection, render, type CollectionEntry } from 'astro:content';
import { diagramsInMarkdown } from '../diagrams/scan.ts';
import { buildLearningPath, type LearningPath } from './learning-path.ts';
import { resolveMovedSections, type MovedSection, type TargetArticle } from './moved-sections.ts';

/** All published articles, placed on the learning path (throws on an inconsistent path). */
export async function getLearningPath(): Promise<LearningPath<CollectionEntry<'articles'>>> {
  return buildLearningPath(await getCollection('articles'));
}

/** The sections an article has moved elsewhere (its `movedAnchors`), resolved against their new pages. */
export async function getMovedSections(entry: CollectionEntry<'articles'>, base: string): Promise<MovedSection[]> {
  const moves = entry.data.movedAnchors;
  if (Object.keys(moves).length === 0) return [];
  const file = entry.filePath ?? `content/articles/${entry.id}.mdx`;
  const wanted = new Set(Object.values(moves).map((to) => to.split('/')[2]));
  const targets = new Map<string, TargetArticle>();
  for (const other of (await getLearningPath()).ordered) {
    if (!wanted.has(other.id)) continue;
    const { headings } = await render(other);
    const figures = diagramsInMarkdown(other.body ?? '', other.filePath ?? other.id).map(({ id, caption }) => ({
      id,
      caption,
    }));
    targets.set(other.id, { title: other.data.title, headings, figures });
  }
  return resolveMovedSections(file, moves, targets, base);
}
