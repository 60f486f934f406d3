import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { elementUrls } from './file-urls.ts';
import { parseBuiltHtml } from './html-tree.ts';

/** What the checker needs to know of one built page. */
export interface PageLinks {
  /** The page's URL path, e.g. `/docs/articles/replication/`. */
  path: string;
  /** Every id (and `<a name>`) on the page: the anchors others may link to. */
  anchors: Set<string>;
  /** Every internal URL the page refers to (links, images and each srcset candidate, styles, scripts). */
  links: string[];
}

export interface BrokenLink {
  /** The page the link is on. */
  page: string;
  href: string;
  reason: 'missing page' | 'missing anchor';
}

/** Reads the anchors and internal links of one page of built HTML. */
export function readPageLinks(path: string, html: string): PageLinks {
  const tree: Root = parseBuiltHtml(html);
  const anchors = new Set<string>();
  const links: string[] = [];
  visit(tree, 'element', (node: Element) => {
    const id = node.properties['id'];
    if (typeof id === 'string') anchors.add(id);
    if (node.tagName === 'a' && typeof node.properties['name'] === 'string') anchors.add(node.properties['name']);
    // Canonical and alternate links point at the public origin, not at files in dist.
    for (const { url, role } of elementUrls(node)) if (role !== 'public' && isInternal(url)) links.push(url);
  });
  return { path, anchors, links };
}

function isInternal(href: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//');
}

/**
 * Finds links to pages or anchors that do not exist. `files` is the set of URL paths that exist
 * in the build (pages as `/x/`, other files as `/x.css`).
 */
export function findBrokenLinks(pages: PageLinks[], files: Set<string>): BrokenLink[] {
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    for (const href of page.links) {
      const target = new URL(href, `http://site${page.path}`);
      const path = decodeURIComponent(target.pathname);
      const targetPage = byPath.get(path) ?? byPath.get(path.endsWith('/') ? path : `${path}/`);
      if (!targetPage && !files.has(path)) {
        broken.push({ page: page.path, href, reason: 'missing page' });
        continue;
      }
      const anchor = decodeURIComponent(target.hash.slice(1));
      if (anchor !== '' && targetPage && !targetPage.anchors.has(anchor)) {
        broken.push({ page: page.path, href, reason: 'missing anchor' });
      }
    }
  }
  return broken;
}

/** The 1-based line of the first occurrence of `needle` in `text`, or undefined. */
export function lineOf(text: string, needle: string): number | undefined {
  const index = text.indexOf(needle);
  if (index < 0) return undefined;
  return text.slice(0, index).split('\n').length;
}
