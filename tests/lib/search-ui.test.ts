import { describe, expect, it } from 'vitest';
import { isSearchShortcut } from '../../src/client/search-shortcut.ts';
import { describeResults, splitExcerpt, toPageMatch } from '../../src/client/search-ui.ts';

const key = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('search shortcut', () => {
  it('opens on "/" outside fields, and on Ctrl+K or Cmd+K anywhere', () => {
    expect(isSearchShortcut(key('/'), false)).toBe(true);
    expect(isSearchShortcut(key('/'), true)).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true }), true)).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true }), false)).toBe(true);
  });

  it('ignores other keys and Alt combinations', () => {
    expect(isSearchShortcut(key('k'), false)).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, altKey: true }), false)).toBe(false);
    expect(isSearchShortcut(key('/', { ctrlKey: true }), false)).toBe(false);
  });
});

describe('search results', () => {
  const data = {
    url: '/docs/articles/replication/',
    excerpt: 'A <mark>replica</mark> is a copy',
    meta: { title: 'Replication' },
    sub_results: [
      { title: 'Replication', url: '/docs/articles/replication/', excerpt: 'intro' },
      { title: 'Lag', url: '/docs/articles/replication/#lag', excerpt: 'a <mark>replica</mark> lags' },
      { title: 'Sync', url: '/docs/articles/replication/#sync', excerpt: 's' },
      { title: 'Async', url: '/docs/articles/replication/#async', excerpt: 'a' },
      { title: 'Quorum', url: '/docs/articles/replication/#quorum', excerpt: 'q' },
    ],
  };

  it('keeps the page and up to three sections that have an anchor, in page order when equal', () => {
    const match = toPageMatch(data);
    expect(match.title).toBe('Replication');
    expect(match.sections.map((section) => section.url)).toEqual([
      '/docs/articles/replication/#lag',
      '/docs/articles/replication/#sync',
      '/docs/articles/replication/#async',
    ]);
  });

  it('puts sections named by the query first, then those with the strongest matches', () => {
    const scored = {
      ...data,
      sub_results: [
        { title: 'Lag', url: '/r/#lag', excerpt: '', weighted_locations: [{ balanced_score: 1 }] },
        {
          title: 'Sync',
          url: '/r/#sync',
          excerpt: '',
          weighted_locations: [{ balanced_score: 5 }, { balanced_score: 5 }],
        },
        { title: 'Quorum', url: '/r/#quorum', excerpt: '', weighted_locations: [{ balanced_score: 2 }] },
        { title: 'Async', url: '/r/#async', excerpt: '', weighted_locations: [{ balanced_score: 3 }] },
      ],
    };
    expect(toPageMatch(scored, 'quorum').sections.map((section) => section.title)).toEqual(['Quorum', 'Sync', 'Async']);
  });

  it('splits an excerpt into plain and marked text without parsing HTML', () => {
    expect(splitExcerpt('use <mark>a</mark> < b & <mark>c</mark>')).toEqual([
      { text: 'use ', marked: false },
      { text: 'a', marked: true },
      { text: ' < b & ', marked: false },
      { text: 'c', marked: true },
    ]);
    expect(splitExcerpt('<img src=x onerror=alert(1)>')).toEqual([
      { text: '<img src=x onerror=alert(1)>', marked: false },
    ]);
  });

  it('announces the count in words', () => {
    expect(describeResults(0, 'raft')).toBe('No results for “raft”.');
    expect(describeResults(1, 'raft')).toBe('1 result for “raft”.');
    expect(describeResults(4, 'raft')).toBe('4 results for “raft”.');
  });
});
