/**
 * Finds every diagram of the site without running Astro: the ```mermaid blocks of the articles
 * (parsed as MDX, like the build does) and the diagram set in `content/diagrams/*.mmd`.
 * Used by `npm run diagrams`, the cache check, the benchmark and the standalone SVG files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Code, Root } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { figureId, parseMeta, readAccessibility } from './mermaid-source.ts';

export interface FoundDiagram {
  /** Project-relative file, with forward slashes. */
  file: string;
  /** Line of the opening fence (1 for a .mmd file). */
  line: number;
  source: string;
  id: string;
  title: string | undefined;
  description: string | undefined;
  caption: string | undefined;
}

export const ARTICLES_DIR = 'content/articles';
export const DIAGRAM_SET_DIR = 'content/diagrams';

function listFiles(dir: string, extensions: readonly string[]): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extensions.some((extension) => entry.name.endsWith(extension)))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Blanks the YAML front matter but keeps its line breaks, so the body parses as MDX (which knows no
 * front matter) and every line number stays the file's.
 */
export function blankFrontMatter(text: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---(?=\r?\n|$)/.exec(text);
  return match ? match[0].replace(/[^\n]/g, '') + text.slice(match[0].length) : text;
}

/** The Mermaid blocks of one Markdown/MDX text. */
export function diagramsInMarkdown(text: string, file: string, mdx = file.endsWith('.mdx')): FoundDiagram[] {
  const processor = mdx ? unified().use(remarkParse).use(remarkMdx) : unified().use(remarkParse);
  let tree: Root;
  try {
    tree = processor.parse(blankFrontMatter(text)) as Root;
  } catch (error) {
    throw new Error(`${file}: cannot parse as ${mdx ? 'MDX' : 'Markdown'}: ${String(error)}`, { cause: error });
  }
  const found: FoundDiagram[] = [];
  visit(tree, 'code', (node: Code) => {
    if (node.lang !== 'mermaid') return;
    const meta = parseMeta(node.meta ?? undefined);
    const { title, description } = readAccessibility(node.value);
    found.push({
      file,
      line: node.position?.start.line ?? 0,
      source: node.value,
      id: figureId(meta['id'], title ?? ''),
      title,
      description,
      caption: meta['caption'],
    });
  });
  return found;
}

/** A diagram of the set: the whole file is the source, its id is `fig-` + the file name. */
export function diagramInSetFile(text: string, file: string): FoundDiagram {
  const { title, description } = readAccessibility(text);
  return {
    file,
    line: 1,
    source: text,
    id: `fig-${path.basename(file, '.mmd')}`,
    title,
    description,
    caption: undefined,
  };
}

/** Every diagram under `root` (the project directory). */
export function scanDiagrams(root: string = process.cwd()): FoundDiagram[] {
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const articles = listFiles(path.join(root, ARTICLES_DIR), ['.md', '.mdx']).flatMap((file) =>
    diagramsInMarkdown(readFileSync(file, 'utf8'), relative(file)),
  );
  const set = listFiles(path.join(root, DIAGRAM_SET_DIR), ['.mmd']).map((file) =>
    diagramInSetFile(readFileSync(file, 'utf8'), relative(file)),
  );
  return [...articles, ...set];
}

/** Figure ids used by more than one article diagram (ids must be unique on the site). */
export function duplicateFigureIds(diagrams: readonly FoundDiagram[]): Map<string, FoundDiagram[]> {
  const byId = new Map<string, FoundDiagram[]>();
  for (const diagram of diagrams) {
    if (!diagram.file.startsWith(`${ARTICLES_DIR}/`)) continue;
    byId.set(diagram.id, [...(byId.get(diagram.id) ?? []), diagram]);
  }
  return new Map([...byId].filter(([, uses]) => uses.length > 1));
}
