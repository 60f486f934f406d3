import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isExternalHref } from '../site/urls.ts';

export interface ExternalLinksOptions {
  /** Screen-reader text appended to each external link. */
  label?: string;
}

/**
 * Marks links that leave the site: a class for the visual marker, `rel="external"`, and
 * screen-reader text, so every reader knows before following it. Links stay plain links in the
 * same tab (WCAG 3.2.5 advises against surprise new windows).
 */
export function rehypeExternalLinks(options: ExternalLinksOptions = {}) {
  const label = options.label ?? '(external link)';
  return (tree: Root): void => {
    markExternalLinks(tree, label);
  };
}

/** The transform itself, exported so tests can call it on a tree directly. */
export function markExternalLinks(tree: Root, label = '(external link)'): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'a') return;
    const href = node.properties['href'];
    if (typeof href !== 'string' || !/^https?:\/\//.test(href) || !isExternalHref(href)) return;
    const classes = Array.isArray(node.properties['className']) ? node.properties['className'] : [];
    node.properties['className'] = [...classes, 'cde-external'];
    node.properties['rel'] = ['external'];
    node.children.push({
      type: 'element',
      tagName: 'span',
      properties: { className: ['cde-sr-only'] },
      children: [{ type: 'text', value: ` ${label}` }],
    });
  });
}
