/**
 * /diagrams/<fig-id>.svg: the standalone file of every article figure (issue 3, item 7), light theme,
 * styles inlined, linked from each figure's caption. Built from the same cache as the inline figures.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import diagramsCss from '../../styles/diagrams.css?raw';
import { sharedCachedRenderer } from '../../diagrams/cache.ts';
import { ARTICLES_DIR, scanDiagrams, type FoundDiagram } from '../../diagrams/scan.ts';
import { standaloneCss, standaloneSvg } from '../../diagrams/standalone.ts';

/** The light palette's rules, resolved once for every diagram. */
const css = standaloneCss(diagramsCss);

export const getStaticPaths = (() =>
  scanDiagrams()
    .filter((diagram) => diagram.file.startsWith(`${ARTICLES_DIR}/`))
    .map((diagram) => ({ params: { id: diagram.id }, props: { diagram } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ diagram: FoundDiagram }> = async ({ props: { diagram } }) => {
  const origin = `${diagram.file}:${diagram.line}`;
  const [result] = await sharedCachedRenderer().render([{ source: diagram.source, origin }]);
  if (!result?.ok) throw new Error(`${origin}: the diagram did not render${result ? `: ${result.message}` : ''}.`);
  const svg = standaloneSvg({
    id: diagram.id,
    title: diagram.title ?? '',
    description: diagram.description ?? '',
    svg: result.svg,
    css,
  });
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
