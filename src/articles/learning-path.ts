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

/** Where an article stands on the path, for "Article 5 of 13" and "Part 2 begins". */
export interface PathPlace {
  /** 1-based position on the whole path. */
  number: number;
  /** Articles on the path. */
  total: number;
  part: { number: PartNumber; title: string };
  /** 1-based position within its part. */
  numberInPart: number;
  /** Articles in its part. */
  partSize: number;
}

export interface LearningPath<T extends PathEntry> {
  parts: PathPart<T>[];
  /** Every article in reading order. */
  ordered: T[];
  previous(id: string): T | undefined;
  next(id: string): T | undefined;
  /** Where an article stands; undefined for an id not on the path. */
  place(id: string): PathPlace | undefined;
  /** The articles an article lists as prerequisites, in reading order. */
  prerequisites(id: string): T[];
}

/**
 * Orders articles by part and position, and refuses an inconsistent path: two articles in the
 * same place, a prerequisite that is not an article, or one that comes after the article that
 * needs it (a reader walking the path would meet it too late).
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
  for (const [index, entry] of ordered.entries()) {
    for (const prerequisite of entry.data.prerequisites) {
      const at = indexOf(prerequisite);
      if (at > index) {
        throw new Error(
          `${where(entry)}: prerequisite "${prerequisite}" comes after it on the learning path ` +
            `(article ${at + 1}, this one is article ${index + 1}). ` +
            'Move one of them with "part" and "order", or drop the prerequisite.',
        );
      }
    }
  }
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
    place: (id) => {
      const index = indexOf(id);
      const entry = ordered[index];
      const part = parts.find((candidate) => candidate.number === entry?.data.part);
      if (!entry || !part) return undefined;
      return {
        number: index + 1,
        total: ordered.length,
        part: { number: part.number, title: part.title },
        numberInPart: part.articles.indexOf(entry) + 1,
        partSize: part.articles.length,
      };
    },
    prerequisites: (id) => {
      const entry = ordered[indexOf(id)];
      const wanted = new Set(entry?.data.prerequisites ?? []);
      return ordered.filter((other) => wanted.has(other.id));
    },
  };
}

function where(entry: PathEntry): string {
  return entry.filePath ?? `article "${entry.id}"`;
}
