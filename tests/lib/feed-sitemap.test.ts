import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../src/articles/feed.ts';
import { sitemapXml } from '../../src/postbuild/sitemap.ts';

const articles = [
  {
    id: 'a',
    title: 'Older & wiser',
    description: 'First <one>.',
    lastReviewed: new Date('2026-01-02'),
    part: 'Part 1: Foundations',
  },
  { id: 'b', title: 'Newer', description: 'Second.', lastReviewed: new Date('2026-11-26'), part: 'Part 2: X' },
];

describe('Atom feed', () => {
  const xml = atomFeed({ site: 'https://example.org', base: '/docs/', title: 'Site', articles });

  it('parses, with absolute URLs under the base, newest first, text escaped', () => {
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://example.org/docs/');
    expect(feed.updated).toBe('2026-11-26T00:00:00.000Z');
    expect(feed.entry.map((entry: { id: string }) => entry.id)).toEqual([
      'https://example.org/docs/articles/b/',
      'https://example.org/docs/articles/a/',
    ]);
    expect(feed.entry[1].title).toBe('Older & wiser');
    expect(feed.entry[1].summary).toBe('First <one>.');
  });
});

describe('sitemap', () => {
  it('lists absolute page URLs under the base', () => {
    const xml = sitemapXml(['/', '/articles/a/'], 'https://example.org', '/docs/');
    const urls = new XMLParser().parse(xml).urlset.url.map((url: { loc: string }) => url.loc);
    expect(urls).toEqual(['https://example.org/docs/', 'https://example.org/docs/articles/a/']);
  });
});
