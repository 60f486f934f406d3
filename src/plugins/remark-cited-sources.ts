/**
 * remark-cited-sources: every external URL an article cites must be listed in its frontmatter's
 * `sources` (rule 1 of the developers' guide: each claim's primary source is on the page). It sees
 * every way MDX can write a link: `[text](url)`, reference-style `[text][ref]` with its
 * `[ref]: url`, a bare URL (GFM autolink), and JSX `<a href="url">`. A citation of a listed page's
 * section (`url#part`) counts as that page. Fails the build with every unlisted URL, each with its
 * file and line.
 */
import type { Definition, Link, LinkReference, Root } from 'mdast';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { AuthorError } from '../loaders/author-error.ts';
import { authoredFile, isJsxElement, stringAttribute } from './mdx-source.ts';

export interface Citation {
  url: string;
  line: number;
}

const EXTERNAL = /^https?:\/\//i;

/** Every external URL the tree links to, in document order, with its line. */
export function citationsIn(tree: Root): Citation[] {
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => {
    definitions.set(node.identifier.toLowerCase(), node.url);
  });
  const found: Citation[] = [];
  const add = (url: string | undefined, node: Node) => {
    if (url && EXTERNAL.test(url)) found.push({ url, line: node.position?.start.line ?? 0 });
  };
  visit(tree, (node: Node) => {
    if (node.type === 'link') add((node as Link).url, node);
    else if (node.type === 'linkReference')
      add(definitions.get((node as LinkReference).identifier.toLowerCase()), node);
    else if (isJsxElement(node)) add(stringAttribute(node, 'href'), node);
  });
  return found;
}

/** The citations whose URL (or the URL without its #fragment) is not among `listed`. */
export function unlistedCitations(citations: readonly Citation[], listed: readonly string[]): Citation[] {
  const known = new Set(listed);
  return citations.filter(({ url }) => !known.has(url) && !known.has(url.replace(/#.*$/, '')));
}

/** The messages for unlisted citations in `file`. */
export function describeUnlisted(file: string, unlisted: readonly Citation[]): string {
  return unlisted
    .map(
      ({ url, line }) =>
        `${file}:${line}: ${url} is cited but not listed in sources. Fix: add it to the frontmatter's sources ` +
        '(title and url), or cite the exact URL of a listed source.',
    )
    .join('\n');
}

/** The remark plugin: applies to articles (files with `sources` in their frontmatter). */
export function remarkCitedSources() {
  return (tree: Root, file: VFile): void => {
    const frontmatter = (file.data as { astro?: { frontmatter?: { sources?: unknown } } }).astro?.frontmatter;
    const sources = frontmatter?.sources;
    if (!Array.isArray(sources)) return;
    const listed = sources.map((source: { url?: unknown }) => String(source?.url ?? ''));
    const unlisted = unlistedCitations(citationsIn(tree), listed);
    if (unlisted.length > 0) throw new AuthorError(describeUnlisted(authoredFile(file), unlisted), unlisted[0]?.line);
  };
}
