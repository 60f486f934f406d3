/**
 * rehype-mermaid-figures: turns fenced ```mermaid blocks into accessible, themed inline-SVG figures
 * at build time, so readers' browsers run no Mermaid and every figure has its text alternative.
 *
 * Authoring (see docs/DIAGRAMS.md, "Writing one"):
 *
 *   ```mermaid id="fig-primary-two-replicas" caption="A primary streams its WAL to two replicas."
 *   flowchart LR
 *     accTitle: Primary with two replicas
 *     accDescr: Clients send writes to the primary, which streams WAL to replica 1 and replica 2.
 *     C[Clients] --> P[(Primary)]
 *   ```
 *
 * The transform is a pure function of the tree and an injected DiagramRenderer: it collects every
 * diagram of the file, validates them all (reporting every problem at once), renders them in one
 * call, then replaces each `<pre><code class="language-mermaid">` with a `<figure>`.
 * The default renderer reads the committed cache and batches misses across files into one
 * Chromium session (src/diagrams/cache.ts), so a build with a full cache starts no browser.
 */
import path from 'node:path';
import type { Element, Parents, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { buildFigure } from '../diagrams/figure.ts';
import type { DiagramRenderer, RenderRequest } from '../diagrams/renderer.ts';
import { recordFigure } from '../diagrams/rendered-figures.ts';
import {
  ALLOWED_DIAGRAM_TYPES,
  FIGURE_ID_PATTERN,
  diagramType,
  figureId,
  findForbiddenDirective,
  parseMeta,
  readAccessibility,
} from '../diagrams/mermaid-source.ts';

export interface RehypeMermaidFiguresOptions {
  /** Renders the diagrams; defaults to the cache-backed Chromium renderer of the build. */
  renderer?: DiagramRenderer;
  /** URL of a figure's standalone SVG file. Default: `/diagrams/<id>.svg`. */
  standaloneHref?: (id: string) => string;
}

export interface TransformOptions {
  renderer: DiagramRenderer;
  standaloneHref: (id: string) => string;
  /** The file named in error messages, relative to the project. */
  fileName: string;
}

interface Block {
  parent: Parents;
  pre: Element;
  source: string;
  /** Line of the opening fence in the file (the diagram's line 1 is the next one). */
  fenceLine: number;
  id: string;
  caption: string;
  title: string;
  description: string;
}

export const defaultStandaloneHref = (id: string): string => `/diagrams/${id}.svg`;

/** The `<code class="language-mermaid">` inside a `<pre>`, if that is what the element is. */
function mermaidCode(pre: Element): Element | undefined {
  if (pre.tagName !== 'pre') return undefined;
  const [code, ...rest] = pre.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
  if (rest.length > 0 || code?.type !== 'element' || code.tagName !== 'code') return undefined;
  const classes = code.properties['className'];
  return Array.isArray(classes) && classes.includes('language-mermaid') ? code : undefined;
}

/** The fence's meta string: MDX/mdast-util-to-hast put it in `data.meta`, older tools in `metastring`. */
function metaOf(code: Element, pre: Element): string | undefined {
  const fromData = (code.data as { meta?: unknown } | undefined)?.meta;
  if (typeof fromData === 'string') return fromData;
  for (const candidate of [code.properties['metastring'], pre.properties['metastring'], pre.properties['dataMeta']]) {
    if (typeof candidate === 'string') return candidate;
  }
  return undefined;
}

/** Collects and validates every Mermaid block of a tree; throws one error listing all problems. */
function collectBlocks(tree: Root, fileName: string): Block[] {
  const blocks: Block[] = [];
  const problems: string[] = [];
  const seenIds = new Map<string, number>();

  visit(tree, 'element', (pre, _index, parent) => {
    const code = mermaidCode(pre);
    if (!code || !parent) return;
    const source = toString(code).replace(/\n$/, '');
    const fenceLine = pre.position?.start.line ?? code.position?.start.line ?? 0;
    const at = `${fileName}:${fenceLine}`;
    const meta = parseMeta(metaOf(code, pre));
    const problemsBefore = problems.length;

    const type = diagramType(source);
    if (!type || !(ALLOWED_DIAGRAM_TYPES as readonly string[]).includes(type)) {
      problems.push(
        `${at}: Mermaid diagram type "${type ?? ''}" is not supported. ` +
          'Start the diagram with flowchart, sequenceDiagram or stateDiagram-v2.',
      );
    }
    const forbidden = findForbiddenDirective(source);
    if (forbidden) {
      problems.push(
        `${fileName}:${fenceLine + forbidden.line}: ${forbidden.directive} is not allowed in diagrams ` +
          `(diagram line ${forbidden.line}). Remove it: colours and styles come from the site's diagram palette.`,
      );
    }
    const { title, description } = readAccessibility(source);
    if (!title) {
      problems.push(
        `${at}: Mermaid diagram has no accTitle. Add a line such as "accTitle: Primary with two replicas" ` +
          "below the diagram type; it is the figure's accessible name.",
      );
    }
    if (!description) {
      problems.push(
        `${at}: Mermaid diagram has no accDescr. Add a line such as "accDescr: Clients send writes to the ` +
          'primary, which streams WAL to two replicas." below accTitle; screen readers read it instead of the drawing.',
      );
    }
    const id = figureId(meta['id'], title ?? '');
    if (title && !FIGURE_ID_PATTERN.test(id)) {
      problems.push(
        `${at}: figure id "${id}" is not valid. Use "fig-" and lower-case words joined by hyphens, ` +
          'for example id="fig-primary-two-replicas".',
      );
    }
    const firstUse = seenIds.get(id);
    if (title && firstUse !== undefined) {
      problems.push(
        `${at}: figure id "${id}" is already used by the diagram at line ${firstUse}. ` +
          'Give each figure its own id="fig-…".',
      );
    }
    seenIds.set(id, fenceLine);
    if (problems.length > problemsBefore || !title || !description) return;

    blocks.push({ parent, pre, source, fenceLine, id, caption: meta['caption'] ?? title, title, description });
  });

  if (problems.length > 0) throw new Error(problems.join('\n'));
  return blocks;
}

/** Replaces every Mermaid block of `tree` with its figure. */
export async function transformMermaidFigures(tree: Root, options: TransformOptions): Promise<void> {
  const blocks = collectBlocks(tree, options.fileName);
  if (blocks.length === 0) return;

  const requests: RenderRequest[] = blocks.map((block) => ({
    source: block.source,
    origin: `${options.fileName}:${block.fenceLine}`,
  }));
  const results = await options.renderer.render(requests);

  const problems: string[] = [];
  for (const [index, block] of blocks.entries()) {
    const result = results[index];
    if (!result) throw new Error(`The diagram renderer returned no result for ${requests[index]?.origin ?? ''}.`);
    if (!result.ok) {
      problems.push(
        result.line === undefined
          ? `${options.fileName}:${block.fenceLine}: invalid Mermaid in the diagram starting at line ${block.fenceLine}: ${result.message}`
          : `${options.fileName}:${block.fenceLine + result.line}: invalid Mermaid in the diagram starting at line ` +
              `${block.fenceLine} (diagram line ${result.line}): ${result.message}`,
      );
      continue;
    }
    const figure = buildFigure({ ...block, svg: result.svg, standaloneHref: options.standaloneHref(block.id) });
    // The standalone file of the figure is written from this record (src/pages/diagrams/[id].svg.ts).
    const { id, fenceLine: line, title, description } = block;
    recordFigure({ id, file: options.fileName, line, title, description, svg: result.svg });
    const siblings = block.parent.children;
    siblings[siblings.indexOf(block.pre)] = figure;
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

/** The file's path for messages: relative to the working directory when inside it. */
export function displayName(file: Pick<VFile, 'path' | 'cwd'>): string {
  if (!file.path) return '<unknown file>';
  const relative = path.relative(file.cwd, file.path);
  return relative.startsWith('..') ? file.path : relative.split(path.sep).join('/');
}

/** The rehype plugin. */
export default function rehypeMermaidFigures(options: RehypeMermaidFiguresOptions = {}) {
  const standaloneHref = options.standaloneHref ?? defaultStandaloneHref;
  return async (tree: Root, file: VFile): Promise<void> => {
    const renderer = options.renderer ?? (await import('../diagrams/cache.ts')).sharedCachedRenderer();
    await transformMermaidFigures(tree, { renderer, standaloneHref, fileName: displayName(file) });
  };
}
