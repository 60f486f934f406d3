/**
 * The article figures the build has rendered, kept for their standalone files: the Mermaid plugin
 * records each figure as it renders it, and `/diagrams/<id>.svg` is written from the record, so the
 * build neither parses every article's MDX a second time to find the diagrams nor asks the cache
 * for them again.
 *
 * The record hangs on globalThis because Astro loads this module twice in one build: once with the
 * config, where the plugin runs while the pages are bundled, and once in the prerender bundle, where
 * the route runs afterwards. Both copies must see one record.
 */

export interface RenderedFigure {
  id: string;
  /** The article, relative to the project, and the line of the diagram's opening fence. */
  file: string;
  line: number;
  title: string;
  description: string;
  /** The diagram as the renderer returned it (colourless SVG, ids prefixed). */
  svg: string;
}

const KEY = Symbol.for('cde.renderedFigures');

function record(): Map<string, RenderedFigure> {
  const holder = globalThis as { [KEY]?: Map<string, RenderedFigure> };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/**
 * Records a rendered figure. A file rendered again replaces its figures; an id that another file
 * already uses fails, naming both places, since every figure id is a URL of its own.
 */
export function recordFigure(figure: RenderedFigure): void {
  const known = record().get(figure.id);
  if (known && known.file !== figure.file) {
    throw new Error(
      `${figure.file}:${figure.line}: figure id "${figure.id}" is already used by ${known.file}:${known.line}. ` +
        'Give each figure its own id="fig-…": ids are unique on the site.',
    );
  }
  record().set(figure.id, figure);
}

/** Every figure recorded so far, by id. */
export function renderedFigures(): RenderedFigure[] {
  return [...record().values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Forgets every figure (for tests). */
export function forgetFigures(): void {
  record().clear();
}
