/**
 * rehype-figure-position-check: fails the build when prose about a figure places a part of it
 * where the rendered drawing does not (issue 16: "On the left… one instance" under a figure the
 * layout engine had stacked). Runs after rehype-mermaid-figures, on the figures' inline SVG.
 *
 * Prose about a figure is:
 * - the figure's own text alternative (accDescr) and caption;
 * - a paragraph or list item that links to the figure (`#fig-…`);
 * - a paragraph or list item that says "the figure", "this diagram", "the flowchart"…: it is about
 *   the closest figure before it in the same section, or else the first one after it.
 * Each positional phrase in it is checked by positional-prose.ts; every false or uncheckable
 * phrase is reported with the file, the line and the fix, and the build stops. The drawing itself
 * must also show numbered parts ("Node 1", "Node 2"…) in order (numbered-order.ts), reported at
 * the figure's fence line.
 */
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import type { MermaidFigureData } from '../diagrams/figure.ts';
import { figureGeometry } from '../diagrams/geometry.ts';
import { checkNumberedOrder, numberedOrderMessage } from '../diagrams/numbered-order.ts';
import { checkPositionalProse, diagramFlow, type CheckedFigure } from '../diagrams/positional-prose.ts';
import { authoredFile } from './mdx-source.ts';

/** Any node with children, MDX's JSX elements included. */
interface TreeNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: Record<string, unknown>;
  position?: { start: { line: number } };
  children?: TreeNode[];
  data?: { mermaid?: MermaidFigureData };
}

/** A run of text with the source line of each character's text node. */
interface LinedText {
  text: string;
  /** [offset where a text node starts, its first line], in order. */
  lines: [number, number][];
  fallbackLine: number;
}

/**
 * The text of a node. Lines come from its text nodes' positions, or are all `line` when `fixed`
 * (a figure's text alternative and caption are written in the diagram's source, not where the
 * figure's elements claim to be).
 */
function linedText(node: TreeNode, line: number, fixed = false): LinedText {
  const result: LinedText = { text: '', lines: [], fallbackLine: line };
  const walk = (current: TreeNode): void => {
    if (current.type === 'text' && typeof current.value === 'string') {
      result.lines.push([result.text.length, fixed ? line : (current.position?.start.line ?? line)]);
      result.text += current.value;
      return;
    }
    for (const child of current.children ?? []) walk(child);
  };
  walk(node);
  return result;
}

/** The source line of an offset: its text node's first line plus the newlines before it in that node. */
function lineAt(text: LinedText, offset: number): number {
  let index = text.lines.length - 1;
  while (index > 0 && (text.lines[index]?.[0] ?? 0) > offset) index--;
  const [start, line] = text.lines[index] ?? [0, text.fallbackLine];
  return line + (text.text.slice(start, offset).match(/\n/g) ?? []).length;
}

function classesOf(node: TreeNode): string[] {
  const value = node.properties?.['className'];
  return Array.isArray(value) ? value.map(String) : [];
}

function findElement(node: TreeNode, test: (node: TreeNode) => boolean): TreeNode | undefined {
  if (test(node)) return node;
  for (const child of node.children ?? []) {
    const found = findElement(child, test);
    if (found) return found;
  }
  return undefined;
}

const HEADING = /^h[1-6]$/;
/** Words that make a paragraph about "the" figure nearby without a link to it. */
const MENTIONS_FIGURE =
  /\b(?:the|this|that|each|every)\s+(?:figure|diagram|flowchart|sequence diagram|state diagram|drawing|picture)\b/i;

type Event =
  | { kind: 'heading' }
  | { kind: 'figure'; figure: CheckedFigure; node: TreeNode }
  | { kind: 'block'; node: TreeNode; links: string[] };

