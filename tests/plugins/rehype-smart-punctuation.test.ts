import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { smartenPunctuation } from '../../src/plugins/rehype-smart-punctuation.ts';
import { transform } from '../support/hast.ts';

const run = (html: string) => transform(html, (tree) => smartenPunctuation(tree));

describe('rehype-smart-punctuation', () => {
  it('curls double quotes around a word', () => {
    expect(run('<p>He said "yes" twice.</p>')).toBe('<p>He said “yes” twice.</p>');
  });

  it('curls single quotes around a word', () => {
    expect(run("<p>a 'simple' case</p>")).toBe('<p>a ‘simple’ case</p>');
  });

  it('turns an apostrophe inside a word into a closing single quote', () => {
    expect(run("<p>the node's own socket</p>")).toBe('<p>the node’s own socket</p>');
  });

  it('closes a quote that follows the end of a sentence', () => {
    expect(run('<p>"Done." Then</p>')).toBe('<p>“Done.” Then</p>');
  });

  it('opens a quote after an opening bracket and closes it before a closing one', () => {
    expect(run('<p>("quoted")</p>')).toBe('<p>(“quoted”)</p>');
  });

  it('opens both quotes of a quote that starts a quote', () => {
    expect(run(`<p>He said, "'Quoted' words in a larger quote."</p>`)).toBe(
      '<p>He said, “‘Quoted’ words in a larger quote.”</p>',
    );
  });

  it('closes the apostrophe of a decade', () => {
    expect(run("<p>in the '80s</p>")).toBe('<p>in the ’80s</p>');
  });

  it('reads quotes across inline elements as one run of prose', () => {
    expect(run('<p>"<em>Quorum</em>" means</p>')).toBe('<p>“<em>Quorum</em>” means</p>');
  });

  it('starts each block afresh', () => {
    expect(run('<p>one word</p><p>"Next" one</p>')).toBe('<p>one word</p><p>“Next” one</p>');
  });

  it('leaves code as written but reads it as context', () => {
    expect(run(`<p><code>etcd</code>'s flag <code>"on"</code> and <code>a--b</code></p>`)).toBe(
      `<p><code>etcd</code>’s flag <code>"on"</code> and <code>a--b</code></p>`,
    );
  });

  it('leaves preformatted text, scripts and styles alone', () => {
    const html = `<pre>"a" -- 'b'...</pre><script>let a = "x";</script><style>q::before { content: "'"; }</style>`;
    expect(run(html)).toBe(html);
  });

  it('makes a double hyphen an em dash, but leaves longer runs', () => {
    expect(run('<p>wait -- what --- now</p>')).toBe('<p>wait — what --- now</p>');
  });

  it("makes ``backtick'' quotes double quotes", () => {
    expect(run("<p>``quoted''</p>")).toBe('<p>“quoted”</p>');
  });

  it('makes three dots an ellipsis', () => {
    expect(run('<p>and so on...</p>')).toBe('<p>and so on…</p>');
  });

  it("reads MDX's inline JSX as part of the sentence, and its block JSX as a block", () => {
    const text = (value: string) => ({ type: 'text', value });
    const tree = {
      type: 'root',
      children: [
        {
          type: 'element',
          tagName: 'p',
          properties: {},
          children: [
            text('a "'),
            { type: 'mdxJsxTextElement', name: 'Term', attributes: [], children: [text('quorum')] },
            text('" of two'),
          ],
        },
        { type: 'mdxJsxFlowElement', name: 'Aside', attributes: [], children: [text("'Note' this")] },
      ],
    } as unknown as Root;
    smartenPunctuation(tree);
    expect(JSON.stringify(tree)).toContain('"value":"a “"');
    expect(JSON.stringify(tree)).toContain('"value":"” of two"');
    expect(JSON.stringify(tree)).toContain('"value":"‘Note’ this"');
  });
});
