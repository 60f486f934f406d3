/** Words a minute for technical prose; lower than the usual 238 for general text. */
const WORDS_PER_MINUTE = 200;

/**
 * Minutes to read an article's source, counting words of prose only: frontmatter, fenced code
 * and diagram source, MDX comments and tags are skipped, since readers skim rather than read them.
 */
export function readingMinutes(source: string): number {
  const prose = source
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '')
    .replace(/<[^>\n]+>/g, ' ');
  const words = prose.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