/** Headings, figures and prose blocks (paragraphs, list items without paragraphs) in document order. */
function events(tree: Root): Event[] {
  const found: Event[] = [];
  const walk = (node: TreeNode): void => {
    if (node.type === 'element' && node.tagName && HEADING.test(node.tagName)) {
      found.push({ kind: 'heading' });
      return;
    }
    if (node.type === 'element' && node.tagName === 'figure' && node.data?.mermaid) {
      const id = node.properties?.['id'];
      const svg = findElement(node, (candidate) => candidate.tagName === 'svg');
      if (typeof id === 'string' && svg) {
        found.push({
          kind: 'figure',
          node,
          figure: { id, geometry: figureGeometry(svg as Element), flow: diagramFlow(node.data.mermaid.source) },
        });
      }
      return;
    }
    const paragraphLike =
      node.type === 'element' &&
      (node.tagName === 'p' ||
        (node.tagName === 'li' && !(node.children ?? []).some((child) => child.tagName === 'p')));
    if (paragraphLike) {
      const links: string[] = [];
      const collect = (current: TreeNode): void => {
        const href = current.tagName === 'a' ? current.properties?.['href'] : undefined;
        if (typeof href === 'string' && href.startsWith('#fig-')) links.push(href.slice(1));
        for (const child of current.children ?? []) collect(child);
      };
      collect(node);
      found.push({ kind: 'block', node, links });
      // A list item's nested lists are blocks of their own.
      for (const child of node.children ?? []) if (child.tagName === 'ul' || child.tagName === 'ol') walk(child);
      return;
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree as TreeNode);
  return found;
}

/** Every problem in the file, as `file:line: message`. */
export function checkFigurePositions(tree: Root, fileName: string): string[] {
  const problems: string[] = [];
  const all = events(tree);
  const figures = new Map<string, CheckedFigure>();
  for (const event of all) if (event.kind === 'figure') figures.set(event.figure.id, event.figure);

  const report = (text: LinedText, figure: CheckedFigure): void => {
    for (const problem of checkPositionalProse(text.text, figure)) {
      problems.push(`${fileName}:${lineAt(text, problem.offset)}: ${problem.message}`);
    }
  };

  for (const [index, event] of all.entries()) {
    if (event.kind === 'figure') {
      const data = event.node.data?.mermaid as MermaidFigureData;
      const descLine = data.source.split('\n').findIndex((line) => /^\s*accDescr\b/.test(line));
      const desc = findElement(event.node, (node) => node.tagName === 'desc');
      const caption = findElement(event.node, (node) => classesOf(node).includes('cde-figure__text'));
      if (desc) report(linedText(desc, data.fenceLine + descLine + 1, true), event.figure);
      if (caption) report(linedText(caption, data.fenceLine, true), event.figure);
      for (const problem of checkNumberedOrder(event.figure.geometry)) {
        problems.push(`${fileName}:${data.fenceLine}: ${numberedOrderMessage(event.figure.id, problem)}`);
      }
      continue;
    }
    if (event.kind !== 'block') continue;
    const text = linedText(event.node, event.node.position?.start.line ?? 0);
    const about = event.links.map((id) => figures.get(id)).filter((figure) => figure !== undefined);
    if (about.length === 0 && MENTIONS_FIGURE.test(text.text)) {
      const inSection = (step: -1 | 1): CheckedFigure | undefined => {
        for (let at = index + step; at >= 0 && at < all.length; at += step) {
          const other = all[at];
          if (other?.kind === 'heading') return undefined;
          if (other?.kind === 'figure') return other.figure;
        }
        return undefined;
      };
      const figure = inSection(-1) ?? inSection(1);
      if (figure) about.push(figure);
    }
    for (const figure of about) report(text, figure);
  }
  return problems;
}

/** The rehype plugin: throws with every problem of the file at once. */
export function rehypeFigurePositionCheck() {
  return (tree: Root, file: VFile): void => {
    const problems = checkFigurePositions(tree, authoredFile(file));
    if (problems.length > 0) throw new Error(problems.join('\n'));
  };
}
