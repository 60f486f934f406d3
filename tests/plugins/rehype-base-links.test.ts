import { describe, expect, it } from 'vitest';
import { prefixBase } from '../../src/plugins/rehype-base-links.ts';
import { transform } from '../support/hast.ts';

describe('rehype-base-links', () => {
  it('prefixes root-relative links and sources with the base path', () => {
    const html = transform('<a href="/articles/replication/#lag">l</a><img src="/img/x.png" alt="x">', (tree) =>
      prefixBase(tree, '/docs/'),
    );
    expect(html).toBe('<a href="/docs/articles/replication/#lag">l</a><img src="/docs/img/x.png" alt="x">');
  });

  it('changes nothing under the root base', () => {
    const html = '<a href="/articles/">a</a>';
    expect(transform(html, (tree) => prefixBase(tree, '/'))).toBe(html);
  });

  it('leaves external, protocol-relative, relative and in-page links alone', () => {
    const html = '<a href="https://a.org/">a</a><a href="//cdn.example/">b</a><a href="../x/">c</a><a href="#y">d</a>';
    expect(transform(html, (tree) => prefixBase(tree, '/docs/'))).toBe(html);
  });

  it('does not prefix a link twice', () => {
    expect(transform('<a href="/docs/articles/">a</a>', (tree) => prefixBase(tree, '/docs/'))).toBe(
      '<a href="/docs/articles/">a</a>',
    );
  });
});
