import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { setMermaidData } from '../../src/diagrams/figure.ts';
import { checkFigurePositions, rehypeFigurePositionCheck } from '../../src/plugins/rehype-figure-position-check.ts';
import { SIDE_BY_SIDE_SVG } from '../diagrams/figure-positions.fixtures.ts';
import { fragment } from '../support/hast.ts';

const FILE = 'content/articles/demo.mdx';
const SOURCE = 'flowchart TB\n  accTitle: Copies and parts\n  accDescr: DESCRIPTION\n  A --> B';

/**
 * An article as rehype-mermaid-figures leaves it: each line of `lines` is one line of the file;
 * `{figure}` marks where the figure (fence on that line) sits, with `description` as its accDescr.
 */
function article(
  lines: string[],
  description = 'Copies and parts.',
  caption = 'Copies and parts.',
  svg = SIDE_BY_SIDE_SVG,
): Root {
  const fenceLine = lines.indexOf('{figure}') + 1;
  const html = lines
    .map((line) =>
      line === '{figure}'
        ? `<figure id="fig-demo" class="cde-figure"><div class="cde-figure__canvas">${svg
            .replace('<svg ', `<svg aria-describedby="x" `)
            .replace(
              '>',
              `><desc>${description}</desc>`,
            )}</div><figcaption><span class="cde-figure__text">${caption}</span></figcaption></figure>`
        : line,
    )
    .join('\n');
  const tree = fragment(html);
  const figure = tree.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'figure',
  );
  if (figure) setMermaidData(figure, { source: SOURCE, fenceLine });
  return tree;
}

describe('checkFigurePositions', () => {
  it('checks a paragraph that links to the figure, naming its line', () => {
    const tree = article([
      '<h2>Two kinds</h2>',
      '{figure}',
      '<p>Intro.',
      'In <a href="#fig-demo">the figure</a>, Parts is on the left.</p>',
    ]);
    expect(checkFigurePositions(tree, FILE)).toEqual([
      `${FILE}:4: "on the left" says "Parts" is on the left of figure #fig-demo, but it is drawn on the right. ` +
        'Describe it where it is drawn, name it without a position, or change the diagram.',
    ]);
  });

  it('checks a paragraph that says "the figure" against the figure before it in its section', () => {
    const tree = article(['<h2>Two kinds</h2>', '{figure}', '<p>In the figure, Copies is on the right.</p>']);
    expect(checkFigurePositions(tree, FILE)).toHaveLength(1);
  });

  it('checks a paragraph that says "the figure" against the next figure when none comes before', () => {
    const tree = article(['<h2>Two kinds</h2>', '<p>The figure below puts Copies on the right.</p>', '{figure}']);
    expect(checkFigurePositions(tree, FILE)).toEqual([
      `${FILE}:2: "on the right" says "Copies" is on the right of figure #fig-demo, but it is drawn on the left. ` +
        'Describe it where it is drawn, name it without a position, or change the diagram.',
    ]);
  });

  it('leaves prose in another section alone', () => {
    const tree = article([
      '{figure}',
      '<h2>Elsewhere</h2>',
      '<p>In the figure of that book, Copies is on the right.</p>',
    ]);
    expect(checkFigurePositions(tree, FILE)).toEqual([]);
  });

  it('leaves prose that does not speak of a figure alone', () => {
    const tree = article(['{figure}', '<p>YSQL runs on top of DocDB, and Copies sits on the right of the rack.</p>']);
    expect(checkFigurePositions(tree, FILE)).toEqual([]);
  });

  it('checks list items', () => {
    const tree = article(['{figure}', '<ul><li>In the figure, Parts is on the left.</li></ul>']);
    expect(checkFigurePositions(tree, FILE)).toHaveLength(1);
  });

  it('checks the figure’s text alternative, at the accDescr line', () => {
    const tree = article(['<h2>Two kinds</h2>', '{figure}'], 'On the left, Parts.');
    expect(checkFigurePositions(tree, FILE)).toEqual([
      `${FILE}:5: "On the left" says "Parts" is on the left of figure #fig-demo, but it is drawn on the right. ` +
        'Describe it where it is drawn, name it without a position, or change the diagram.',
    ]);
  });

  it('checks the caption, at the fence line', () => {
    const tree = article(['{figure}'], 'Copies and parts.', 'Read it right to left.');
    expect(checkFigurePositions(tree, FILE)).toEqual([
      `${FILE}:1: "right to left" describes figure #fig-demo, but it is drawn top to bottom. ` +
        'Write "top to bottom", or change the direction the diagram is declared with.',
    ]);
  });

  it('passes prose that matches the drawing', () => {
    const tree = article(
      ['{figure}', '<p>On the left of the figure, Copies; on the right, Parts.</p>'],
      'On the left, Copies; on the right, Parts.',
    );
    expect(checkFigurePositions(tree, FILE)).toEqual([]);
  });
});

describe('checkFigurePositions: numbered parts', () => {
  it('reports numbered parts drawn out of order at the figure’s fence line', () => {
    const reversed = SIDE_BY_SIDE_SVG.replace('<tspan>Copies</tspan>', '<tspan>Shard 2</tspan>').replace(
      '<tspan>Parts</tspan>',
      '<tspan>Shard 1</tspan>',
    );
    const tree = article(['<h2>Shards</h2>', '{figure}'], 'Two shards.', 'Two shards.', reversed);
    expect(checkFigurePositions(tree, FILE)).toEqual([
      `${FILE}:2: figure #fig-demo draws "Shard 2", "Shard 1" left to right, out of their order. Declare them in the ` +
        'diagram in the order that draws them in sequence (the layout engine may reverse siblings), or number them as drawn.',
    ]);
  });
});

describe('rehypeFigurePositionCheck', () => {
  it('fails with every problem of the file', () => {
    const tree = article(['{figure}', '<p>In the figure, Parts is on the left.</p>'], 'On the right, Copies.');
    const file = new VFile({ path: `${process.cwd()}/${FILE}`, cwd: process.cwd() });
    expect(() => rehypeFigurePositionCheck()(tree, file)).toThrow(
      `${FILE}:4: "On the right" says "Copies" is on the right of figure #fig-demo, but it is drawn on the left. ` +
        'Describe it where it is drawn, name it without a position, or change the diagram.\n' +
        `${FILE}:2: "on the left" says "Parts" is on the left of figure #fig-demo, but it is drawn on the right. ` +
        'Describe it where it is drawn, name it without a position, or change the diagram.',
    );
  });
});
