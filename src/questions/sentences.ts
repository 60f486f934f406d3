/**
 * Abbreviations whose full stop does not end a sentence. A sentence can still end with one
 * ("and so on, etc."), but the answers on this site avoid that.
 */
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'vs', 'cf', 'etc', 'approx']);

/**
 * A sentence ends at `.`, `!` or `?` (with any closing quote or bracket) followed by the end of
 * the text, or by a space and something that starts a sentence: a capital, a digit, a quote, a
 * bracket or a backtick (an answer may open a sentence with `patronictl …`). A full stop inside a
 * version (`4.0`) or a name (`patroni.yml`) has no space after it and ends nothing.
 */
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s+[A-Z0-9"'“‘`([]|\s*$)/g;

/**
 * Counts the sentences of a short prose answer, for the 2-to-5-sentence rule of
 * content/questions.yaml. Text after the last full stop counts as one more sentence.
 */
export function countSentences(text: string): number {
  const prose = text.replace(/\s+/g, ' ').trim();
  if (prose === '') return 0;
  let count = 0;
  let end = 0;
  for (const match of prose.matchAll(SENTENCE_END)) {
    const word = /(\S+)$/.exec(prose.slice(0, match.index))?.[1] ?? '';
    if (match[0] === '.' && ABBREVIATIONS.has(word.toLowerCase().replace(/^[("“‘']+/, ''))) continue;
    count += 1;
    end = match.index + match[0].length;
  }
  return prose.slice(end).trim() === '' ? count : count + 1;
}
