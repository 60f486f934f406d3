import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { isAnchorId } from '../../src/plugins/anchor-id.ts';
import { addHeadingLinks } from '../../src/plugins/rehype-heading-links.ts';
import { transform } from '../support/hast.ts';

const run = (html: string) => transform(html, (tree) => addHeadingLinks(tree));

describe('rehype-heading-links', () => {
  it('makes only ids that anchorAliases accepts, whatever the heading says (the two rules agree)', () => {
    const headings = [
      'Über uns',
      'Größe & Gewicht',
      '日本語の見出し',
      'Что такое кластер?',
      '“Quoted” – with a dash',
      'loop_wait and ttl',
      '2PC vs. 3PC',
      '– leading dash',
      '🚀 Launch',
      'Ελληνικά: Α/Β',
    ];
    const html = run(headings.map((text) => `<h2>${text}</h2>`).join(''));
    const ids = [...html.matchAll(/<h2 id="([^"]*)"/g)].map((match) => match[1] ?? '');
    expect(ids).toHaveLength(headings.length);
    expect(ids.filter((id) => !isAnchorId(id))).toEqual([]);
    expect(ids).toContain('über-uns');
  });

  it('fails on a heading whose text gives no id, naming the file and line', () => {
    const tree = fromHtml('<h2>🚀 ✨</h2>', { fragment: true });
    const [heading] = tree.children as Element[];
    if (heading) heading.position = { start: { line: 42, column: 1 }, end: { line: 42, column: 8 } };
    expect(() => addHeadingLinks(tree, 'Link to section', 'content/articles/x.mdx')).toThrow(
      'content/articles/x.mdx:42: the heading "🚀 ✨" gets no id: its text has no letters or digits, so it could not ' +
        'be linked or listed. Fix: add a word to the heading.',
    );
  });

  it('gives an h2 a slug id and a self-link beside it, not inside it', () => {
    expect(run('<h2>How they differ</h2>')).toBe(
      '<div class="cde-heading cde-heading--h2"><h2 id="how-they-differ">How they differ</h2>' +
        '<a class="cde-heading-link" href="#how-they-differ"><span class="cde-sr-only">Link to section: How they differ</span>' +
        '<span aria-hidden="true">#</span></a></div>',
    );
  });

  it('links h3 headings too', () => {
    expect(run('<h3>Read replicas</h3>')).toContain('href="#read-replicas"');
  });

  it('gives h4 an id but no link, since the table of contents stops at h3', () => {
    expect(run('<h4>Detail</h4>')).toBe('<h4 id="detail">Detail</h4>');
  });

  it('keeps an id the author set', () => {
    expect(run('<h2 id="custom">Renamed heading</h2>')).toContain('<h2 id="custom">');
  });

  it('numbers repeated headings the way GitHub and Astro do', () => {
    const html = run('<h2>Example</h2><h2>Example</h2>');
    expect(html).toContain('id="example"');
    expect(html).toContain('id="example-1"');
  });

  it('does not reuse an author-given id for a later heading', () => {
    const html = run('<h2 id="example">First</h2><h2>Example</h2>');
    expect(html).toContain('id="example-1"');
  });

  it('finds headings nested in other elements', () => {
    expect(run('<section><h2>Inside</h2></section>')).toContain('<section><div class="cde-heading cde-heading--h2">');
  });
});
