import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { selfLink } from './self-link.ts';

export interface FigureLinksOptions {
  /** Words read by screen readers before the caption. */
  label?: string;
}

/**
 * Gives every figure with an id (diagrams: `<figure class="cde-figure" id="fig-…">`) an
 * accessible self-link at the end of its caption, like headings have, so each figure can be
 * linked to and its link copied. A figure that already links to itself is left alone.
 */
export function rehypeFigureLinks(options: FigureLinksOptions = {}) {
  const label = options.label ?? 'Link to figure';
  return (tree: Root): void => {
    addFigureLinks(tree, label);
  };
}

/** The transform itself, exported so tests can call it on a tree directly. */
export function addFigureLinks(tree: Root, label = 'Link to figure'): void {
  visit(tree, 'element', (figure: Element) => {
    if (figure.tagName !== 'figure') return;
    const id = figure.properties['id'];
    if (typeof id !== 'string' || id === '') return;
    let linked = false;
    visit(figure, 'element', (node: Element) => {
      if (node.tagName === 'a' && node.properties['href'] === `#${id}`) linked = true;
    });
    if (linked) return;
    const caption = figure.children.find(
      (child): child is Element => child.type === 'element' && child.tagName === 'figcaption',
    );
    const name = caption ? toString(caption).trim() : id;
    const link = selfLink(id, label, name);
    if (caption) {
      caption.children.push({ type: 'text', value: ' ' }, link);
    } else {
      figure.children.push(link);
    }
  });
}
