import { describe, expect, it } from 'vitest';
import { findMissingAlternatives } from '../../scripts/lib/text-alternatives.ts';

const reasons = (html: string) =>
  findMissingAlternatives(html).map((missing) => `${missing.element} ${missing.reason}`);

describe('text alternatives', () => {
  it('accepts images with alt text and decorative images marked as such', () => {
    expect(
      reasons(`<img src="/a.png" alt="A rack of servers"><img src="/b.png" alt="" role="presentation">
        <span aria-hidden="true"><img src="/c.png" alt=""></span><input type="image" src="/go.png" alt="Search">`),
    ).toEqual([]);
  });

  it('refuses an image without alt, and an empty alt on an image that is not marked decorative', () => {
    expect(reasons('<img src="/a.png"><img src="/b.png" alt=" ">')).toEqual([
      '<img src="/a.png"> has no alt attribute',
      '<img src="/b.png"> has an empty alt but is not marked decorative (role="presentation" or aria-hidden="true")',
    ]);
  });

  it('accepts a diagram SVG named by its title through aria-labelledby, and decorative SVG icons', () => {
    const figure = `<figure id="fig-a" class="cde-figure"><svg role="img" aria-labelledby="fig-a-title">
      <title id="fig-a-title">Primary and replicas</title><g><svg><text>nested shapes</text></svg></g></svg>
      <figcaption>A primary with two replicas.</figcaption></figure>
      <button><svg aria-hidden="true"><path d="M0 0"/></svg>Menu</button>`;
    expect(reasons(figure)).toEqual([]);
  });

  it('accepts a title child or aria-label as the name of an SVG image', () => {
    expect(reasons('<svg role="img"><title>Quorum</title></svg><svg role="img" aria-label="Lease"></svg>')).toEqual([]);
  });

  it('refuses an SVG that is neither hidden nor a named image', () => {
    expect(
      reasons(`<svg id="s1"><path d="M0 0"/></svg><svg id="s2" role="img"></svg>
        <svg id="s3" role="img" aria-labelledby="nowhere"></svg><div id="d" role="img"></div>`),
    ).toEqual([
      '<svg id="s1"> is neither decorative (aria-hidden="true") nor an image (role="img" with a title or label)',
      '<svg id="s2"> has role="img" but no <title>, aria-label or aria-labelledby text',
      '<svg id="s3"> has role="img" but no <title>, aria-label or aria-labelledby text',
      '<div id="d"> has role="img" but no aria-label or aria-labelledby text',
    ]);
  });

  it('wants a non-empty figcaption on every figure', () => {
    expect(
      reasons(`<figure id="f1"><img src="/a.png" alt="a"></figure>
        <figure id="f2"><img src="/b.png" alt="b"><figcaption> </figcaption></figure>`),
    ).toEqual(['<figure id="f1"> has no <figcaption>', '<figure id="f2"> has an empty <figcaption>']);
  });
});
