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
