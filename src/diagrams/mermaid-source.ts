/**
 * Reading a Mermaid block as an author wrote it: the fence's meta string, the accessibility
 * declarations, the diagram type, and the figure id. Pure functions, no Mermaid needed.
 */

/** Diagram types the site styles (docs/DIAGRAMS.md lists them); others would render unthemed. */
export const ALLOWED_DIAGRAM_TYPES = ['flowchart', 'graph', 'sequenceDiagram', 'stateDiagram-v2'] as const;

/** `id="fig-x" caption="A caption"` → { id: 'fig-x', caption: 'A caption' }. Quotes may be " or '. */
export function parseMeta(meta: string | undefined): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (!meta) return attributes;
  const pattern = /([A-Za-z][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"']+))/g;
  for (const match of meta.matchAll(pattern)) {
    const [, name, doubleQuoted, singleQuoted, bare] = match;
    if (name === undefined) continue;
    const raw = doubleQuoted ?? singleQuoted ?? bare ?? '';
    attributes[name] = raw.replace(/\\(["'\\])/g, '$1');
  }
  return attributes;
}

export interface Accessibility {
  title: string | undefined;
  description: string | undefined;
}

/**
 * Finds `accTitle: …` and `accDescr: …` (or the block form `accDescr { … }`), as Mermaid reads them.
 * Whitespace inside the block form is collapsed to single spaces.
 */
export function readAccessibility(source: string): Accessibility {
  // [ \t] rather than \s: an empty `accTitle:` must not swallow the next line.
  const title = /^[ \t]*accTitle[ \t]*:[ \t]*(.+?)[ \t]*$/m.exec(source)?.[1];
  const single = /^[ \t]*accDescr[ \t]*:[ \t]*(.+?)[ \t]*$/m.exec(source)?.[1];
  const block = /^\s*accDescr\s*\{([^}]*)\}/m.exec(source)?.[1];
  const description = single ?? (block === undefined ? undefined : block.replace(/\s+/g, ' ').trim());
  return { title: title?.trim() || undefined, description: description?.trim() || undefined };
}

/** The first word of the first line that is not blank, a comment or a front-matter/directive line. */
export function diagramType(source: string): string | undefined {
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('%%')) continue;
    return trimmed.split(/\s+/)[0];
  }
  return undefined;
}

/** GitHub-style slug: lower case, letters and digits kept, runs of anything else become one hyphen. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The author's id, or `fig-` + the slug of the accessible title. */
export function figureId(givenId: string | undefined, title: string): string {
  return givenId ?? `fig-${slugify(title)}`;
}

/** Figure ids are used in URLs, HTML ids and file names: `fig-` then lower-case words joined by hyphens. */
export const FIGURE_ID_PATTERN = /^fig-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Directives the site does not allow in diagrams: they would bring HTML, scripts or inline colours
 * that bypass the themed palette. Returns the 1-based line of the first offending line and the
 * directive, or undefined.
 */
export function findForbiddenDirective(source: string): { line: number; directive: string } | undefined {
  const lines = source.split('\n');
  for (const [index, line] of lines.entries()) {
    const match = /^\s*(click|style|classDef|linkStyle|class|callback|href)\b/.exec(line);
    if (match?.[1]) return { line: index + 1, directive: match[1] };
    if (/^\s*%%\{/.test(line)) return { line: index + 1, directive: '%%{init}%% configuration' };
    if (/<[a-zA-Z/][^>]*>/.test(line)) return { line: index + 1, directive: 'HTML in a label' };
  }
  return undefined;
}
