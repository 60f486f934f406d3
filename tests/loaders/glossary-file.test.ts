import { describe, expect, it } from 'vitest';
import { checkGlossary } from '../../src/loaders/glossary-file.ts';
import { glossaryEntrySchema } from '../../src/schemas/glossary-entry.ts';

const FILE = 'content/glossary.yaml';
const GUIDE = 'src/schemas/glossary-entry.ts';
const DUPLICATE_FIX =
  'Fix: give each entry its own id (two entries with one id would replace each other on the glossary page and in ' +
  'every term preview); to keep an old link, list the old id in formerIds of one entry only.';

const QUORUM = [
  '- id: quorum',
  '  term: Quorum',
  '  definition: The smallest group of members whose agreement counts.',
];
const LEADER = ['- id: leader', '  term: Leader', '  definition: The member that orders writes for the whole group.'];

function check(lines: readonly string[]) {
  return checkGlossary(FILE, lines.join('\n'), glossaryEntrySchema);
}

describe('checkGlossary', () => {
  it('reads each entry with its id and line', () => {
    const result = check([...QUORUM, ...LEADER]);
    expect(result.problems).toEqual([]);
    expect(result.entries.map((entry) => [entry.id, entry.line])).toEqual([
      ['quorum', 1],
      ['leader', 4],
    ]);
  });

  it('refuses a second entry with an existing id, naming both lines', () => {
    const again = [
      '- id: quorum',
      '  term: Quorum again',
      '  definition: A second definition that would win silently.',
    ];
    expect(check([...QUORUM, ...LEADER, ...again]).problems).toEqual([
      `${FILE}:7: glossary id "quorum" is already the id of the entry at line 1. ${DUPLICATE_FIX}`,
    ]);
  });

  it("refuses a former id that is another entry's id (both would be anchors on /glossary/)", () => {
    const renamed = [...LEADER, '  formerIds: [quorum]'];
    expect(check([...QUORUM, ...renamed]).problems).toEqual([
      `${FILE}:7: glossary id "quorum" is already the id of the entry at line 1. ${DUPLICATE_FIX}`,
    ]);
  });

  it('names the entry and the line of a field the schema refuses', () => {
    const short = ['- id: lag', '  term: Lag', '  definition: Too short.'];
    expect(check([...QUORUM, ...short]).problems).toEqual([
      `${FILE}:6: entry "lag": definition: Too small: expected string to have >=20 characters. Fix: see ${GUIDE}.`,
    ]);
  });

  it('refuses a seeAlso link that a browser would send to another site', () => {
    expect(check([...QUORUM, '  seeAlso: ["/\\\\example.com/"]']).problems).toEqual([
      `${FILE}:4: entry "quorum": seeAlso.0: must not start with "//" or "/\\", which browsers read as another site. ` +
        `Fix: link to a page of this site, such as /articles/replication/. Fix: see ${GUIDE}.`,
    ]);
  });

  it('names a misspelt field', () => {
    expect(check([...QUORUM, '  seAlso: [/articles/replication/]']).problems).toEqual([
      `${FILE}:4: entry "quorum": unknown field "seAlso". Fix: did you mean "seeAlso"?`,
    ]);
  });

  it('names the line and column of invalid YAML instead of building without a glossary', () => {
    expect(
      check(['- id: quorum', '  term: [Quorum', '  definition: The smallest group of members whose agreement counts.']),
    ).toEqual({
      entries: [],
      problems: [
        `${FILE}:2:9: invalid YAML: this "[" is not closed on its line. Fix: end the list with "]" on the same line, or quote the text if the "[" is part of it.`,
      ],
    });
  });

  it('refuses a file that is not a list', () => {
    expect(check(['quorum: The smallest group.']).problems).toEqual([
      `${FILE}:1: the glossary must be a list of entries, each starting with "- id: ...". Fix: see ${GUIDE}.`,
    ]);
  });
});
