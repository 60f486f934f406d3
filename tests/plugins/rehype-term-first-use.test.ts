import { resolve } from 'node:path';
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import {
  glossaryFileFor,
  proseRuns,
  readGlossaryNames,
  rehypeTermFirstUse,
} from '../../src/plugins/rehype-term-first-use.ts';

const FILE = 'content/articles/demo.mdx';
const GLOSSARY = [{ id: 'quorum', term: 'Quorum', aliases: [] }];

const text = (value: string, line: number) => ({ type: 'text', value, position: { start: { line, column: 1 } } });
const element = (tagName: string, line: number, ...children: unknown[]) => ({
  type: 'element',
  tagName,
  properties: {},
  children,
  position: { start: { line, column: 1 } },
});
const term = (id: string, value: string, line: number) => ({
  type: 'mdxJsxTextElement',
  name: 'Term',
  attributes: [{ type: 'mdxJsxAttribute', name: 'id', value: id }],
  children: [text(value, line)],
  position: { start: { line, column: 1 } },
});
const root = (...children: unknown[]) => ({ type: 'root', children }) as Root;

describe('proseRuns', () => {
  it('reads paragraphs and <Term> texts in order, with their lines', () => {
    const tree = root(element('p', 3, text('A ', 3), term('quorum', 'quorum', 3), text(' decides.', 3)));
    expect(proseRuns(tree)).toEqual([
      { text: 'A ', line: 3 },
      { text: 'quorum', term: 'quorum', line: 3 },
      { text: ' decides.', line: 3 },
    ]);
  });

  it('skips headings, code, figures, links and MDX expressions', () => {
    const tree = root(
      element('h2', 1, text('Quorum', 1)),
      element('p', 2, element('code', 2, text('quorum', 2)), element('a', 2, text('quorum', 2))),
      element('figure', 3, text('quorum', 3)),
      { type: 'mdxFlowExpression', value: '/* quorum */' },
    );
    expect(proseRuns(tree)).toEqual([]);
  });

  it('reads inside JSX blocks such as <Aside>', () => {
    const aside = {
      type: 'mdxJsxFlowElement',
      name: 'Aside',
      attributes: [],
      children: [element('p', 7, text('x', 7))],
    };
    expect(proseRuns(root(aside))).toEqual([{ text: 'x', line: 7 }]);
  });
});

describe('rehypeTermFirstUse', () => {
  it('fails the build naming the file, the early use and the link', () => {
    const tree = root(
      element('p', 4, text('The quorum decides.', 4)),
      element('p', 6, text('A ', 6), term('quorum', 'quorum', 6), text('.', 6)),
    );
    const file = new VFile({ path: `${process.cwd()}/${FILE}`, cwd: process.cwd() });
    expect(() => rehypeTermFirstUse({ glossary: GLOSSARY })(tree, file)).toThrow(
      `${FILE}:4: "quorum" is used here before the page links it to the glossary (<Term id="quorum"> at line 6). ` +
        'Link the first use instead: move the <Term id="quorum"> here, or reword this one.',
    );
  });

  it('passes a page that links the first use', () => {
    const tree = root(element('p', 4, term('quorum', 'quorum', 4), text(' decides; the quorum is a majority.', 4)));
    const file = new VFile({ path: `${process.cwd()}/${FILE}`, cwd: process.cwd() });
    expect(() => rehypeTermFirstUse({ glossary: GLOSSARY })(tree, file)).not.toThrow();
  });

  it('reads the real glossary, commonWord flags included', () => {
    const names = readGlossaryNames();
    expect(names.find((entry) => entry.id === 'quorum')).toMatchObject({ term: 'Quorum', aliases: [] });
    expect(names.find((entry) => entry.id === 'term')?.commonWord).toBe(true);
  });
});

describe('glossaryFileFor', () => {
  it('finds the glossary of the site a page belongs to', () => {
    expect(glossaryFileFor('content/articles/replication.mdx')).toBe(resolve('content/glossary.yaml'));
    expect(glossaryFileFor('content/pages/home-answer.mdx')).toBe(resolve('content/glossary.yaml'));
    expect(glossaryFileFor('tests/fixtures/sites/term-before-link/content/articles/terms.mdx')).toBe(
      resolve('tests/fixtures/sites/term-before-link/content/glossary.yaml'),
    );
  });

  it('falls back to the working folder’s glossary for a page without a path', () => {
    expect(glossaryFileFor(undefined)).toBe('content/glossary.yaml');
  });
});
