import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIAGRAM_CLASSES, optimizeDiagramSvg } from '../../src/diagrams/svg.ts';

/** Shaped like Mermaid's output, cut down to what each case needs. */
const svg = (body: string, root = 'aria-roledescription="flowchart-v2"') =>
  `<svg id="cde" width="100%" xmlns="http://www.w3.org/2000/svg" class="flowchart" style="max-width: 200px;" viewBox="4 4 200.5 100.25" role="graphics-document document" ${root}>${body}</svg>`;

describe('optimizeDiagramSvg', () => {
  it('marks the root with the site classes and its size from the viewBox', () => {
    expect(optimizeDiagramSvg(svg(''))).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" width="201" height="101" class="cde-diagram cde-diagram--flowchart" viewBox="4 4 200.5 100.25"/>',
    );
  });

  it('names sequence and state diagrams by their type', () => {
    expect(optimizeDiagramSvg(svg('', 'aria-roledescription="sequence"'))).toContain('cde-diagram--sequence');
    expect(optimizeDiagramSvg(svg('', 'aria-roledescription="stateDiagram"'))).toContain('cde-diagram--state');
  });

  it('drops Mermaid’s <style>, <title> and <desc>', () => {
    const out = optimizeDiagramSvg(
      svg('<title>T</title><desc>D</desc><style>#cde{fill:#333}</style><rect class="note" width="5" height="5"/>'),
    );
    expect(out).not.toMatch(/<style|<title|<desc/);
  });

  it('drops colours from attributes and inline styles but keeps none and dash patterns', () => {
    const out = optimizeDiagramSvg(
      svg(
        '<path d="M0 0h9" class="flowchart-link" fill="#eaeaea" stroke="none" style="fill: #f00; stroke-dasharray: 3, 3; stroke: #000"/>',
      ),
    );
    // stroke="none" goes too: SVGO drops it where the element has no stroke to turn off.
    expect(out).toContain('<path d="M0 0h9" class="flowchart-link" style="stroke-dasharray:3,3"/>');
  });

  it('keeps only the classes the stylesheet knows', () => {
    const out = optimizeDiagramSvg(svg('<rect class="basic label-container outer-path" width="5" height="5"/>'));
    expect(out).toContain('class="label-container"');
  });

  it('removes data-* and aria-* attributes', () => {
    const out = optimizeDiagramSvg(
      svg('<path d="M0 0h9" class="flowchart-link" data-points="W10=" data-id="L_A_B" aria-hidden="true"/>'),
    );
    expect(out).not.toMatch(/data-|aria-/);
  });

  it('removes markers nothing refers to and keeps the used one', () => {
    const out = optimizeDiagramSvg(
      svg(
        '<marker id="cde_used"><path d="M0 0L9 5"/></marker><marker id="cde_unused"><path d="M0 0L9 9"/></marker>' +
          '<path d="M0 0h9" class="flowchart-link" marker-end="url(#cde_used)"/>',
      ),
    );
    expect(out.match(/<marker/g)).toHaveLength(1);
    expect(out).toContain('marker-end="url(#a)"');
  });

  it('merges one-tspan-per-word labels into one run of text', () => {
    const out = optimizeDiagramSvg(
      svg(
        '<text y="-10.1"><tspan class="text-outer-tspan row" x="0" dy="1.1em">' +
          '<tspan font-style="normal" class="text-inner-tspan" font-weight="normal">Replica</tspan>' +
          '<tspan font-style="normal" class="text-inner-tspan" font-weight="normal"> 1</tspan></tspan></text>',
      ),
    );
    expect(out).toContain('<text y="-10.1"><tspan x="0" dy="1.1em">Replica 1</tspan></text>');
  });

  it('keeps a bold word apart from its plain neighbours', () => {
    const out = optimizeDiagramSvg(
      svg(
        '<text><tspan x="0"><tspan font-weight="normal">a</tspan><tspan font-weight="bold"> b</tspan></tspan></text>',
      ),
    );
    expect(out).toContain('<tspan x="0">a<tspan font-weight="bold"> b</tspan></tspan>');
  });

  it('refuses an SVG without a viewBox', () => {
    expect(() => optimizeDiagramSvg('<svg xmlns="http://www.w3.org/2000/svg"></svg>')).toThrow(
      'Mermaid produced an SVG without a usable viewBox.',
    );
  });
});

describe('DIAGRAM_CLASSES and diagrams.css', () => {
  const css = readFileSync(new URL('../../src/styles/diagrams.css', import.meta.url), 'utf8').replace(
    /\/\*[\s\S]*?\*\//g,
    '',
  );
  const styled = new Set(
    [...css.matchAll(/\.([a-zA-Z][\w-]*)/g)].map((match) => match[1]).filter((name) => !name?.startsWith('cde-')),
  );

  it('keeps every class the stylesheet styles', () => {
    expect([...styled].filter((name) => !(DIAGRAM_CLASSES as readonly string[]).includes(name ?? ''))).toEqual([]);
  });

  it('keeps no class the stylesheet does not style', () => {
    expect(DIAGRAM_CLASSES.filter((name) => !styled.has(name))).toEqual([]);
  });
});
