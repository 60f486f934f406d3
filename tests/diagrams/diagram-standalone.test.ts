import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { standaloneCss, standaloneSvg } from '../../src/diagrams/standalone.ts';
import { CACHED_SVG } from './fixtures.ts';

const SAMPLE_CSS = `@layer components {
  .cde-figure { --cde-diagram-text: #111; --cde-diagram-line: #444; }
  .cde-diagram text { fill: var(--cde-diagram-text); }
  .cde-diagram .flowchart-link, .cde-figure__x { stroke: var(--cde-diagram-line); }
  .cde-figure__caption { color: red; }
  @media screen { :root[data-theme='dark'] .cde-figure { --cde-diagram-text: #eee; } .cde-diagram text { fill: #eee; } }
}`;

describe('standaloneCss', () => {
  it('keeps the diagram rules with the light palette resolved, and no dark or figure rules', () => {
    expect(standaloneCss(SAMPLE_CSS)).toBe('.cde-diagram text{fill:#111}.cde-diagram .flowchart-link{stroke:#444}');
  });

  it('takes the light half of a light-dark() pair', () => {
    expect(
      standaloneCss(
        '.cde-figure{--cde-diagram-text:light-dark(#111, #eee)}.cde-diagram text{fill:var(--cde-diagram-text)}',
      ),
    ).toBe('.cde-diagram text{fill:#111}');
  });

  it('refuses a colour the light palette does not define', () => {
    expect(() =>
      standaloneCss('.cde-figure{--cde-diagram-a:#000}.cde-diagram text{fill:var(--cde-diagram-b)}'),
    ).toThrow('diagrams.css uses --cde-diagram-b, which the light palette does not define.');
  });

  it('resolves every colour of the real stylesheet', () => {
    const css = standaloneCss(readFileSync(new URL('../../src/styles/diagrams.css', import.meta.url), 'utf8'));
    expect(css).toMatch(/^\.cde-diagram\{background-color:#ffffff\}/);
    expect(css).not.toContain('var(');
    expect(css).not.toContain('light-dark(');
  });
});

describe('standaloneSvg', () => {
  const file = standaloneSvg({ id: 'fig-a', title: 'T', description: 'D', svg: CACHED_SVG, css: 'text{fill:#111}' });

  it('is an XML document with the SVG namespace', () => {
    expect(file).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  });

  it('carries title, description and the inlined style first', () => {
    expect(file).toContain(
      '<title id="fig-a-title">T</title><desc id="fig-a-desc">D</desc><style>text{fill:#111}</style>',
    );
  });

  it('keeps the drawing with prefixed ids', () => {
    expect(file).toContain('<marker id="fig-a-a"><path d="M0 0" /></marker>');
  });
});
