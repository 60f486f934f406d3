import { describe, expect, it } from 'vitest';
import { findBrokenLinks, lineOf, readPageLinks } from '../../src/postbuild/link-check.ts';

const page = (path: string, body: string) =>
  readPageLinks(path, `<!doctype html><html><head></head><body>${body}</body></html>`);

describe('link check', () => {
  const target = page('/articles/a/', '<h2 id="lag">Lag</h2><a name="old-name"></a>');
  const files = new Set(['/_astro/site.css']);

  it('reads anchors and internal links, not external ones', () => {
    const links = page(
      '/x/',
      '<a href="/articles/a/">a</a><a href="https://example.org/">e</a><img src="/i.png" alt="">',
    );
    expect(links.links).toEqual(['/articles/a/', '/i.png']);
    expect(target.anchors).toEqual(new Set(['lag', 'old-name']));
  });

  it('accepts links to existing pages, anchors and files', () => {
    const from = page(
      '/b/',
      '<a href="/articles/a/#lag">x</a><a href="../articles/a/">y</a><link rel="stylesheet" href="/_astro/site.css">',
    );
    expect(findBrokenLinks([target, from], files)).toEqual([]);
  });

  it('reports a link to a missing page', () => {
    const from = page('/b/', '<a href="/articles/missing/">x</a>');
    expect(findBrokenLinks([target, from], files)).toEqual([
      { page: '/b/', href: '/articles/missing/', reason: 'missing page' },
    ]);
  });

  it('reports a link to a missing anchor', () => {
    const from = page('/b/', '<a href="/articles/a/#gone">x</a>');
    expect(findBrokenLinks([target, from], files)).toEqual([
      { page: '/b/', href: '/articles/a/#gone', reason: 'missing anchor' },
    ]);
  });

  it('checks every candidate of a srcset, not only src', () => {
    const from = page('/b/', '<img src="/_astro/site.css" srcset="/a.png 1x, /b.png 2x" alt="">');
    expect(from.links).toEqual(['/_astro/site.css', '/a.png', '/b.png']);
    expect(findBrokenLinks([from], files).map((link) => link.href)).toEqual(['/a.png', '/b.png']);
  });

  it('leaves canonical and alternate links alone: they name the public origin', () => {
    const from = page('/b/', '<link rel="canonical" href="/nowhere/"><link rel="alternate" href="/feed.xml">');
    expect(from.links).toEqual([]);
  });

  it('checks in-page anchors against the page itself', () => {
    const self = page('/c/', '<h2 id="here">Here</h2><a href="#here">ok</a><a href="#nowhere">bad</a>');
    expect(findBrokenLinks([self], files)).toEqual([{ page: '/c/', href: '#nowhere', reason: 'missing anchor' }]);
  });

  it('finds the line of a link in its source', () => {
    expect(lineOf('one\ntwo [x](/articles/y/)\nthree', '(/articles/y/')).toBe(2);
    expect(lineOf('nothing here', '(/articles/y/')).toBeUndefined();
  });
});
