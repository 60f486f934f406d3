/**
 * Renders for real with Mermaid in headless Chromium. Never skipped: a machine without Chromium
 * fails here with the hint how to get one (CI installs Chromium).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { toHtml } from 'hast-util-to-html';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFigure } from '../../src/diagrams/figure.ts';
import type { RenderResult } from '../../src/diagrams/renderer.ts';
import { createChromiumRenderer } from '../../src/diagrams/mermaid-chromium.ts';
import { BROKEN_LINE_3, PRIMARY_TWO_REPLICAS } from './fixtures.ts';

const NINE_NODES = readFileSync(new URL('./fixtures/nine-node-flowchart.mmd', import.meta.url), 'utf8');
const STATES = `stateDiagram-v2
  accTitle: States
  accDescr: A replica can become a primary.
  [*] --> Replica
  Replica --> Primary: promoted`;

describe('rendering in Chromium', () => {
  const renderer = createChromiumRenderer();
  let results: RenderResult[] | undefined;
  const rendered = async (): Promise<RenderResult[]> => {
    results ??= await renderer.render(
      [PRIMARY_TWO_REPLICAS, BROKEN_LINE_3, NINE_NODES, STATES].map((source) => ({ source, origin: 'test' })),
    );
    return results;
  };
  const svgAt = async (index: number): Promise<string> => {
    const result = (await rendered())[index];
    if (!result?.ok) throw new Error(`diagram ${index} did not render: ${JSON.stringify(result)}`);
    return result.svg;
  };

  afterAll(() => renderer.close());

  it('draws labels as SVG text, without foreignObject, <style> or colours', async () => {
    const svg = await svgAt(0);
    expect(svg).toMatch(/<text[^>]*>.*Replica 1/);
    expect(svg).not.toMatch(/foreignObject|<style|fill="#|stroke="#|color:/);
  });

  it('marks the diagram type on the root', async () => {
    expect(await svgAt(0)).toContain('class="cde-diagram cde-diagram--flowchart"');
    expect(await svgAt(3)).toContain('class="cde-diagram cde-diagram--state"');
  });

  it('reports invalid Mermaid with the line inside the diagram and Mermaid’s message', async () => {
    const broken = (await rendered())[1];
    expect(broken).toMatchObject({ ok: false, line: 4 });
    expect(broken?.ok === false && broken.message).toMatch(/error on line 4/);
  });

  it('keeps a 9-node flowchart figure under 6 KB gzipped in the page', async () => {
    const figure = buildFigure({
      id: 'fig-nine-nodes',
      caption: 'Nine nodes.',
      title: 'Nine-node flowchart for the size budget',
      description: 'A description.',
      svg: await svgAt(2),
      standaloneHref: '/diagrams/fig-nine-nodes.svg',
    });
    expect(gzipSync(toHtml(figure)).length).toBeLessThan(6 * 1024);
  });
});
