/** The four parts of the learning path, in reading order. */
export const PARTS = [
  { number: 1, title: 'Foundations' },
  { number: 2, title: 'How databases become clusters' },
  { number: 3, title: 'Hands-on' },
  { number: 4, title: 'Choosing' },
] as const;

export type PartNumber = (typeof PARTS)[number]['number'];

export const PART_NUMBERS = PARTS.map((part) => part.number) as [PartNumber, ...PartNumber[]];

export function partTitle(number: PartNumber): string {
  const part = PARTS.find((p) => p.number === number);
  if (!part) throw new Error(`Unknown part ${number}`);
  return part.title;
}

/**
 * The article that answers "do we need a database cluster?" (issue 16: the decision early). The
 * home page links it when it is published (fixture sites have other articles);
 * tests/content/article-structure.test.ts holds the real site to it.
 */
export const DECISION_ARTICLE = 'scale-up-or-scale-out';
