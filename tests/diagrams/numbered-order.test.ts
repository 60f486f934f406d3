import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CACHE_DIR } from '../../src/diagrams/cache.ts';
import { parseSvg } from '../../src/diagrams/figure.ts';
import { figureGeometry } from '../../src/diagrams/geometry.ts';
import { checkNumberedOrder, numberedOrderMessage, sequenceKey } from '../../src/diagrams/numbered-order.ts';

/** Nodes drawn as rects centred at the given points, labelled as given (Mermaid's shape). */
function drawing(nodes: [label: string, x: number, y: number][], extra = ''): string {
  return (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300">' +
    nodes
      .map(
        ([label, x, y]) =>
          `<g transform="translate(${x} ${y})"><rect class="label-container" x="-30" y="-10" width="60" height="20"/>` +
          `<text><tspan>${label}</tspan></text></g>`,
      )
      .join('') +
    extra +
    '</svg>'
  );
}
const check = (svg: string) => checkNumberedOrder(figureGeometry(parseSvg(svg)));

describe('sequenceKey', () => {
  it('reads a name and a number or a capital letter', () => {
    expect(sequenceKey('Node 1: primary')).toEqual({ name: 'node', rank: 1 });
    expect(sequenceKey('etcd3')).toEqual({ name: 'etcd', rank: 3 });
    expect(sequenceKey('Node group 2: 2 data nodes')).toEqual({ name: 'node group', rank: 2 });
    expect(sequenceKey('Shard B')).toEqual({ name: 'shard', rank: 2 });
    expect(sequenceKey('Range A, node 2')).toEqual({ name: 'range', rank: 1 });
  });

  it('leaves labels without a sequence number alone', () => {
    expect(sequenceKey('Primary')).toBeUndefined();
    expect(sequenceKey('etcd: 3 members')).toBeUndefined();
    expect(sequenceKey('Database server: all the data')).toBeUndefined();
  });
});

describe('checkNumberedOrder', () => {
  it('reports a row drawn out of order, as a reader meets it', () => {
    expect(
      check(
        drawing([
          ['etcd 1', 200, 250],
          ['etcd 2', 300, 250],
          ['etcd 3', 100, 250],
        ]),
      ),
    ).toEqual([{ drawn: ['etcd 3', 'etcd 1', 'etcd 2'], direction: 'left to right' }]);
  });

  it('reports a column drawn bottom up', () => {
    expect(
      check(
        drawing([
          ['Shard 1', 100, 250],
          ['Shard 2', 100, 150],
          ['Shard 3', 100, 50],
        ]),
      ),
    ).toEqual([{ drawn: ['Shard 3', 'Shard 2', 'Shard 1'], direction: 'top to bottom' }]);
  });

  it('checks each row of a group whose parts are not all in one line', () => {
    const nodes: [string, number, number][] = [
      ['Node A', 50, 50],
      ['Node B', 20, 150],
      ['Node F', 150, 100],
      ['Node E', 250, 100],
      ['Node D', 350, 100],
    ];
    expect(check(drawing(nodes))).toEqual([{ drawn: ['Node F', 'Node E', 'Node D'], direction: 'left to right' }]);
  });

  it('reports subgraph frames drawn out of order', () => {
    const frames =
      '<g class="cluster"><rect x="0" y="0" width="90" height="100"/><text><tspan>Shard 2</tspan></text></g>' +
      '<g class="cluster"><rect x="110" y="0" width="90" height="100"/><text><tspan>Shard 1</tspan></text></g>';
    expect(check(drawing([], frames))).toEqual([{ drawn: ['Shard 2', 'Shard 1'], direction: 'left to right' }]);
  });

  it('passes rows and columns in order, letters included', () => {
    expect(
      check(
        drawing([
          ['Node D', 100, 50],
          ['Node E', 200, 50],
          ['Node F', 300, 50],
        ]),
      ),
    ).toEqual([]);
    expect(
      check(
        drawing([
          ['App node 1', 100, 50],
          ['App node 2', 100, 100],
          ['App node 3', 100, 150],
        ]),
      ),
    ).toEqual([]);
  });

  it('leaves scattered parts, repeated ranks and single parts alone', () => {
    expect(
      check(
        drawing([
          ['Node 1', 200, 50],
          ['Node 2', 300, 150],
          ['Node 3', 100, 250],
        ]),
      ),
    ).toEqual([]);
    expect(
      check(
        drawing([
          ['Range A leader', 300, 50],
          ['Range A, node 2', 100, 50],
        ]),
      ),
    ).toEqual([]);
    expect(
      check(
        drawing([
          ['Node 2', 100, 50],
          ['Primary', 50, 50],
        ]),
      ),
    ).toEqual([]);
  });

  it('leaves a sequence diagram’s participants in the order the author declared', () => {
    const participants =
      '<rect class="actor" x="0" width="100" height="40"/><text class="actor"><tspan>node3 (primary)</tspan></text>' +
      '<rect class="actor" x="200" width="100" height="40"/><text class="actor"><tspan>node1 (replica)</tspan></text>';
    expect(check(drawing([], participants))).toEqual([]);
  });

  it('says what is wrong and how to fix it', () => {
    expect(
      numberedOrderMessage('fig-demo', { drawn: ['etcd 3', 'etcd 1', 'etcd 2'], direction: 'left to right' }),
    ).toBe(
      'figure #fig-demo draws "etcd 3", "etcd 1", "etcd 2" left to right, out of their order. Declare them in the ' +
        'diagram in the order that draws them in sequence (the layout engine may reverse siblings), or number them as drawn.',
    );
  });
});

describe('the committed diagrams', () => {
  // Articles are checked as they build; this also covers content/diagrams/*.mmd, the starting points authors copy.
  it('draw their numbered parts in order', () => {
    const outOfOrder = readdirSync(DEFAULT_CACHE_DIR)
      .filter((file) => file.endsWith('.svg'))
      .flatMap((file) =>
        check(readFileSync(`${DEFAULT_CACHE_DIR}/${file}`, 'utf8')).map(
          (problem) => `${file}: ${problem.drawn.join(', ')}`,
        ),
      );
    expect(outOfOrder).toEqual([]);
  });
});
