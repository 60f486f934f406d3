/**
 * "The first use of a glossary term on a page links it" (issue 16), checked. Given a page's prose
 * as ordered runs of text, each either plain or the text of a `<Term id>` link, finds every glossary
 * term the page links somewhere but uses, unlinked, before that link: a reader meets the word
 * before the page explains it. Terms a page never links are left to the authors (docs/AUTHORING.md):
 * checking them too would flag every "database" and "node" on every page.
 *
 * Matching: a term's name and its aliases, whole words (a hyphen counts as part of a word), with an
 * optional plural ("s", "es", "y" → "ies"); names with two or more capitals in a row ("WAL", "TTL") match only in
 * capitals, others in any case. Where names overlap, the longest wins, so "read replicas" is a use
 * of "read replica", not of "replica". A capitalised match right after another capitalised word is
 * part of a product's name ("MySQL Group Replication") and not a use. Entries marked `commonWord` in the glossary (Raft's "term" is
 * also the English word) are skipped.
 */

/** The glossary as the check needs it. */
export interface GlossaryNames {
  id: string;
  /** The entry's term, as written in prose ("Database cluster (PostgreSQL)" is read as "Database cluster"). */
  term: string;
  aliases: readonly string[];
  /** Also an everyday word, so an unlinked use may mean something else: not checked. */
  commonWord?: boolean | undefined;
}

/** A run of prose text: plain, or the text of a link to a glossary entry. */
export interface ProseRun {
  text: string;
  /** The glossary id the run links to, for the text of a `<Term id>`. */
  term?: string | undefined;
  /** Source line of the run's first character. */
  line: number;
}

export interface TermProblem {
  line: number;
  message: string;
}

interface Name {
  id: string;
  pattern: RegExp;
  length: number;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The names to look for, longest first. */
export function termNames(glossary: readonly GlossaryNames[]): Name[] {
  const names: Name[] = [];
  for (const entry of glossary) {
    if (entry.commonWord) continue;
    const term = entry.term.replace(/\s*\([^)]*\)\s*$/, '');
    for (const name of new Set([term, ...entry.aliases])) {
      if (name.trim() === '') continue;
      const caseSensitive = /[A-Z]{2}/.test(name);
      const body = escape(name).replace(/\s+/g, String.raw`\s+`);
      // "secondary" → "secondaries"; other names take "s" or "es".
      const word = /[^aeiou]y$/i.test(name) ? String.raw`${body.slice(0, -1)}(?:y|ies)` : String.raw`${body}(?:e?s)?`;
      names.push({
        id: entry.id,
        pattern: new RegExp(String.raw`(?<![\w-])${word}(?![\w-])`, caseSensitive ? 'g' : 'gi'),
        length: name.length,
      });
    }
  }
  return names.sort((a, b) => b.length - a.length);
}

/**
 * Whether a capitalised match continues a proper name ("Group Replication", "Multi-AZ Cluster"):
 * the word before it is capitalised too, so it names a product, not the idea.
 */
export function inProperName(text: string, index: number, match: string): boolean {
  if (!/^\p{Lu}/u.test(match)) return false;
  const before = /(\S+)\s+$/u.exec(text.slice(0, index))?.[1] ?? '';
  return /^\p{Lu}[\p{L}\p{N}-]*$/u.test(before);
}

/** Every term use in a text, longest names first, never overlapping, in order of position. */
export function findTermUses(text: string, names: readonly Name[]): { id: string; index: number; text: string }[] {
  const taken: [number, number][] = [];
  const uses: { id: string; index: number; text: string }[] = [];
  for (const name of names) {
    for (const match of text.matchAll(name.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([from, to]) => start < to && from < end)) continue;
      taken.push([start, end]);
      uses.push({ id: name.id, index: start, text: match[0] });
    }
  }
  return uses.sort((a, b) => a.index - b.index);
}

/** Every glossary term the prose uses, unlinked, before the page's first link to it. */
export function checkTermFirstUse(runs: readonly ProseRun[], glossary: readonly GlossaryNames[]): TermProblem[] {
  const names = termNames(glossary);
  const firstLink = new Map<string, { order: number; line: number }>();
  for (const [order, run] of runs.entries()) {
    if (run.term && !firstLink.has(run.term)) firstLink.set(run.term, { order, line: run.line });
  }
  const problems: TermProblem[] = [];
  const reported = new Set<string>();
  for (const [order, run] of runs.entries()) {
    if (run.term) continue;
    for (const use of findTermUses(run.text, names)) {
      if (inProperName(run.text, use.index, use.text)) continue;
      const link = firstLink.get(use.id);
      if (!link || link.order < order || reported.has(use.id)) continue;
      reported.add(use.id);
      const line = run.line + (run.text.slice(0, use.index).match(/\n/g) ?? []).length;
      problems.push({
        line,
        message:
          `"${use.text.replace(/\s+/g, ' ')}" is used here before the page links it to the glossary (<Term id="${use.id}"> at line ${link.line}). ` +
          `Link the first use instead: move the <Term id="${use.id}"> here, or reword this one.`,
      });
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}
