import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authoredFile } from '../../src/plugins/mdx-source.ts';
import {
  citationsIn,
  linkProblem,
  remarkCitedSources,
  unlistedCitations,
} from '../../src/plugins/remark-cited-sources.ts';
import { addComponentLines } from '../../src/plugins/remark-component-lines.ts';
import { localImagesIn, remarkLocalImages } from '../../src/plugins/remark-local-images.ts';

const LISTED = 'https://www.postgresql.org/docs/current/warm-standby.html';

function parse(mdx: string): Root {
  return unified().use(remarkParse).use(remarkMdx).parse(mdx) as Root;
}

/** Runs a remark plugin as the build does: on a file with a path and Astro's frontmatter. */
async function runPlugin(
  plugin: () => (tree: Root, file: VFile) => void,
  mdx: string,
  path: string,
  sources: string[],
) {
  const file = new VFile({
    path,
    value: mdx,
    data: { astro: { frontmatter: { sources: sources.map((url) => ({ url })) } } },
  });
  const tree = parse(mdx);
  await unified().use(plugin).run(tree, file);
  return tree;
}

describe('remark-cited-sources', () => {
  const ARTICLE = [
    'Intro with an [inline link](https://example.org/inline).', // 1
    '', // 2
    'A [reference link][pg] and a [listed one][ok].', // 3
    '', // 4
    '<a href="https://example.org/jsx">a JSX link</a> in a paragraph.', // 5
    '', // 6
    `A section of a listed page: [warm standby](${LISTED}#WARM-STANDBY-PLANNING).`, // 7
    '', // 8
    '[pg]: https://example.org/reference', // 9
    `[ok]: ${LISTED}`, // 10
  ].join('\n');

  it('finds a citation in every link syntax, with the line where it is cited', () => {
    expect(citationsIn(parse(ARTICLE))).toEqual([
      { url: 'https://example.org/inline', line: 1 },
      { url: 'https://example.org/reference', line: 3 },
      { url: LISTED, line: 3 },
      { url: 'https://example.org/jsx', line: 5 },
      { url: `${LISTED}#WARM-STANDBY-PLANNING`, line: 7 },
    ]);
  });

  it('counts a section of a listed page as that page', () => {
    expect(unlistedCitations(citationsIn(parse(ARTICLE)), [LISTED]).map((c) => c.url)).toEqual([
      'https://example.org/inline',
      'https://example.org/reference',
      'https://example.org/jsx',
    ]);
  });

  it('fails with the file, each line and the fix', async () => {
    await expect(runPlugin(remarkCitedSources, ARTICLE, '/site/content/articles/x.mdx', [LISTED])).rejects.toThrow(
      [
        'content/articles/x.mdx:1: https://example.org/inline is cited but not listed in sources. Fix: add it to the ' +
          "frontmatter's sources (title and url), or cite the exact URL of a listed source.",
        'content/articles/x.mdx:3: https://example.org/reference is cited but not listed in sources. Fix: add it to ' +
          "the frontmatter's sources (title and url), or cite the exact URL of a listed source.",
        'content/articles/x.mdx:5: https://example.org/jsx is cited but not listed in sources. Fix: add it to the ' +
          "frontmatter's sources (title and url), or cite the exact URL of a listed source.",
      ].join('\n'),
    );
  });

  it('sees a JSX href written as a string literal in braces', () => {
    expect(
      citationsIn(parse(`<a href={"https://example.org/a"}>a</a> and <a href={'https://example.org/b'}>b</a>`)),
    ).toEqual([
      { url: 'https://example.org/a', line: 1 },
      { url: 'https://example.org/b', line: 1 },
    ]);
  });

  it('refuses a link to another site without its scheme, and schemes other than https:, http: and mailto:', () => {
    for (const url of [
      'https://example.org/',
      'HTTP://example.org/',
      'mailto:editor@example.org',
      '/articles/x/',
      '#part',
      './x/',
      '../x/',
    ]) {
      expect(linkProblem(url)).toBeUndefined();
    }
    for (const url of [
      '//example.org/x',
      '/\\example.org/x',
      '\\\\example.org/x',
      'javascript:alert(1)',
      'JavaScript:x',
      'data:text/html,x',
      'file:///etc/passwd',
    ]) {
      expect(linkProblem(url), url).toMatch(/\. Fix: /);
    }
  });

  it('fails on every such link, in line order with the unlisted citations, with the fix', async () => {
    const article = [
      'An [uncited page](https://example.org/inline).', // 1
      '', // 2
      'A [protocol-relative link](//example.org/x) and <a href="javascript:alert(1)">a script</a>.', // 3
    ].join('\n');
    await expect(runPlugin(remarkCitedSources, article, '/site/content/articles/x.mdx', [])).rejects.toThrow(
      [
        'content/articles/x.mdx:1: https://example.org/inline is cited but not listed in sources. Fix: add it to the ' +
          "frontmatter's sources (title and url), or cite the exact URL of a listed source.",
        'content/articles/x.mdx:3: //example.org/x links to another site without its scheme, so opened from the disk ' +
          '(the portable build) it points at file://, and the sources check cannot see it. Fix: write the full ' +
          "https:// address and list it in the frontmatter's sources.",
        'content/articles/x.mdx:3: javascript:alert(1) is a javascript: link, which readers cannot follow safely (an ' +
          'article links with https:, http:, mailto: or a path on this site). Fix: link to the page you mean, or ' +
          'write the text without a link.',
      ].join('\n'),
    );
  });

  it('passes an article whose citations are all listed, and ignores files without sources', async () => {
    const listed = ['https://example.org/inline', 'https://example.org/reference', 'https://example.org/jsx', LISTED];
    await expect(runPlugin(remarkCitedSources, ARTICLE, '/site/content/articles/x.mdx', listed)).resolves.toBeDefined();
    const page = new VFile({ path: '/site/content/page.mdx', value: ARTICLE });
    await expect(unified().use(remarkCitedSources).run(parse(ARTICLE), page)).resolves.toBeDefined();
  });
});

