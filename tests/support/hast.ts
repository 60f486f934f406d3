import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

/** Parses an HTML fragment into a hast tree, as a rehype plugin would receive it. */
export function fragment(html: string): Root {
  return fromHtml(html, { fragment: true });
}

/** Runs a tree transform on an HTML fragment and returns the resulting HTML. */
export function transform(html: string, run: (tree: Root) => void): string {
  const tree = fragment(html);
  run(tree);
  return toHtml(tree);
}
