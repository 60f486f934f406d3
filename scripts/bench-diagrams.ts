/**
 * npm run bench:diagrams: how long diagrams take to render cold in Chromium, and how big they are.
 * A benchmark, not a test: it prints a Markdown table and never fails on time.
 *
 * - cold start: launching Chromium and loading Mermaid into one page;
 * - per diagram: Mermaid's render in the page plus our SVG clean-up (diagram-svg.ts);
 * - bytes: the cached SVG and the inline <figure> as it lands in the page, raw and gzipped;
 * - warm: every figure built from the committed cache (no browser), as a build with a full cache does;
 * - with `--build`, the time of `npm run build` with the cache full (run it after the site exists).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { toHtml } from 'hast-util-to-html';
import { DiagramCache } from '../src/diagrams/cache.ts';
import { buildFigure } from '../src/diagrams/figure.ts';
import { scanDiagrams, type FoundDiagram } from '../src/diagrams/scan.ts';
import { optimizeDiagramSvg } from '../src/diagrams/svg.ts';
import { MermaidPage } from '../src/diagrams/mermaid-chromium.ts';
import { diagramKey, mermaidVersion, normalizeSource } from '../src/diagrams/mermaid-config.ts';

const NINE_NODES_FILE = 'tests/diagrams/fixtures/nine-node-flowchart.mmd';
const SIZE_TARGET = 6 * 1024;

const nineNodes: FoundDiagram = {
  file: NINE_NODES_FILE,
  line: 1,
  source: readFileSync(NINE_NODES_FILE, 'utf8'),
  id: 'fig-nine-node-flowchart',
  title: 'Nine-node flowchart for the size budget',
  description: 'What diagrams cost to render and to ship, per diagram.',
  caption: undefined,
};
// Articles copy diagrams of the set verbatim; measure each drawing once, under its first id.
const diagrams = [...scanDiagrams(), nineNodes].filter(
  (diagram, index, all) =>
    all.findIndex((other) => normalizeSource(other.source) === normalizeSource(diagram.source)) === index,
);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

const figureHtml = (diagram: FoundDiagram, svg: string) =>
  toHtml(
    buildFigure({
      id: diagram.id,
      caption: diagram.caption ?? diagram.title ?? '',
      title: diagram.title ?? '',
      description: diagram.description ?? '',
      svg,
      standaloneHref: `/diagrams/${diagram.id}.svg`,
    }),
  );

// Cold: a fresh browser, then every diagram one by one on the same page.
const coldStart = performance.now();
const page = await MermaidPage.open();
const startup = performance.now() - coldStart;
const rows: string[] = [];
let sumRender = 0;
try {
  for (const diagram of diagrams) {
    const started = performance.now();
    const [raw] = await page.renderRaw([diagram.source]);
    const rendered = performance.now();
    if (!raw?.ok || raw.svg === undefined)
      throw new Error(`${diagram.file}:${diagram.line}: ${raw?.message ?? 'no result'}`);
    const svg = optimizeDiagramSvg(raw.svg);
    const done = performance.now();
    sumRender += done - started;
    const html = figureHtml(diagram, svg);
    const gzipped = gzipSync(html).length;
    rows.push(
      `| ${diagram.id} | ${ms(rendered - started)} | ${ms(done - rendered)} | ${kb(raw.svg.length)} | ${kb(svg.length)} | ` +
        `${kb(gzipSync(svg).length)} | ${kb(html.length)} | ${kb(gzipped)}${gzipped < SIZE_TARGET ? '' : ' ⚠'} |`,
    );
  }
} finally {
  await page.close();
}
const cold = performance.now() - coldStart;

// Warm: figures from the committed cache, no browser.
const cache = new DiagramCache();
const version = mermaidVersion();
const warmStart = performance.now();
let warmCount = 0;
for (const diagram of diagrams) {
  const svg = cache.read(diagramKey(diagram.source, version));
  if (svg === undefined) continue;
  figureHtml(diagram, svg);
  warmCount += 1;
}
const warm = performance.now() - warmStart;

console.log(`## Diagram benchmark (Mermaid ${version}, ${diagrams.length} diagrams)\n`);
console.log('| Measure | Value |');
console.log('| --- | --- |');
console.log(`| Cold render, all diagrams (Chromium start + Mermaid load + renders + clean-up) | ${ms(cold)} |`);
console.log(`| Chromium start and Mermaid load | ${ms(startup)} |`);
console.log(`| Mean per diagram (render + clean-up) | ${ms(sumRender / diagrams.length)} |`);
console.log(`| Figures built from the cache, no browser (${warmCount} of ${diagrams.length} cached) | ${ms(warm)} |`);
if (process.argv.includes('--build')) {
  const buildStart = performance.now();
  execFileSync('npm', ['run', 'build'], { stdio: 'ignore', env: { ...process.env, CHROMIUM_PATH: '/nonexistent' } });
  console.log(`| \`npm run build\` with a full cache and no browser | ${ms(performance.now() - buildStart)} |`);
}
console.log(
  '\n| Diagram | Mermaid render | Clean-up | Mermaid SVG | Cached SVG | Cached gz | Inline figure | Figure gz |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log(`\nSize target: a 9-node flowchart figure under ${kb(SIZE_TARGET)} gzipped (⚠ marks a figure over it).`);
