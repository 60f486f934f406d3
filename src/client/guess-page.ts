/** A page the 404 page can suggest. */
export interface GuessTarget {
  /** The URL path before the base, e.g. `/articles/replication/`. */
  path: string;
  title: string;
}

/** Levenshtein edit distance between two strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The last meaningful segment of a path, lower-cased: `/x/articles/Replicaton.html` gives `replicaton`. */
export function lastSegment(path: string): string {
  const segments = decodeURIComponent(path)
    .toLowerCase()
    .replace(/\.html?$/, '')
    .split('/')
    .filter((segment) => segment !== '' && segment !== 'index');
  return segments.at(-1) ?? '';
}

/**
 * The pages closest to what was typed: compares the last segment of the requested path with the
 * last segment of each target, and keeps those within about a third of the word's length of
 * edits (or that contain it, or are contained in it). Best first, at most `limit`.
 */
export function guessPages(requested: string, targets: readonly GuessTarget[], limit = 3): GuessTarget[] {
  const wanted = lastSegment(requested);
  if (wanted.length < 3) return [];
  return targets
    .map((target) => {
      const slug = lastSegment(target.path);
      const contains = slug.includes(wanted) || wanted.includes(slug);
      const distance = contains ? Math.abs(slug.length - wanted.length) / 4 : editDistance(wanted, slug);
      return { target, slug, distance, allowed: Math.max(2, Math.ceil(Math.max(wanted.length, slug.length) / 3)) };
    })
    .filter(({ slug, distance, allowed }) => slug.length >= 3 && distance <= allowed)
    .sort((a, b) => a.distance - b.distance || a.target.title.localeCompare(b.target.title))
    .slice(0, limit)
    .map(({ target }) => target);
}
