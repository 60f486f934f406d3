/**
 * /diagrams/<fig-id>.svg: the standalone file of every article figure, light theme, styles inlined,
 * linked from each figure's caption. In a build, the figures are those the Mermaid plugin rendered
 * into the articles (src/diagrams/rendered-figures.ts), SVG included; the dev server, which compiles
 * an article only when it is asked for, finds them by reading the articles instead.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import diagramsCss from '../../styles/diagrams.css?raw';
import { sharedCachedRenderer } from '../../diagrams/cache.ts';
import { renderedFigures, type RenderedFigure } from '../../diagrams/rendered-figures.ts';
import { ARTICLES_DIR, scanDiagrams } from '../../diagrams/scan.ts';
import { standaloneCss, standaloneSvg } from '../../diagrams/standalone.ts';

/** The light palette's rules, resolved once for every diagram. */
const css = standaloneCss(diagramsCss);

/** The dev server's figures: every diagram of the articles, rendered from the cache. */
async function scannedFigures(): Promise<RenderedFigure[]> {
  const diagrams = scanDiagrams().filter((diagram) => diagram.file.startsWith(`${ARTICLES_DIR}/`));
  const results = await sharedCachedRenderer().render(
    diagrams.map((diagram) => ({ source: diagram.source, origin: `${diagram.file}:${diagram.line}` })),
  );
  return diagrams.map((diagram, index) => {
    const result = results[index];
    const origin = `${diagram.file}:${diagram.line}`;
    if (!result?.ok) throw new Error(`${origin}: the diagram did not render${result ? `: ${result.message}` : ''}.`);
    const { id, file, line, title = '', description = '' } = diagram;
    return { id, file, line, title, description, svg: result.svg };
  });
}

export const getStaticPaths = (async () =>
  (import.meta.env.DEV ? await scannedFigures() : renderedFigures()).map((figure) => ({
    params: { id: figure.id },
    props: { figure },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ figure: RenderedFigure }> = ({ props: { figure } }) =>
  new Response(standaloneSvg({ ...figure, css }), { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
