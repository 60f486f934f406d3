/**
 * remark-component-lines: gives each use of the components that check their props at build time
 * (`<Term>`, `<ConfigFile>`, `<FailoverSimulator>`) an `authoredAt="content/articles/x.mdx:12"`
 * prop, so that their errors name the article's line rather than only the page.
 */
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { authoredFile, isJsxElement } from './mdx-source.ts';

/** The components that read `authoredAt` for their messages. */
export const LINE_AWARE_COMPONENTS = new Set(['Term', 'ConfigFile', 'FailoverSimulator']);

/** The transform itself: adds `authoredAt` to every element of LINE_AWARE_COMPONENTS in `tree`. */
export function addComponentLines(tree: Root, fileName: string): void {
  visit(tree, (node: Node) => {
    if (!isJsxElement(node) || !node.name || !LINE_AWARE_COMPONENTS.has(node.name)) return;
    if (node.attributes.some((attribute) => attribute.name === 'authoredAt')) return;
    const line = node.position?.start.line;
    node.attributes.push({
      type: 'mdxJsxAttribute',
      name: 'authoredAt',
      value: line ? `${fileName}:${line}` : fileName,
    });
  });
}

export function remarkComponentLines() {
  return (tree: Root, file: VFile): void => {
    addComponentLines(tree, authoredFile(file));
  };
}