describe('remark-local-images', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cde-images-'));
    await writeFile(join(folder, 'present.png'), '');
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const ARTICLE = [
    '![present](./present.png)', // 1
    '', // 2
    '![missing](./missing.png)', // 3
    '', // 4
    '<img src="/nowhere.png" alt="root-relative, from public/" />', // 5
    '', // 6
    '![remote](https://example.org/x.png) ![referenced][fig]', // 7
    '', // 8
    '[fig]: ../figures/gone.svg', // 9
  ].join('\n');

  it('finds every image the page loads from this site, with its line', () => {
    expect(localImagesIn(parse(ARTICLE))).toEqual([
      { src: './present.png', line: 1 },
      { src: './missing.png', line: 3 },
      { src: '/nowhere.png', line: 5 },
      { src: '../figures/gone.svg', line: 7 },
    ]);
  });

  it("fails on each missing image with the article's line, not the compiled output's", async () => {
    const plugin = () => remarkLocalImages({ publicDir: join(folder, 'public') });
    await expect(runPlugin(plugin, ARTICLE, join(folder, 'content/x.mdx'), [])).rejects.toThrow(
      [
        'content/x.mdx:3: image "./missing.png" does not exist. Fix: add the file (relative to the article\'s folder), or correct the path.',
        'content/x.mdx:5: image "/nowhere.png" does not exist. Fix: add the file (under public/), or correct the path.',
        'content/x.mdx:7: image "../figures/gone.svg" does not exist. Fix: add the file (relative to the article\'s folder), or correct the path.',
      ].join('\n'),
    );
  });
});

describe('remark-component-lines', () => {
  it('tells Term, ConfigFile and FailoverSimulator the line of their tag, and nothing else', () => {
    const tree = parse(
      ['A <Term id="quorum">quorum</Term>.', '', '<ConfigFile path="lab/x.yml" />', '', '<Aside>note</Aside>'].join(
        '\n',
      ),
    );
    addComponentLines(tree, 'content/articles/x.mdx');
    const attributes = (tree.children as { children?: unknown[] }[]).flatMap((node) =>
      [node, ...(node.children ?? [])].flatMap((child) => {
        const element = child as { name?: string; attributes?: { name: string; value: string }[] };
        return element.name ? [[element.name, element.attributes?.find((a) => a.name === 'authoredAt')?.value]] : [];
      }),
    );
    expect(attributes).toEqual([
      ['Term', 'content/articles/x.mdx:1'],
      ['ConfigFile', 'content/articles/x.mdx:3'],
      ['Aside', undefined],
    ]);
  });
});

describe('authoredFile', () => {
  it('names the file from its content/ folder, as authors know it', () => {
    expect(authoredFile({ path: '/work/tests/fixtures/sites/a/content/articles/x.mdx', cwd: '/work' })).toBe(
      'content/articles/x.mdx',
    );
    expect(authoredFile({ path: '/work/src/pages/x.mdx', cwd: '/work' })).toBe('src/pages/x.mdx');
    expect(authoredFile({ path: '/elsewhere/a.mdx', cwd: '/work' })).toBe('/elsewhere/a.mdx');
  });
});
