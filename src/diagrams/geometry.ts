/**
 * Where the labelled parts of a rendered diagram sit: the boxes of its subgraphs ("clusters"),
 * nodes, sequence participants and notes, read from the optimised SVG the figure inlines (see
 * svg.ts for what that SVG keeps). The prose check in positional-prose.ts compares an
 * author's "on the left" or "in the top half" with these boxes. Pure: hast in, numbers out.
 */
import type { Element, ElementContent } from 'hast';

/** An axis-aligned box in the SVG's user units; a part known only by its centre has zero size. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FigurePart {
  /** What Mermaid drew: a subgraph frame, a node, a sequence participant or a note. */
  kind: 'subgraph' | 'node' | 'participant' | 'note';
  /** The label as a reader sees it, lines joined by a space. */
  label: string;
  box: Box;
}

export interface FigureGeometry {
  /** The drawing's extent: the SVG's viewBox. */
  frame: Box;
  parts: FigurePart[];
}

interface Offset {
  dx: number;
  dy: number;
}

function numberOf(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  return 0;
}

function classesOf(element: Element): string[] {
  const value = element.properties['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

/** `translate(x y)` or `translate(x, y)`; anything else moves nothing (svg.ts emits only translations). */
function translation(element: Element): Offset {
  const transform = element.properties['transform'];
  if (typeof transform !== 'string') return { dx: 0, dy: 0 };
  const match = /translate\(\s*(-?[\d.]+(?:e-?\d+)?)(?:[\s,]+(-?[\d.]+(?:e-?\d+)?))?\s*\)/.exec(transform);
  return match ? { dx: Number(match[1]), dy: Number(match[2] ?? 0) } : { dx: 0, dy: 0 };
}

/** The text of an element: its `<tspan>` lines joined by one space, whitespace collapsed. */
export function labelText(element: Element | ElementContent): string {
  const pieces: string[] = [];
  const collect = (node: ElementContent | Element): void => {
    if (node.type === 'text') pieces.push(node.value);
    else if (node.type === 'element') {
      if (node.tagName === 'tspan' && pieces.length > 0) pieces.push(' ');
      for (const child of node.children) collect(child);
    }
  };
  collect(element);
  return pieces.join('').replace(/\s+/g, ' ').trim();
}

function rectBox(rect: Element, at: Offset): Box {
  return {
    x: at.dx + numberOf(rect.properties['x']),
    y: at.dy + numberOf(rect.properties['y']),
    width: numberOf(rect.properties['width']),
    height: numberOf(rect.properties['height']),
  };
}

const SHAPES = new Set(['rect', 'path', 'polygon', 'circle', 'ellipse']);

/**
 * A node's box: its `.label-container` rectangle, or, for the other shapes (cylinders, hexagons,
 * circles), its centre, which is where Mermaid translates a node's group to.
 */
function nodeBox(group: Element, at: Offset): Box | undefined {
  const shape = group.children.find(
    (child): child is Element =>
      child.type === 'element' && SHAPES.has(child.tagName) && classesOf(child).includes('label-container'),
  );
  if (!shape) return undefined;
  if (shape.tagName === 'rect') return rectBox(shape, at);
  return { x: at.dx, y: at.dy, width: 0, height: 0 };
}

function viewBoxOf(svg: Element): Box {
  const value = svg.properties['viewBox'];
  const numbers =
    typeof value === 'string'
      ? value
          .trim()
          .split(/[\s,]+/)
          .map(Number)
      : [];
  if (numbers.length === 4 && numbers.every(Number.isFinite)) {
    const [x = 0, y = 0, width = 0, height = 0] = numbers;
    return { x, y, width, height };
  }
  return { x: 0, y: 0, width: numberOf(svg.properties['width']), height: numberOf(svg.properties['height']) };
}

/** Every labelled part of a diagram's `<svg>`, in document order. */
export function figureGeometry(svg: Element): FigureGeometry {
  const parts: FigurePart[] = [];

  const visit = (element: Element, at: Offset): void => {
    const own = translation(element);
    const here = { dx: at.dx + own.dx, dy: at.dy + own.dy };
    const classes = classesOf(element);
    const elements = element.children.filter((child): child is Element => child.type === 'element');

    if (element.tagName === 'g' && classes.includes('cluster')) {
      const rect = elements.find((child) => child.tagName === 'rect');
      const text = elements.find((child) => child.tagName === 'text');
      if (rect && text) parts.push({ kind: 'subgraph', label: labelText(text), box: rectBox(rect, here) });
      return;
    }
    if (element.tagName === 'g' && classes.includes('edgeLabel')) return;
    if (element.tagName === 'g') {
      const box = nodeBox(element, here);
      const text = elements.find((child) => child.tagName === 'text');
      if (box && text) {
        parts.push({ kind: 'node', label: labelText(text), box });
        return;
      }
    }
    // Sequence diagrams draw a participant or a note as a rect followed by its text.
    for (const [index, child] of elements.entries()) {
      const kind = child.tagName === 'rect' ? classesOf(child) : [];
      const next = elements[index + 1];
      if (next?.tagName !== 'text') continue;
      if (kind.includes('actor'))
        parts.push({ kind: 'participant', label: labelText(next), box: rectBox(child, here) });
      else if (kind.includes('note')) parts.push({ kind: 'note', label: labelText(next), box: rectBox(child, here) });
    }
    for (const child of elements) visit(child, here);
  };

  visit(svg, { dx: 0, dy: 0 });
  return { frame: viewBoxOf(svg), parts };
}

export type Side = 'left' | 'right' | 'top' | 'bottom';

/**
 * Whether a box lies on one side of the frame's centre line: its centre is on that side and at
 * least two thirds of its extent too. A frame that spans the middle (a wide box above another one)
 * is on neither side, so "on the left" cannot pass for a stacked layout by a few pixels.
 */
export function liesOn(box: Box, frame: Box, side: Side): boolean {
  const horizontal = side === 'left' || side === 'right';
  const start = horizontal ? box.x : box.y;
  const size = horizontal ? box.width : box.height;
  const middle = horizontal ? frame.x + frame.width / 2 : frame.y + frame.height / 2;
  const centre = start + size / 2;
  const before = side === 'left' || side === 'top';
  if (size === 0) return before ? centre < middle : centre > middle;
  const inside = before ? Math.min(start + size, middle) - start : start + size - Math.max(start, middle);
  return (before ? centre < middle : centre > middle) && inside / size >= 2 / 3;
}

/** Where a box is, in words: "on the left", "in the top half", or "across the middle" on both axes. */
export function whereIs(box: Box, frame: Box): string {
  const horizontal = liesOn(box, frame, 'left') ? 'on the left' : liesOn(box, frame, 'right') ? 'on the right' : '';
  const vertical = liesOn(box, frame, 'top')
    ? 'in the top half'
    : liesOn(box, frame, 'bottom')
      ? 'in the bottom half'
      : '';
  if (horizontal && vertical) return `${vertical}, ${horizontal}`;
  return horizontal || vertical || 'across the middle';
}
