/** Small named inputs for the diagram tests. */
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import type { DiagramRenderer, RenderRequest, RenderResult } from '../../src/diagrams/renderer.ts';

export const PRIMARY_TWO_REPLICAS = `flowchart LR
  accTitle: Primary with two replicas
  accDescr: Clients send writes to the primary, which streams WAL to replica 1 and replica 2.
  C[Clients] --> P[(Primary)]
  P -- WAL --> R1[(Replica 1)]
  P -- WAL --> R2[(Replica 2)]`;

export const NO_ACC_TITLE = `flowchart LR
  accDescr: Two boxes.
  A --> B`;

export const NO_ACC_DESCR = `flowchart LR
  accTitle: Two boxes
  A --> B`;

export const NO_ACC_AT_ALL = `flowchart LR
  A --> B`;

export const PIE_CHART = `pie
  accTitle: Shares
  accDescr: Two slices.
  "A" : 1
  "B" : 2`;

export const STYLED = `flowchart LR
  accTitle: Styled
  accDescr: A red box.
  A --> B
  style A fill:#f00`;

export const BROKEN_LINE_3 = `flowchart LR
  accTitle: Broken
  accDescr: The third line is not Mermaid.
  A -- > B --`;

/** A tiny SVG as the cache holds them: one marker, used by one path. */
export const CACHED_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50" class="cde-diagram cde-diagram--flowchart">' +
  '<marker id="a"><path d="M0 0"/></marker><path d="M0 0h90" class="flowchart-link" marker-end="url(#a)"/>' +
  '<text y="10"><tspan x="0">Clients</tspan></text></svg>';

/**
 * A `<pre><code class="language-mermaid">` as the MDX pipeline hands it to rehype, with the fence at
 * `line` and the meta string where mdast-util-to-hast puts it (`data.meta`) or in `metastring`.
 */
export function mermaidBlock(
  source: string,
  line: number,
  meta?: string,
  where: 'data' | 'metastring' = 'data',
): Element {
  const code = h('code', { className: ['language-mermaid'] }, `${source}\n`);
  if (meta !== undefined && where === 'data') code.data = { meta } as unknown as Element['data'];
  if (meta !== undefined && where === 'metastring') code.properties['metastring'] = meta;
  const pre = h('pre', [code]);
  const end = line + source.split('\n').length + 1;
  pre.position = { start: { line, column: 1 }, end: { line: end, column: 4 } };
  return pre;
}

export function tree(...children: Element[]): Root {
  return { type: 'root', children };
}

/** A fake renderer: records its calls, answers with CACHED_SVG or with `failures[source]`. */
export function fakeRenderer(failures: Record<string, { message: string; line?: number }> = {}): DiagramRenderer & {
  calls: RenderRequest[][];
} {
  const calls: RenderRequest[][] = [];
  return {
    calls,
    async render(requests) {
      calls.push([...requests]);
      return requests.map((request): RenderResult => {
        const failure = failures[request.source];
        return failure ? { ok: false, message: failure.message, line: failure.line } : { ok: true, svg: CACHED_SVG };
      });
    },
  };
}
