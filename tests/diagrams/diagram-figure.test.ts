import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { parseSvg, styleToPresentationAttributes } from '../../src/diagrams/figure.ts';

/** Converts a small SVG and returns its markup. */
function converted(svg: string): string {
  const element = parseSvg(svg);
  styleToPresentationAttributes(element);
  return toHtml(element, { space: 'svg' });
}

const dashedReply =
  '<svg viewBox="0 0 10 10"><line class="messageLine1" style="stroke-dasharray:3,3;fill:none"/></svg>';
const dashedPathWithFill = '<svg viewBox="0 0 10 10"><path fill="none" style="stroke-dasharray:0,0" d="M0 0h5"/></svg>';
const opacity = '<svg viewBox="0 0 10 10"><rect style="opacity:0.5"/></svg>';

describe('styleToPresentationAttributes', () => {
  it('turns each declaration into the attribute of the same name', () => {
    expect(converted(dashedReply)).toBe(
      '<svg viewBox="0 0 10 10"><line class="messageLine1" stroke-dasharray="3,3" fill="none"></line></svg>',
    );
  });

  it('keeps the attributes an element already has, without duplicates', () => {
    expect(converted(dashedPathWithFill)).toBe(
      '<svg viewBox="0 0 10 10"><path fill="none" d="M0 0h5" stroke-dasharray="0,0"></path></svg>',
    );
  });

  it('fails on a property that has no presentation attribute', () => {
    expect(() => converted(opacity)).toThrow(
      'Diagram SVG <rect style="opacity:0.5">: "opacity" has no presentation attribute.',
    );
  });
});
