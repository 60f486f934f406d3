/**
 * Pure helpers of the search dialog (loaded with it, on first use), kept apart from the DOM code
 * so unit tests can call them.
 */

/** A Pagefind sub-result: one section of a page that matched. */
export interface SectionMatch {
  title: string;
  url: string;
  excerpt: string;
}

/** What the dialog shows of one page that matched. */
export interface PageMatch {
  title: string;
  url: string;
  excerpt: string;
  /** The matching sections that have their own anchor, best first. */
  sections: SectionMatch[];
}

/** The slice of Pagefind's result data the dialog reads. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: PagefindSection[];
}

interface PagefindSection {
  title: string;
  url: string;
  excerpt: string;
  /** Where the query matched in the section, with Pagefind's score for each match. */
  weighted_locations?: { balanced_score: number }[];
}

/**
 * Turns Pagefind's data for one page into what the dialog shows: the page, and up to
 * `maxSections` matching sections with anchors (the page's own intro, without an anchor, is the
 * page excerpt already). Pagefind lists sections in page order; the best matches come first
 * here: sections whose title contains the query, then by their matches' total score.
 */
export function toPageMatch(data: PagefindResultData, query = '', maxSections = 3): PageMatch {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const titleHits = (section: PagefindSection): number =>
    words.filter((word) => section.title.toLowerCase().includes(word)).length;
  const score = (section: PagefindSection): number =>
    (section.weighted_locations ?? []).reduce((sum, location) => sum + location.balanced_score, 0);
  const sections = (data.sub_results ?? [])
    .filter((section) => section.url.includes('#'))
    .map((section, index) => ({ section, index, hits: titleHits(section), score: score(section) }))
    .sort((a, b) => b.hits - a.hits || b.score - a.score || a.index - b.index)
    .slice(0, maxSections)
    .map(({ section: { title, url, excerpt } }) => ({ title, url, excerpt }));
  return { title: data.meta.title ?? data.url, url: data.url, excerpt: data.excerpt, sections };
}

/** The sentence the live region announces after a search. */
export function describeResults(count: number, query: string): string {
  if (count === 0) return `No results for “${query}”.`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${query}”.`;
}

/**
 * Pagefind's excerpts are the page's plain text (not escaped: a `<` in the text stays `<`) with
 * `<mark>` around the matching words. Splits one into plain and marked runs, so the UI can build
 * text nodes and never parses the excerpt as HTML.
 */
export function splitExcerpt(excerpt: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let last = 0;
  for (const match of excerpt.matchAll(/<mark>([\s\S]*?)<\/mark>/g)) {
    parts.push({ text: excerpt.slice(last, match.index), marked: false });
    parts.push({ text: match[1] ?? '', marked: true });
    last = match.index + match[0].length;
  }
  parts.push({ text: excerpt.slice(last), marked: false });
  return parts.filter((part) => part.text !== '');
}
