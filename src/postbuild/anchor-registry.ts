import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { parseBuiltHtml } from './html-tree.ts';

/**
 * The anchor registry: every published URL (base path removed, e.g. `/articles/replication/`)
 * with the anchors on it that readers and other sites may link to. It is committed as
 * content/anchors.json; the build compares the built site with it, so a published URL or anchor
 * cannot disappear unnoticed.
 */
export type AnchorRegistry = Record<string, string[]>;

/** One built page as the registry sees it. */
export interface BuiltPage {
  /** URL path without the base, e.g. `/articles/replication/`. */
  path: string;
  anchors: string[];
  /** Set when the page is a redirect: the path (without the base) it sends readers to. */
  redirectTo?: string | undefined;
}

export type AnchorProblem =
  | { kind: 'lost-page'; path: string }
  | { kind: 'lost-anchor'; path: string; anchor: string }
  | { kind: 'broken-redirect'; path: string; target: string }
  | { kind: 'new-page'; path: string }
  | { kind: 'new-anchor'; path: string; anchor: string };

/** Elements whose id is a permanent anchor: headings, figures, glossary terms, and aliases. */
const ANCHOR_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'dt']);

/**
 * Reads a built page: its permanent anchors (ids of h2-h6, figures, `dt`, alias elements marked
 * `data-anchor-alias`, and the items that keep a moved section's anchor, `data-cde-moved`), and whether it is a redirect page (a meta refresh), with its target.
 * Ids starting with `cde-` belong to components (the search dialog's title, a navigation label)
 * and are not anchors readers link to.
 */
export function readBuiltPage(path: string, html: string, base = '/'): BuiltPage {
  const tree: Root = parseBuiltHtml(html);
  const anchors = new Set<string>();
  let redirectTo: string | undefined;
  visit(tree, 'element', (node: Element) => {
    const id = node.properties['id'];
    if (typeof id === 'string' && id !== '' && !id.startsWith('cde-')) {
      const { dataAnchorAlias, dataCdeMoved } = node.properties;
      if (ANCHOR_TAGS.has(node.tagName) || dataAnchorAlias !== undefined || dataCdeMoved !== undefined) anchors.add(id);
    }
    if (node.tagName === 'meta' && String(node.properties['httpEquiv']).toLowerCase() === 'refresh') {
      const url = /url=(.+)$/i.exec(String(node.properties['content'] ?? ''))?.[1]?.trim();
      if (url) redirectTo = stripBase(new URL(url, `http://site${base}`).pathname, base);
    }
  });
  return { path, anchors: [...anchors].sort(), redirectTo };
}

/** `/nested/path/articles/x/` with base `/nested/path/` is `/articles/x/`. */
export function stripBase(path: string, base: string): string {
  const prefix = base.replace(/\/$/, '');
  return prefix !== '' && path.startsWith(prefix + '/') ? path.slice(prefix.length) : path;
}

/**
 * Compares the registry with the built site. A registered page must still be built, or redirect
 * to a page that is; each of its anchors must be on that page (a redirect page carries the
 * `#anchor` over to its target). Built pages and anchors missing from the registry are reported
 * as new, so the registry is updated (npm run anchors:update) when they are published.
 */
export function compareRegistry(registry: AnchorRegistry, pages: readonly BuiltPage[]): AnchorProblem[] {
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const problems: AnchorProblem[] = [];
  for (const [path, anchors] of Object.entries(registry)) {
    const page = byPath.get(path);
    if (!page) {
      problems.push({ kind: 'lost-page', path });
      continue;
    }
    let target = page;
    if (page.redirectTo !== undefined) {
      const redirected = byPath.get(page.redirectTo);
      if (!redirected || redirected.redirectTo !== undefined) {
        problems.push({ kind: 'broken-redirect', path, target: page.redirectTo });
        continue;
      }
      target = redirected;
    }
    const present = new Set(target.anchors);
    for (const anchor of anchors) {
      if (!present.has(anchor)) problems.push({ kind: 'lost-anchor', path, anchor });
    }
  }
  for (const page of pages) {
    if (page.redirectTo !== undefined) continue;
    const registered = registry[page.path];
    if (!registered) {
      problems.push({ kind: 'new-page', path: page.path });
      continue;
    }
    const known = new Set(registered);
    for (const anchor of page.anchors) {
      if (!known.has(anchor)) problems.push({ kind: 'new-anchor', path: page.path, anchor });
    }
  }
  return problems;
}

