import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import { beforeEach, describe, expect, it } from 'vitest';
import rehypeMermaidFigures, {
  displayName,
  transformMermaidFigures,
} from '../../src/plugins/rehype-mermaid-figures.ts';
import type { DiagramRenderer } from '../../src/diagrams/renderer.ts';
import { forgetFigures, renderedFigures } from '../../src/diagrams/rendered-figures.ts';
import {
  BROKEN_LINE_3,
  CACHED_SVG,
  NO_ACC_AT_ALL,
  NO_ACC_DESCR,
  NO_ACC_TITLE,
  PIE_CHART,
  PRIMARY_TWO_REPLICAS,
  STYLED,
  fakeRenderer,
  mermaidBlock,
  tree,
} from './fixtures.ts';

const FILE = 'content/articles/cluster-vs-database.mdx';

// Every transform records its figures for the standalone files; each test starts from none.
beforeEach(() => forgetFigures());

async function transform(root: Root, renderer: DiagramRenderer = fakeRenderer()): Promise<string> {
  await transformMermaidFigures(root, {
    renderer,
    fileName: FILE,
    standaloneHref: (id) => `/base/diagrams/${id}.svg`,
  });
  return toHtml(root);
}

function figureOf(root: Root): Element {
  const figure = root.children[0];
  if (figure?.type !== 'element' || figure.tagName !== 'figure') throw new Error('no figure');
  return figure;
}

