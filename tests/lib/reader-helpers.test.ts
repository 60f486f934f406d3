import { describe, expect, it } from 'vitest';
import { copiedMessage, copyLabel } from '../../src/client/copy-link.ts';
import { editDistance, guessPages, lastSegment } from '../../src/client/guess-page.ts';
import { activeSection } from '../../src/client/toc.ts';

describe('copy link words', () => {
  it('derive from the self-link name', () => {
    expect(copyLabel('Link to section: How they differ')).toBe('Copy link to section: How they differ');
    expect(copiedMessage('Link to section: How they differ')).toBe('Link to section “How they differ” copied.');
    expect(copiedMessage('Link to figure: A: B')).toBe('Link to figure “A: B” copied.');
    expect(copyLabel('Link to the figure “Two replicas”')).toBe('Copy link to the figure “Two replicas”');
    expect(copiedMessage('Link to the figure “Two replicas”')).toBe('Link to the figure “Two replicas” copied.');
    expect(copyLabel('')).toBe('Copy link');
    expect(copiedMessage('')).toBe('Link copied.');
  });
});

describe('table of contents: the section being read', () => {
  const headings = [
    { id: 'a', top: -500 },
    { id: 'b', top: 100 },
    { id: 'c', top: 600 },
  ];
  it('is the last heading above a quarter of the viewport', () => {
    expect(activeSection(headings, 800)).toBe('b');
    expect(activeSection(headings, 300)).toBe('a');
  });
  it('is none before the first heading', () => {
    expect(activeSection([{ id: 'a', top: 400 }], 800)).toBeUndefined();
  });
});

describe('404 guesses', () => {
  const targets = [
    { path: '/articles/replication/', title: 'Replication' },
    { path: '/articles/consensus-and-quorum/', title: 'Consensus and quorum' },
    { path: '/articles/sharding-and-partitioning/', title: 'Sharding' },
    { path: '/glossary/', title: 'Glossary' },
  ];

  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('reads the last segment of a path, ignoring case, index and .html', () => {
    expect(lastSegment('/nested/path/articles/Replicaton.html')).toBe('replicaton');
    expect(lastSegment('/articles/replication/index.html')).toBe('replication');
  });

  it('guesses a misspelt slug, a partial one, and a page under another base', () => {
    expect(guessPages('/articles/replicaton/', targets).map((t) => t.title)).toEqual(['Replication']);
    expect(guessPages('/articles/consensus/', targets).map((t) => t.title)).toEqual(['Consensus and quorum']);
    expect(guessPages('/docs/glosary', targets).map((t) => t.title)).toEqual(['Glossary']);
  });

  it('guesses nothing for an unrelated or too short path', () => {
    expect(guessPages('/articles/kubernetes-networking/', targets)).toEqual([]);
    expect(guessPages('/a/', targets)).toEqual([]);
  });
});