/** Problems that break published links; new pages and anchors only need the registry updated. */
export function isBreaking(problem: AnchorProblem): boolean {
  return problem.kind === 'lost-page' || problem.kind === 'lost-anchor' || problem.kind === 'broken-redirect';
}

/**
 * The registry for a built site: every page with its anchors. A redirect page keeps the anchors
 * the old registry had for it, since its target still answers them.
 */
export function registryFromPages(pages: readonly BuiltPage[], previous: AnchorRegistry = {}): AnchorRegistry {
  const registry: AnchorRegistry = {};
  for (const page of pages) {
    registry[page.path] = page.redirectTo !== undefined ? [...(previous[page.path] ?? [])] : [...page.anchors];
  }
  return sortRegistry(registry);
}

/** Sorted by path, anchors sorted: the committed file's stable order. */
export function sortRegistry(registry: AnchorRegistry): AnchorRegistry {
  return Object.fromEntries(
    Object.keys(registry)
      .sort()
      .map((path) => [path, [...new Set(registry[path])].sort()]),
  );
}

export function serializeRegistry(registry: AnchorRegistry): string {
  return `${JSON.stringify(sortRegistry(registry), null, 2)}\n`;
}

/** Parses content/anchors.json, refusing anything but `{ "/path/": ["anchor", ...] }`. */
export function parseRegistry(text: string, file = 'content/anchors.json'): AnchorRegistry {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${file} is not valid JSON (${(error as Error).message}). Run npm run anchors:update to rewrite it.`,
      { cause: error },
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${file} must be an object of URL paths to lists of anchors.`);
  }
  for (const [path, anchors] of Object.entries(data)) {
    if (!path.startsWith('/') || !Array.isArray(anchors) || anchors.some((anchor) => typeof anchor !== 'string')) {
      throw new Error(`${file}: "${path}" must be a root-relative path with a list of anchor names.`);
    }
  }
  return data as AnchorRegistry;
}

/** Where the page's content comes from, for messages: an article's .mdx file, else the page. */
export function sourceOf(path: string): string {
  const article = /^\/articles\/([^/]+)\/$/.exec(path)?.[1];
  if (article) return `content/articles/${article}.mdx`;
  if (path === '/glossary/') return 'content/glossary.yaml';
  return `the page ${path}`;
}

/** One problem as a sentence that names the page, the anchor and the fix. */
export function describeProblem(problem: AnchorProblem): string {
  switch (problem.kind) {
    case 'lost-anchor': {
      const url = `${problem.path}#${problem.anchor}`;
      const source = sourceOf(problem.path);
      const fix = source.startsWith('content/articles/')
        ? `add "anchorAliases: { ${problem.anchor}: <new-id> }" to the frontmatter of ${source}`
        : source === 'content/glossary.yaml'
          ? `add "formerIds: [${problem.anchor}]" to the renamed entry in ${source}`
          : `add <span id="${problem.anchor}" data-anchor-alias></span> where that content now is`;
      return (
        `Anchor removed: ${url} is published (content/anchors.json) but no longer on the page. ` +
        `Links to it would break. Restore the id, or ${fix} so the old link lands on the new place.` +
        (source.startsWith('content/articles/')
          ? ` If the section moved to another article, add "movedAnchors: { ${problem.anchor}: /articles/<slug>/#<id> }" instead.`
          : '')
      );
    }
    case 'lost-page':
      return (
        `Page removed: ${problem.path} is published (content/anchors.json) but no longer built. ` +
        `Links to it would break. Restore it, or add a redirect to content/redirects.json: "${problem.path}": "/new/path/".`
      );
    case 'broken-redirect':
      return `Redirect broken: ${problem.path} redirects to ${problem.target}, which is not a page of the site. Point it at a built page.`;
    case 'new-page':
      return `New page: ${problem.path} is not in content/anchors.json yet.`;
    case 'new-anchor':
      return `New anchor: ${problem.path}#${problem.anchor} is not in content/anchors.json yet.`;
  }
}
