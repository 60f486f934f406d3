import { describe, expect, it } from 'vitest';
import { markExternalLinks } from '../../src/plugins/rehype-external-links.ts';
import { transform } from '../support/hast.ts';

const run = (html: string) => transform(html, (tree) => markExternalLinks(tree));

describe('rehype-external-links', () => {
  it('marks an https link as external, for eyes and for screen readers', () => {
    expect(run('<a href="https://www.postgresql.org/docs/">docs</a>')).toBe(
      '<a href="https://www.postgresql.org/docs/" class="cde-external" rel="external">docs<span class="cde-sr-only"> (external link)</span></a>',
    );
  });

  it('leaves root-relative and in-page links alone', () => {
    const html = '<a href="/articles/replication/">r</a><a href="#x">x</a>';
    expect(run(html)).toBe(html);
  });

  it('keeps existing classes', () => {
    expect(run('<a class="x" href="http://example.org/">e</a>')).toContain('class="x cde-external"');
  });
});
