/**
 * rehype-term-first-use: fails the build when an article uses a glossary term before the place
 * where it links the term (`<Term id>`), naming the file, the early use's line and the link's
 * (issue 16, "terms before use"; the rule is in src/plugins/term-first-use.ts). Headings, code,
 * figures and links to other pages are not prose uses: a heading cannot carry the link well, and a
 * link already points somewhere that explains.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { parse } from 'yaml';
import { checkTermFirstUse, type GlossaryNames, type ProseRun } from './term-first-use.ts';
import { authoredFile } from './mdx-source.ts';

/** The parts of a hast or MDX node this reads. */
interface TreeNode {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
  children?: TreeNode[];
}

/** Elements whose text is not a prose use of a term. */
const NOT_PROSE = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'code', 'figure', 'a', 'svg']);

function textOf(node: TreeNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** The page's prose as runs of text in document order, `<Term>` texts marked with their id. */
export function proseRuns(tree: Root): ProseRun[] {
  const runs: ProseRun[] = [];
  const walk = (node: TreeNode, line: number): void => {
    const here = node.position?.start.line ?? line;
    if (node.type === 'text') {
      runs.push({ text: node.value ?? '', line: here });
      return;
    }
    if (node.type === 'element' && node.tagName && NOT_PROSE.has(node.tagName)) return;
    if (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') {
      if (node.name === 'Term') {
        const id = node.attributes?.find((attribute) => attribute.name === 'id')?.value;
        runs.push({ text: textOf(node), term: typeof id === 'string' ? id : undefined, line: here });
        return;
      }
    } else if (node.type !== 'element' && node.type !== 'root') {
      // Expressions, ESM, comments, doctype: no prose.
      return;
    }
    for (const child of node.children ?? []) walk(child, here);
  };
  walk(tree as TreeNode, 1);
  return runs;
}

/** The glossary's names, read from its YAML file (the collection's schema has validated it). */
export function readGlossaryNames(file = 'content/glossary.yaml'): GlossaryNames[] {
  const entries = parse(readFileSync(file, 'utf8')) as GlossaryNames[];
  return entries.map(({ id, term, aliases, commonWord }) => ({ id, term, aliases: aliases ?? [], commonWord }));
}

/**
 * The glossary of the site a page belongs to: the `content/glossary.yaml` of the nearest folder
 * above the page that has one (content/articles/x.mdx and content/pages/x.mdx both find
 * content/glossary.yaml; a fixture site's pages find the fixture's glossary, not the real one).
 * Falls back to the working folder's.
 */
export function glossaryFileFor(page: string | undefined): string {
  if (page) {
    let dir = path.dirname(path.resolve(page));
    for (;;) {
      const candidate = path.join(dir, 'content', 'glossary.yaml');
      if (existsSync(candidate)) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return 'content/glossary.yaml';
}

/** The rehype plugin: throws with every early use in the file at once. */
export function rehypeTermFirstUse(options: { glossary?: readonly GlossaryNames[] } = {}) {
  const glossaries = new Map<string, readonly GlossaryNames[]>();
  return (tree: Root, file: VFile): void => {
    let glossary = options.glossary;
    if (!glossary) {
      const source = glossaryFileFor(file.path);
      glossary = glossaries.get(source) ?? readGlossaryNames(source);
      glossaries.set(source, glossary);
    }
    const name = authoredFile(file);
    const problems = checkTermFirstUse(proseRuns(tree), glossary);
    if (problems.length > 0) {
      throw new Error(problems.map((problem) => `${name}:${problem.line}: ${problem.message}`).join('\n'));
    }
  };
}
