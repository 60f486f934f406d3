import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { selfLink } from './self-link.ts';

type Parent = { children: RootContent[] };

/** Headings that get a self-link: the ones the table of contents lists. */
const LINKED_HEADINGS = new Set(['h2', 'h3']);

export interface HeadingLinksOptions {
  /** Words read by screen readers before the heading text. */
  label?: string;
}

/**
 * Gives every h2/h3 a stable id (GitHub-style slug of its text, the same slugger Astro uses, so
 * the ids match `getHeadings()`) and an accessible self-link.
 *
 * The link is a sibling of the heading inside a wrapper, not a child: Astro collects heading
 * text for the table of contents from the heading's subtree, so a child link would leak its
 * screen-reader text into every TOC entry.
 */
export function rehypeHeadingLinks(options: HeadingLinksOptions = {}) {
  const label = options.label ?? 'Link to section';
  return (tree: Root): void => {
    addHeadingLinks(tree, label);
  };
}

/** The transform itself, exported so tests can call it on a tree directly. */
export function addHeadingLinks(tree: Root, label = 'Link to section'): void {
  const slugger = new GithubSlugger();
  const visit = (parent: Parent): void => {
    parent.children = parent.children.flatMap((child): RootContent[] => {
      if (child.type !== 'element' || !/^h[1-6]$/.test(child.tagName)) {
        // MDX components (mdxJsxFlowElement) can hold headings too, so walk every parent.
        if ('children' in child) visit(child as Parent);
        return [child];
      }
      const text = toString(child).trim();
      const existing = child.properties['id'];
      // Keep author-given ids, but register them so later slugs never collide with them.
      const id = typeof existing === 'string' && existing !== '' ? existing : slugger.slug(text);
      if (id === existing) slugger.slug(existing);
      child.properties['id'] = id;
      if (!LINKED_HEADINGS.has(child.tagName)) return [child];
      return [wrapHeading(child, id, text, label)];
    });
  };
  visit(tree);
}

function wrapHeading(heading: Element, id: string, text: string, label: string): Element {
  const link = selfLink(id, label, text);
  const children: ElementContent[] = [heading, link];
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['cde-heading', `cde-heading--${heading.tagName}`] },
    children,
  };
}
