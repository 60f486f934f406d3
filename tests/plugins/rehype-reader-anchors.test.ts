import { describe, expect, it } from 'vitest';
import { addAnchorAliases } from '../../src/plugins/rehype-anchor-aliases.ts';
import { addFigureLinks } from '../../src/plugins/rehype-figure-links.ts';
import { transform } from '../support/hast.ts';

describe('rehype-anchor-aliases', () => {
  const run = (html: string, aliases: Record<string, string>) =>
    transform(html, (tree) => addAnchorAliases(tree, aliases, 'content/articles/x.mdx'));

  it('puts an empty element with the old id first inside the renamed heading', () => {
    expect(
      run('<h2 id="synchronous-commit">Synchronous commit</h2>', { 'synchronous-replication': 'synchronous-commit' }),
    ).toBe(
      '<h2 id="synchronous-commit"><span id="synchronous-replication" data-anchor-alias="synchronous-commit"></span>Synchronous commit</h2>',
    );
  });

  it('works for figures, and leaves a page without aliases alone', () => {
    expect(run('<figure id="fig-new"></figure>', { 'fig-old': 'fig-new' })).toContain('<span id="fig-old"');
    expect(run('<h2 id="a">A</h2>', {})).toBe('<h2 id="a">A</h2>');
  });

  it('refuses an alias to an id the page does not have, naming the file', () => {
    expect(() => run('<h2 id="a">A</h2>', { old: 'missing' })).toThrow(
      'content/articles/x.mdx: anchorAliases maps "old" to "missing", but the page has no heading or figure with id "missing". Use the new id exactly as it appears in the page (#missing).',
    );
  });

  it('refuses an alias whose old id still exists', () => {
    expect(() => run('<h2 id="a">A</h2><h2 id="b">B</h2>', { a: 'b' })).toThrow(/"a" is still an id on the page/);
  });
});

describe('rehype-figure-links', () => {
  const run = (html: string) => transform(html, (tree) => addFigureLinks(tree));

  it('adds an accessible self-link to the caption of a figure with an id', () => {
    expect(run('<figure id="fig-a"><svg></svg><figcaption>Two replicas.</figcaption></figure>')).toBe(
      '<figure id="fig-a"><svg></svg><figcaption>Two replicas. <a class="cde-heading-link" href="#fig-a">' +
        '<span class="cde-sr-only">Link to figure: Two replicas.</span><span aria-hidden="true">#</span></a></figcaption></figure>',
    );
  });

  it('leaves figures without an id, or already linked to themselves, alone', () => {
    expect(run('<figure><figcaption>C</figcaption></figure>')).toBe('<figure><figcaption>C</figcaption></figure>');
    const linked = '<figure id="fig-a"><figcaption>C <a href="#fig-a">#</a></figcaption></figure>';
    expect(run(linked)).toBe(linked);
  });
});
