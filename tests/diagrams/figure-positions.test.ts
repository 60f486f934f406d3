import { describe, expect, it } from 'vitest';
import { parseSvg } from '../../src/diagrams/figure.ts';
import { figureGeometry, liesOn, whereIs } from '../../src/diagrams/geometry.ts';
import {
  checkPositionalProse,
  diagramFlow,
  findPositionalPhrases,
  splitSentences,
  type CheckedFigure,
} from '../../src/diagrams/positional-prose.ts';
import { SEQUENCE_SVG, SIDE_BY_SIDE_SVG, STACKED_SVG, TRANSLATED_SVG } from './figure-positions.fixtures.ts';

const figure = (svg: string, flow: CheckedFigure['flow'] = 'top to bottom'): CheckedFigure => ({
  id: 'fig-demo',
  geometry: figureGeometry(parseSvg(svg)),
  flow,
});

describe('figureGeometry', () => {
  it('reads subgraph frames with their labels', () => {
    const { parts } = figureGeometry(parseSvg(SIDE_BY_SIDE_SVG));
    expect(parts.filter((part) => part.kind === 'subgraph')).toEqual([
      { kind: 'subgraph', label: 'Copies', box: { x: 0, y: 0, width: 90, height: 100 } },
      { kind: 'subgraph', label: 'Parts', box: { x: 110, y: 0, width: 90, height: 100 } },
    ]);
  });

  it('joins a node label’s lines with a space and places its rect at the group’s offset', () => {
    const node = figureGeometry(parseSvg(SIDE_BY_SIDE_SVG)).parts.find((part) => part.kind === 'node');
    expect(node).toEqual({ kind: 'node', label: 'Node 1: primary', box: { x: 15, y: 40, width: 60, height: 20 } });
  });

  it('places a node drawn as a path at its centre', () => {
    const shard = figureGeometry(parseSvg(SIDE_BY_SIDE_SVG)).parts.find((part) => part.label === 'Shard A');
    expect(shard?.box).toEqual({ x: 155, y: 50, width: 0, height: 0 });
  });

  it('adds up nested translations and skips edge labels', () => {
    expect(figureGeometry(parseSvg(TRANSLATED_SVG)).parts).toEqual([
      { kind: 'node', label: 'Replica', box: { x: 130, y: 70, width: 40, height: 20 } },
    ]);
  });

  it('reads sequence participants and notes', () => {
    expect(figureGeometry(parseSvg(SEQUENCE_SVG)).parts.map((part) => [part.kind, part.label, part.box.x])).toEqual([
      ['participant', 'Client', 0],
      ['participant', 'Server', 200],
      ['note', 'commits', 180],
    ]);
  });

  it('takes the frame from the viewBox', () => {
    expect(figureGeometry(parseSvg(SEQUENCE_SVG)).frame).toEqual({ x: 0, y: 0, width: 300, height: 200 });
  });
});

describe('liesOn and whereIs', () => {
  const frame = { x: 0, y: 0, width: 200, height: 100 };

  it('puts a box wholly left of the middle on the left', () => {
    expect(liesOn({ x: 0, y: 0, width: 90, height: 100 }, frame, 'left')).toBe(true);
  });

  it('does not put a full-width box on either side, however its centre falls', () => {
    const wide = { x: 0, y: 0, width: 190, height: 40 };
    expect([liesOn(wide, frame, 'left'), liesOn(wide, frame, 'right')]).toEqual([false, false]);
  });

  it('needs two thirds of the box on the side', () => {
    expect(liesOn({ x: 45, y: 0, width: 90, height: 10 }, frame, 'left')).toBe(false);
    expect(liesOn({ x: 20, y: 0, width: 90, height: 10 }, frame, 'left')).toBe(true);
  });

  it('places a point by its side of the middle', () => {
    expect(liesOn({ x: 150, y: 20, width: 0, height: 0 }, frame, 'right')).toBe(true);
  });

  it('says where a box is on both axes', () => {
    expect(whereIs({ x: 0, y: 0, width: 50, height: 20 }, frame)).toBe('in the top half, on the left');
    expect(whereIs({ x: 0, y: 60, width: 200, height: 40 }, frame)).toBe('in the bottom half');
    expect(whereIs({ x: 0, y: 0, width: 200, height: 100 }, frame)).toBe('across the middle');
  });
});

