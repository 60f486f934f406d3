import { PARTS, type PartNumber } from './learning-path-parts.ts';

/** The little an article must expose to be placed on the learning path. */
export interface PathEntry {
  id: string;
  /** Where the article came from, for error messages. */
  filePath?: string | undefined;
  data: { title: string; part: PartNumber; order: number; prerequisites: string[]; draft?: boolean };
}

export interface PathPart<T extends PathEntry> {
  number: PartNumber;
  title: string;
  articles: T[];
}

export interface LearningPath<T extends PathEntry> {
  parts: PathPart<T>[];
  /** Every article in reading order. */
  ordered: T[];
  previous(id: string): T | undefined;
  next(id: string): T | undefined;
}

/**
 * Orders articles by part and position, and refuses an inconsistent path: two articles in the
 * same place, or a prerequisite that is not an article.
 */
export function buildLearningPath<T extends PathEntry>(entries: readonly T[]): LearningPath<T> {
  const published = entries.filter((entry) => !entry.data.draft);
  const ids = new Set(published.map((entry) => entry.id));
  const places = new Map<string, T>();
  for (const entry of published) {
    const place = `${entry.data.part}.${entry.data.order}`;
    const other = places.get(place);
    if (other) {
      throw new Error(
        `${where(entry)}: part ${entry.data.part}, order ${entry.data.order} is already taken by ${where(other)}. ` +
          'Give each article its own "order" within its part.',
      );
    }
    places.set(place, entry);
    for (const prerequisite of entry.data.prerequisites) {
      if (!ids.has(prerequisite)) {
        throw new Error(
          `${where(entry)}: prerequisite "${prerequisite}" is not an article. ` +
            'Use the file name (without .mdx) of an article in content/articles/.',
        );
      }
    }
  }
  const ordered = [...published].sort((a, b) => a.data.part - b.data.part || a.data.order - b.data.order);
  const parts = PARTS.map((part) => ({
    number: part.number,
    title: part.title,
    articles: ordered.filter((entry) => entry.data.part === part.number),
  })).filter((part) => part.articles.length > 0);
  const indexOf = (id: string): number => ordered.findIndex((entry) => entry.id === id);
  return {
    parts,
    ordered,
    previous: (id) => {
      const index = indexOf(id);
      return index > 0 ? ordered[index - 1] : undefined;
    },
    next: (id) => {
      const index = indexOf(id);
      return index >= 0 ? ordered[index + 1] : undefined;
    },
  };
}

function where(entry: PathEntry): string {
  return entry.filePath ?? `article "${entry.id}"`;
}
