/**
 * What an anchor id on this site may be, stated once for every place that writes or reads one:
 * heading ids (made by the slugger from the heading's text), figure ids, glossary ids, and the
 * keys of `anchorAliases` and `movedAnchors`. The rule is the slugger's own output: an id is valid
 * when slugging it changes nothing (lower case; letters and digits of any script, `-` and `_`).
 * So every id the build publishes, `## Über uns` → `über-uns` included, can later be kept by an
 * alias, and an alias can only name an id a heading could have.
 */
import { slug } from 'github-slugger';

export function isAnchorId(id: string): boolean {
  return hasWord(id) && slug(id) === id;
}

/** At least one letter or digit: `#-` or `#__` would be valid HTML, but no name for a section. */
export function hasWord(id: string): boolean {
  return /[\p{L}\p{N}]/u.test(id);
}

/** What is wrong with an id that breaks the rule (`must be …`), with the id the slugger would make. */
export function anchorIdProblem(id: string): string | undefined {
  if (isAnchorId(id)) return undefined;
  const made = slug(id);
  const suggestion = made !== id && hasWord(made) ? made : undefined;
  return (
    'must be an anchor id as it appears after # in a link: lower-case letters and digits (any script), "-" and "_"' +
    (suggestion ? `, such as "${suggestion}"` : '')
  );
}
