/**
 * /diagrams/<fig-id>.svg: the standalone file of every article figure (issue 3, item 7), light theme,
 * styles inlined, linked from each figure's caption. Built from the same cache as the inline figures.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import diagramsCss from '../../styles/diagrams.css?raw';
import { sharedCachedRenderer } from '../../diagrams/cache.ts';
import {
  ARTICLES_DIR,
  describeDuplicateFigureIds,
  diagramsInMarkdown,
  duplicateFigureIds,
  type FoundDiagram,
} from '../../diagrams/scan.ts';
import { AuthorError } from '../../loaders/author-error.ts';
import { standaloneCss, standaloneSvg } from '../../diagrams/standalone.ts';

/** The light palette's rules, resolved once for every diagram. */
const css = standaloneCss(diagramsCss);

// The articles of the site being built (Vite resolves `/` to the project root, also for fixture sites).
const articles = import.meta.glob<string>('/content/articles/**/*.{md,mdx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const getStaticPaths = (() => {
  const diagrams = Object.entries(articles)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([file, text]) => diagramsInMarkdown(text, file.replace(/^\//, '')))
    .filter((diagram) => diagram.file.startsWith(`${ARTICLES_DIR}/`));
  // Two articles with one figure id would publish one SVG for both, and the second would win.
  const duplicates = describeDuplicateFigureIds(duplicateFigureIds(diagrams));
  if (duplicates.length > 0) throw new AuthorError(duplicates.join('\n'));
  return diagrams.map((diagram) => ({ params: { id: diagram.id }, props: { diagram } }));
}) satisfies GetStaticPaths;

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
