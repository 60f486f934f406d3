/**
 * remark-cited-sources: every external URL an article cites must be listed in its frontmatter's
 * `sources` (rule 1 of the developers' guide: each claim's primary source is on the page). It sees
 * every way MDX can write a link: `[text](url)`, reference-style `[text][ref]` with its
 * `[ref]: url`, a bare URL (GFM autolink), and JSX `<a href="url">`. A citation of a listed page's
 * section (`url#part`) counts as that page. It also refuses a link no reader should get: one to
 * another site without its scheme (`//host/x`, which the portable build opened from the disk would
 * send to file://, and which would slip past the sources), and one with a scheme other than https:,
 * http: or mailto: (`javascript:`, `data:`, `file:`). Fails the build with every problem, each with
 * its file and line.
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
/** A URL with a scheme (`javascript:`, `https:`); anything else is a path, relative or on this site. */
const SCHEME = /^\s*([a-z][a-z0-9+.-]*):/i;
/** Schemes an article may link with. */
const LINK_SCHEMES = ['http', 'https', 'mailto'];

/** Every URL the tree links to, in any link syntax and document order, with its line. */
export function linksIn(tree: Root): Citation[] {
  const definitions = new Map<string, string>();
  visit(tree, 'definition', (node: Definition) => {
    definitions.set(node.identifier.toLowerCase(), node.url);
  });
  const found: Citation[] = [];
  const add = (url: string | undefined, node: Node) => {
    if (url) found.push({ url, line: node.position?.start.line ?? 0 });
  };
  visit(tree, (node: Node) => {
    if (node.type === 'link') add((node as Link).url, node);
    else if (node.type === 'linkReference')
      add(definitions.get((node as LinkReference).identifier.toLowerCase()), node);
    else if (isJsxElement(node)) add(stringAttribute(node, 'href'), node);
  });
  return found;
}

/** Every external URL the tree links to, in document order, with its line. */
export function citationsIn(tree: Root): Citation[] {
  return linksIn(tree).filter(({ url }) => EXTERNAL.test(url));
}

/** Why a link must not ship, as `<what>. Fix: <how>`, or undefined when it may. */
export function linkProblem(url: string): string | undefined {
  // Browsers read `/\host` as `//host`, another site.
  if (/^\s*[/\\]{2}/.test(url)) {
    return (
      `${url} links to another site without its scheme, so opened from the disk (the portable build) it points ` +
      "at file://, and the sources check cannot see it. Fix: write the full https:// address and list it in the frontmatter's sources."
    );
  }
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined || LINK_SCHEMES.includes(scheme)) return undefined;
  return (
    `${url} is a ${scheme}: link, which readers cannot follow safely (an article links with https:, http:, ` +
    'mailto: or a path on this site). Fix: link to the page you mean, or write the text without a link.'
  );
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
    const where = authoredFile(file);
    const found = [
      ...linksIn(tree).flatMap(({ url, line }) => {
        const problem = linkProblem(url);
        return problem === undefined ? [] : [{ line, message: `${where}:${line}: ${problem}` }];
      }),
      ...unlistedCitations(citationsIn(tree), listed).map((citation) => ({
        line: citation.line,
        message: describeUnlisted(where, [citation]),
      })),
    ].sort((a, b) => a.line - b.line);
    if (found.length > 0) throw new AuthorError(found.map(({ message }) => message).join('\n'), found[0]?.line);
  };
}
