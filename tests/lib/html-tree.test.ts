import { describe, expect, it } from 'vitest';
import { parseBuiltHtml } from '../../src/postbuild/html-tree.ts';

describe('parseBuiltHtml', () => {
  it('parses a page into a hast tree', () => {
    const tree = parseBuiltHtml('<!doctype html><title>T</title><h2 id="a">A</h2>');
    expect(tree.type).toBe('root');
    expect(JSON.stringify(tree)).toContain('"id":"a"');
  });

  it('gives every reader of the same text the same tree, parsed once', () => {
    const html = '<!doctype html><title>Shared</title><p>once</p>';
    // Built from parts, so the second string is a different object with the same text.
    expect(parseBuiltHtml(html)).toBe(parseBuiltHtml(['<!doctype html><title>Shared</title>', '<p>once</p>'].join('')));
  });

  it('parses changed text afresh', () => {
    const before = parseBuiltHtml('<!doctype html><title>Page</title>');
    const after = parseBuiltHtml('<!doctype html><meta charset="utf-8"><title>Page</title>');
    expect(after).not.toBe(before);
    expect(JSON.stringify(after)).toContain('"charSet":"utf-8"');
  });
});