describe('findPositionalPhrases', () => {
  const texts = (sentence: string) => findPositionalPhrases(sentence).map((phrase) => phrase.text);

  it('finds regions after "on/at/in the"', () => {
    expect(texts('On the left, the primary; at the bottom, the disks.')).toEqual(['On the left', 'at the bottom']);
  });

  it('finds regions named by a noun', () => {
    expect(texts('In the top half of the figure and in the left branch.')).toEqual(['In the top half', 'left branch']);
  });

  it('reads upper and lower as top and bottom', () => {
    expect(findPositionalPhrases('The lower half holds the data.').map((phrase) => phrase.side)).toEqual(['bottom']);
  });

  it('finds directions', () => {
    expect(findPositionalPhrases('Read it top to bottom.').map((phrase) => phrase.flow)).toEqual(['top to bottom']);
  });

  it('does not take "the right" for a side when it means the correct one', () => {
    expect(texts('The router sends each query to the right shard, the right one.')).toEqual([]);
  });

  it('ignores "on top of" and relative words', () => {
    expect(texts('YSQL runs on top of DocDB; the upper model implies the lower one; see below.')).toEqual([]);
  });
});

describe('splitSentences', () => {
  it('splits after a full stop followed by a capital, keeping offsets', () => {
    expect(splitSentences('One. Two three? “Four”.')).toEqual([
      { text: 'One. ', start: 0 },
      { text: 'Two three? ', start: 5 },
      { text: '“Four”.', start: 16 },
    ]);
  });
});

describe('diagramFlow', () => {
  it('reads a flowchart’s direction', () => {
    expect(diagramFlow('flowchart LR\n  A --> B')).toBe('left to right');
    expect(diagramFlow('graph BT\n  A --> B')).toBe('bottom to top');
  });

  it('draws sequence diagrams top to bottom', () => {
    expect(diagramFlow('sequenceDiagram\n  A->>B: hi')).toBe('top to bottom');
  });

  it('reads a state diagram’s own direction, not a composite state’s', () => {
    expect(diagramFlow('stateDiagram-v2\n  direction LR\n  A --> B')).toBe('left to right');
    expect(diagramFlow('stateDiagram-v2\n  state X {\n    direction LR\n  }')).toBe('top to bottom');
  });
});

describe('checkPositionalProse', () => {
  it('accepts a position that matches the drawing', () => {
    expect(
      checkPositionalProse('On the left, in Copies, every node holds all the data.', figure(SIDE_BY_SIDE_SVG)),
    ).toEqual([]);
  });

  it('reports a position the drawing contradicts, with where the part really is', () => {
    expect(checkPositionalProse('In the top half, Copies holds full copies.', figure(SIDE_BY_SIDE_SVG))).toEqual([
      {
        offset: 0,
        message:
          '"In the top half" says "Copies" is in the top half of figure #fig-demo, but it is drawn on the left. ' +
          'Describe it where it is drawn, name it without a position, or change the diagram.',
      },
    ]);
  });

  it('does not let a stacked layout pass for side by side', () => {
    expect(checkPositionalProse('Copies is on the left.', figure(STACKED_SVG))[0]?.message).toBe(
      '"on the left" says "Copies" is on the left of figure #fig-demo, but it is drawn in the top half. ' +
        'Describe it where it is drawn, name it without a position, or change the diagram.',
    );
  });

  it('refuses a position that names no part, listing the parts', () => {
    expect(checkPositionalProse('Intro. On the right, the data is split.', figure(SIDE_BY_SIDE_SVG))).toEqual([
      {
        offset: 7,
        message:
          '"On the right" describes figure #fig-demo but names no part of it, so it cannot be checked against the ' +
          'drawing. Name the part by its label in the same sentence ("Copies", "Parts", "Node 1: primary", ' +
          '"Shard A"), or say it without a position.',
      },
    ]);
  });

  it('names a part by the words before its label’s colon', () => {
    expect(checkPositionalProse('Node 1 is on the left.', figure(SIDE_BY_SIDE_SVG))).toEqual([]);
  });

  it('ties each position to the closest part the sentence names', () => {
    const text = 'On the left, Copies; on the right, Parts.';
    expect(checkPositionalProse(text, figure(SIDE_BY_SIDE_SVG))).toEqual([]);
    expect(checkPositionalProse('On the right, Copies; on the left, Parts.', figure(SIDE_BY_SIDE_SVG))).toHaveLength(2);
  });

  it('reports a reading direction the diagram is not drawn in', () => {
    expect(
      checkPositionalProse('Read the flowchart top to bottom.', figure(SIDE_BY_SIDE_SVG, 'left to right')),
    ).toEqual([
      {
        offset: 19,
        message:
          '"top to bottom" describes figure #fig-demo, but it is drawn left to right. ' +
          'Write "left to right", or change the direction the diagram is declared with.',
      },
    ]);
  });

  it('checks sequence participants', () => {
    expect(checkPositionalProse('The Server, on the right, replies.', figure(SEQUENCE_SVG))).toEqual([]);
  });
});