describe('rehype-mermaid-figures: a valid block', () => {
  it('becomes a figure with the given id and class', async () => {
    const root = tree(mermaidBlock(PRIMARY_TWO_REPLICAS, 10, 'id="fig-primary-two-replicas" caption="Two replicas."'));
    await transform(root);
    expect(figureOf(root).properties).toMatchObject({ id: 'fig-primary-two-replicas', className: ['cde-figure'] });
  });

  it('holds an inline svg with role img, labelled by its title and described by its desc', async () => {
    const html = await transform(tree(mermaidBlock(PRIMARY_TWO_REPLICAS, 10, 'id="fig-a" caption="Two replicas."')));
    expect(html).toContain(
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50" class="cde-diagram cde-diagram--flowchart" role="img" aria-labelledby="fig-a-title" aria-describedby="fig-a-desc">' +
        '<title id="fig-a-title">Primary with two replicas</title>' +
        '<desc id="fig-a-desc">Clients send writes to the primary, which streams WAL to replica 1 and replica 2.</desc>',
    );
  });

  it('has a visible caption with a self-link and a link to the standalone file', async () => {
    const html = await transform(tree(mermaidBlock(PRIMARY_TWO_REPLICAS, 10, 'id="fig-a" caption="Two replicas."')));
    expect(html).toContain(
      '<figcaption class="cde-figure__caption"><span class="cde-figure__text">Two replicas.</span>' +
        '<span class="cde-figure__links">' +
        '<a href="#fig-a" class="cde-figure__self"><span aria-hidden="true">#</span>' +
        '<span class="cde-figure__sr">Link to the figure “Primary with two replicas”</span></a>' +
        '<a href="/base/diagrams/fig-a.svg" class="cde-figure__file">SVG' +
        '<span class="cde-figure__sr"> file of the figure “Primary with two replicas”</span></a>' +
        '</span></figcaption>',
    );
  });

  it('reads the meta string from properties.metastring too', async () => {
    const root = tree(mermaidBlock(PRIMARY_TWO_REPLICAS, 10, 'id="fig-b" caption="B."', 'metastring'));
    await transform(root);
    expect(figureOf(root).properties['id']).toBe('fig-b');
  });

  it('derives the id from accTitle when none is given', async () => {
    const root = tree(mermaidBlock(PRIMARY_TWO_REPLICAS, 10));
    await transform(root);
    expect(figureOf(root).properties['id']).toBe('fig-primary-with-two-replicas');
  });

  it('uses accTitle as the caption when none is given', async () => {
    const html = await transform(tree(mermaidBlock(PRIMARY_TWO_REPLICAS, 10)));
    expect(html).toContain('<span class="cde-figure__text">Primary with two replicas</span>');
  });

  it('prefixes the ids inside the svg with the figure id, references included', async () => {
    const html = await transform(tree(mermaidBlock(PRIMARY_TWO_REPLICAS, 10, 'id="fig-a"')));
    expect(html).toContain('<marker id="fig-a-a">');
    expect(html).toContain('marker-end="url(#fig-a-a)"');
  });

  it('gives two figures with the same drawing different ids', async () => {
    const html = await transform(
      tree(
        mermaidBlock(PRIMARY_TWO_REPLICAS, 10, 'id="fig-one"'),
        mermaidBlock(PRIMARY_TWO_REPLICAS, 30, 'id="fig-two"'),
      ),
    );
    expect(html.match(/<marker id="[^"]+"/g)).toEqual(['<marker id="fig-one-a"', '<marker id="fig-two-a"']);
  });

  it('renders every diagram of a file in one renderer call', async () => {
    const renderer = fakeRenderer();
    await transform(
      tree(
        mermaidBlock(PRIMARY_TWO_REPLICAS, 10, 'id="fig-one"'),
        mermaidBlock(NO_ACC_DESCR.replace('  A', '  accDescr: x.\n  A'), 30),
      ),
      renderer,
    );
    expect(renderer.calls.map((call) => call.map((request) => request.origin))).toEqual([[`${FILE}:10`, `${FILE}:30`]]);
  });

  it('passes the source without the trailing newline of the HTML tree', async () => {
    const renderer = fakeRenderer();
    await transform(tree(mermaidBlock(PRIMARY_TWO_REPLICAS, 10)), renderer);
    expect(renderer.calls[0]?.[0]?.source).toBe(PRIMARY_TWO_REPLICAS);
  });

  it('leaves other code blocks alone and never calls the renderer without diagrams', async () => {
    const renderer = fakeRenderer();
    const root = tree(h('pre', [h('code', { className: ['language-sql'] }, 'select 1;')]));
    const html = await transform(root, renderer);
    expect(html).toBe('<pre><code class="language-sql">select 1;</code></pre>');
    expect(renderer.calls).toEqual([]);
  });
});

describe('rehype-mermaid-figures: errors', () => {
  it('refuses a diagram without accTitle', async () => {
    await expect(transform(tree(mermaidBlock(NO_ACC_TITLE, 12)))).rejects.toThrow(
      `${FILE}:12: Mermaid diagram has no accTitle. Add a line such as "accTitle: Primary with two replicas" below the diagram type; it is the figure's accessible name.`,
    );
  });

  it('refuses a diagram without accDescr', async () => {
    await expect(transform(tree(mermaidBlock(NO_ACC_DESCR, 12)))).rejects.toThrow(
      `${FILE}:12: Mermaid diagram has no accDescr. Add a line such as "accDescr: Clients send writes to the primary, which streams WAL to two replicas." below accTitle; screen readers read it instead of the drawing.`,
    );
  });

  it('reports every problem of the file at once, in order', async () => {
    const noTitle = (line: number) =>
      `${FILE}:${line}: Mermaid diagram has no accTitle. Add a line such as "accTitle: Primary with two replicas" below the diagram type; it is the figure's accessible name.`;
    const noDescr = (line: number) =>
      `${FILE}:${line}: Mermaid diagram has no accDescr. Add a line such as "accDescr: Clients send writes to the primary, which streams WAL to two replicas." below accTitle; screen readers read it instead of the drawing.`;
    await expect(transform(tree(mermaidBlock(NO_ACC_AT_ALL, 5), mermaidBlock(NO_ACC_DESCR, 20)))).rejects.toThrow(
      [noTitle(5), noDescr(5), noDescr(20)].join('\n'),
    );
  });

  it('refuses a diagram type the site does not style', async () => {
    await expect(transform(tree(mermaidBlock(PIE_CHART, 7)))).rejects.toThrow(
      `${FILE}:7: Mermaid diagram type "pie" is not supported. Start the diagram with flowchart, sequenceDiagram or stateDiagram-v2.`,
    );
  });

  it('refuses styling directives with the line in the file and in the diagram', async () => {
    await expect(transform(tree(mermaidBlock(STYLED, 7)))).rejects.toThrow(
      `${FILE}:12: style is not allowed in diagrams (diagram line 5). Remove it: colours and styles come from the site's diagram palette.`,
    );
  });

  it('refuses an id that does not start with fig-', async () => {
    await expect(transform(tree(mermaidBlock(PRIMARY_TWO_REPLICAS, 3, 'id="replicas"')))).rejects.toThrow(
      `${FILE}:3: figure id "replicas" is not valid. Use "fig-" and lower-case words joined by hyphens, for example id="fig-primary-two-replicas".`,
    );
  });

  it('refuses the same id twice in a file', async () => {
    await expect(
      transform(
        tree(mermaidBlock(PRIMARY_TWO_REPLICAS, 3, 'id="fig-a"'), mermaidBlock(PRIMARY_TWO_REPLICAS, 20, 'id="fig-a"')),
      ),
    ).rejects.toThrow(
      `${FILE}:20: figure id "fig-a" is already used by the diagram at line 3. Give each figure its own id="fig-…".`,
    );
  });

  it('reports invalid Mermaid with the file line, the block line, the diagram line and Mermaid’s message', async () => {
    const renderer = fakeRenderer({ [BROKEN_LINE_3]: { message: 'Parse error on line 4:\nExpecting LINK', line: 4 } });
    await expect(transform(tree(mermaidBlock(BROKEN_LINE_3, 40)), renderer)).rejects.toThrow(
      `${FILE}:44: invalid Mermaid in the diagram starting at line 40 (diagram line 4): Parse error on line 4:\nExpecting LINK`,
    );
  });

  it('reports invalid Mermaid without a line when Mermaid gives none', async () => {
    const renderer = fakeRenderer({ [BROKEN_LINE_3]: { message: 'No diagram type detected' } });
    await expect(transform(tree(mermaidBlock(BROKEN_LINE_3, 40)), renderer)).rejects.toThrow(
      `${FILE}:40: invalid Mermaid in the diagram starting at line 40: No diagram type detected`,
    );
  });
});

describe('rehype-mermaid-figures: the plugin', () => {
  it('names the file relative to the working directory in messages', async () => {
    const run = rehypeMermaidFigures({ renderer: fakeRenderer() });
    await expect(
      run(tree(mermaidBlock(NO_ACC_TITLE, 2)), { path: '/site/content/articles/a.mdx', cwd: '/site' } as never),
    ).rejects.toThrow(/^content\/articles\/a\.mdx:2: Mermaid diagram has no accTitle\./);
  });

  it('links to /diagrams/<id>.svg by default', async () => {
    const root = tree(mermaidBlock(PRIMARY_TWO_REPLICAS, 1, 'id="fig-a"'));
    await rehypeMermaidFigures({ renderer: fakeRenderer() })(root, { path: '/x/a.mdx', cwd: '/x' } as never);
    expect(toHtml(root)).toContain('href="/diagrams/fig-a.svg"');
  });

  it('keeps an absolute path for files outside the working directory', () => {
    expect(displayName({ path: '/elsewhere/a.mdx', cwd: '/site' })).toBe('/elsewhere/a.mdx');
  });
});

describe('rehype-mermaid-figures: the record of rendered figures', () => {
  it('records each figure with its place and rendered SVG, for its standalone file', async () => {
    await transform(tree(mermaidBlock(PRIMARY_TWO_REPLICAS, 10, 'id="fig-a" caption="Two replicas."')));
    expect(renderedFigures()).toEqual([
      {
        id: 'fig-a',
        file: FILE,
        line: 10,
        title: 'Primary with two replicas',
        description: 'Clients send writes to the primary, which streams WAL to replica 1 and replica 2.',
        svg: CACHED_SVG,
      },
    ]);
  });

  it('refuses a figure id that another article already uses, naming both places', async () => {
    await transform(tree(mermaidBlock(PRIMARY_TWO_REPLICAS, 10, 'id="fig-a" caption="Two replicas."')));
    await expect(
      transformMermaidFigures(tree(mermaidBlock(PRIMARY_TWO_REPLICAS, 4, 'id="fig-a" caption="Again."')), {
        renderer: fakeRenderer(),
        fileName: 'content/articles/other.mdx',
        standaloneHref: (id) => `/diagrams/${id}.svg`,
      }),
    ).rejects.toThrow(
      'content/articles/other.mdx:4: figure id "fig-a" is already used by content/articles/cluster-vs-database.mdx:10. Give each figure its own id="fig-…": ids are unique on the site.',
    );
  });
});
