import { describe, expect, it } from 'vitest';
import {
  checkTermFirstUse,
  findTermUses,
  inProperName,
  termNames,
  type GlossaryNames,
} from '../../src/plugins/term-first-use.ts';

/** A small glossary: one term with an alias, an acronym, a longer term that contains another, an everyday word. */
const GLOSSARY: GlossaryNames[] = [
  { id: 'quorum', term: 'Quorum', aliases: [] },
  { id: 'replica', term: 'Replica', aliases: ['secondary'] },
  { id: 'read-replica', term: 'Read replica', aliases: [] },
  { id: 'wal', term: 'WAL', aliases: ['write-ahead log'] },
  { id: 'database-cluster', term: 'Database cluster (PostgreSQL)', aliases: [] },
  { id: 'term', term: 'Term (Raft)', aliases: [], commonWord: true },
];

const uses = (text: string) => findTermUses(text, termNames(GLOSSARY)).map((use) => [use.id, use.text]);

describe('findTermUses', () => {
  it('finds a term, its alias and its plural, in any case', () => {
    expect(uses('Quorums need secondaries; a Replica too.')).toEqual([
      ['quorum', 'Quorums'],
      ['replica', 'secondaries'],
      ['replica', 'Replica'],
    ]);
  });

  it('takes the longest name where two overlap', () => {
    expect(uses('Add read replicas.')).toEqual([['read-replica', 'read replicas']]);
  });

  it('matches an acronym only in capitals', () => {
    expect(uses('The WAL, not the wal of a castle.')).toEqual([['wal', 'WAL']]);
  });

  it('reads a term without its parenthesis', () => {
    expect(uses('One database cluster per server.')).toEqual([['database-cluster', 'database cluster']]);
  });

  it('needs whole words, a hyphen counting as part of one', () => {
    expect(uses('quorum-based and requorum')).toEqual([]);
  });

  it('skips everyday words', () => {
    expect(uses('In terms of the term of office.')).toEqual([]);
  });
});

describe('checkTermFirstUse', () => {
  it('accepts a page whose first use is the link', () => {
    expect(
      checkTermFirstUse(
        [
          { text: 'quorum', term: 'quorum', line: 3 },
          { text: ' and then a quorum again.', line: 3 },
        ],
        GLOSSARY,
      ),
    ).toEqual([]);
  });

  it('reports an unlinked use before the link, with both lines and the fix', () => {
    expect(
      checkTermFirstUse(
        [
          { text: 'A majority,\nthe quorum, decides.', line: 10 },
          { text: 'quorum', term: 'quorum', line: 14 },
        ],
        GLOSSARY,
      ),
    ).toEqual([
      {
        line: 11,
        message:
          '"quorum" is used here before the page links it to the glossary (<Term id="quorum"> at line 14). ' +
          'Link the first use instead: move the <Term id="quorum"> here, or reword this one.',
      },
    ]);
  });

  it('reports each term once, at its first early use', () => {
    const runs = [
      { text: 'WAL first. WAL again.', line: 1 },
      { text: 'more WAL', line: 2 },
      { text: 'WAL', term: 'wal', line: 5 },
    ];
    expect(checkTermFirstUse(runs, GLOSSARY).map((problem) => problem.line)).toEqual([1]);
  });

  it('leaves alone a term the page never links', () => {
    expect(checkTermFirstUse([{ text: 'Every replica.', line: 1 }], GLOSSARY)).toEqual([]);
  });

  it('counts an alias before the link as a use of the term', () => {
    const runs = [
      { text: 'The write-ahead log.', line: 1 },
      { text: 'WAL', term: 'wal', line: 2 },
    ];
    expect(checkTermFirstUse(runs, GLOSSARY)[0]?.message).toMatch(/^"write-ahead log" is used here before/);
  });
});

describe('inProperName', () => {
  it('takes a capitalised match after a capitalised word for part of a name', () => {
    expect(inProperName('MySQL Group Replication multi-primary', 12, 'Replication')).toBe(true);
  });

  it('counts a capitalised match that starts a sentence', () => {
    expect(inProperName('It is fine. Replication copies data.', 12, 'Replication')).toBe(false);
  });

  it('counts a lower-case match after a name', () => {
    expect(inProperName('PostgreSQL streaming replication', 11, 'streaming replication')).toBe(false);
  });
});

describe('checkTermFirstUse with product names', () => {
  it('does not count a term inside a product name as a use', () => {
    const runs = [
      { text: 'MySQL Group Replication is a product.', line: 1 },
      { text: 'replication', term: 'replication', line: 2 },
    ];
    expect(checkTermFirstUse(runs, [{ id: 'replication', term: 'Replication', aliases: [] }])).toEqual([]);
  });
});
