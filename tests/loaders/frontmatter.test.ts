import { describe, expect, it } from 'vitest';
import { checkFrontmatter } from '../../src/loaders/frontmatter.ts';
import { articleSchema } from '../../src/schemas/article.ts';

const FILE = 'content/articles/x.mdx';
const GUIDE = 'docs/AUTHORING.md, "Frontmatter"';

/** A valid article's frontmatter, line by line (line 1 of the file is the opening ---). */
const VALID = [
  '---',
  "title: 'Replication basics'",
  "description: 'How a primary sends its changes to replicas, and what each kind of replica waits for.'",
  'part: 2',
  'order: 1',
  'prerequisites: []',
  'outcomes:',
  '  - Explain what a replica is.',
  '  - Compare synchronous and asynchronous replication.',
  'lastReviewed: 2026-11-26',
  'sources:',
  "  - title: 'PostgreSQL: High Availability'",
  '    url: https://www.postgresql.org/docs/current/high-availability.html',
  '---',
  '',
  '## Body',
];

/** VALID with line `line` (1-based, as an editor shows it) replaced. */
function withLine(line: number, text: string): string {
  return VALID.map((original, index) => (index === line - 1 ? text : original)).join('\n');
}

function problems(text: string): readonly string[] {
  return checkFrontmatter(FILE, text, articleSchema).problems;
}

describe('checkFrontmatter', () => {
  it('accepts a valid article and gives its data, the date still as written', () => {
    const check = checkFrontmatter(FILE, VALID.join('\n'), articleSchema);
    expect(check.problems).toEqual([]);
    expect(check.data?.['lastReviewed']).toBe('2026-11-26');
  });

  it('names the line of a value the schema refuses, with the fix', () => {
    expect(problems(withLine(13, '    url: not-a-url'))).toEqual([
      `${FILE}:13: sources.0.url: must be an absolute http(s) URL. Fix: see ${GUIDE}.`,
    ]);
  });

  it('refuses an impossible date instead of rolling it over', () => {
    expect(problems(withLine(10, 'lastReviewed: 2026-13-45'))).toEqual([
      `${FILE}:10: lastReviewed: "2026-13-45" is not a real calendar date (month 01 to 12, a day that month has). Fix: see ${GUIDE}.`,
    ]);
    expect(problems(withLine(10, 'lastReviewed: 2026-02-29'))).toEqual([
      `${FILE}:10: lastReviewed: "2026-02-29" is not a real calendar date (month 01 to 12, a day that month has). Fix: see ${GUIDE}.`,
    ]);
    expect(problems(withLine(10, 'lastReviewed: 2028-02-29'))).toEqual([]);
  });

  it('refuses a date in another format', () => {
    expect(problems(withLine(10, 'lastReviewed: 26/11/2026'))).toEqual([
      `${FILE}:10: lastReviewed: must be a date written YYYY-MM-DD, such as 2026-11-26. Fix: see ${GUIDE}.`,
    ]);
    expect(problems(withLine(10, 'lastReviewed: 2026-11-26T10:00:00Z'))).toEqual([
      `${FILE}:10: lastReviewed: must be a date written YYYY-MM-DD, such as 2026-11-26. Fix: see ${GUIDE}.`,
    ]);
  });

  it('names a misspelt field and the field it probably meant', () => {
    expect(problems(withLine(10, 'lastReviwed: 2026-11-26'))).toEqual([
      `${FILE}:2: "lastReviewed" is missing. Fix: add it (${GUIDE}).`,
      `${FILE}:10: unknown field "lastReviwed". Fix: did you mean "lastReviewed"?`,
    ]);
  });

  it('names a misspelt field inside a source', () => {
    expect(problems(withLine(13, '    urls: https://www.postgresql.org/docs/'))).toEqual([
      `${FILE}:12: "sources.0.url" is missing. Fix: add it (${GUIDE}).`,
      `${FILE}:13: unknown field "sources.0.urls". Fix: did you mean "url"?`,
    ]);
  });

  it('names the exact line and column of invalid YAML, with the usual causes', () => {
    expect(problems(withLine(2, 'title: Replication: the basics'))).toEqual([
      `${FILE}:2:8: invalid YAML in the frontmatter: Nested mappings are not allowed in compact mappings. Fix: check the indentation, and quote text that contains ": " or " #" or starts with a quote, bracket, "*", "&", "!" or "%".`,
    ]);
  });

  it('names a field written twice', () => {
    expect(problems(withLine(5, 'part: 3'))).toEqual([
      `${FILE}:5:1: invalid YAML in the frontmatter: a key appears twice in the same mapping. Fix: keep one of them.`,
    ]);
  });

  it('asks for frontmatter when there is none', () => {
    expect(problems('## Just a body\n')).toEqual([
      `${FILE}:1: no frontmatter. Fix: start the file with a "---" line, the fields (${GUIDE}), then another "---" line.`,
    ]);
  });
});
