/**
 * Built pages as hast trees, each parsed once per build. Four passes read every page after the
 * build (link check, anchor registry, off-site check, Content Security Policy), and parsing is
 * most of their cost: about 13 ms for an article page, so once instead of four times saves about
 * 40 ms a page. A tree is keyed by the HTML text itself, so a page changed in between (the CSP
 * pass adds a <meta>) is parsed afresh. Callers only read the trees; none may change one.
 */
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';

/** A bound on memory (a tree takes about 1 MB): past it, the oldest trees are dropped. */
const MAX_TREES = 1000;
const trees = new Map<string, Root>();

/** The parsed tree of `html`, shared with every other reader of the same text. */
export function parseBuiltHtml(html: string): Root {
  const known = trees.get(html);
  if (known) return known;
  const tree = fromHtml(html);
  trees.set(html, tree);
  if (trees.size > MAX_TREES) {
    const oldest = trees.keys().next().value;
    if (oldest !== undefined) trees.delete(oldest);
  }
  return tree;
}
