/**
 * Everything that decides what a rendered diagram looks like, and therefore goes into its cache key.
 *
 * Bump RENDERER_VERSION whenever the in-browser render step (`mermaid-chromium.ts`) or the SVG
 * post-processing (`diagram-svg.ts`) changes its output: every cache entry is then re-rendered by
 * `npm run diagrams`. Palette changes do not need a bump: colours live in `src/styles/diagrams.css`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const RENDERER_VERSION = 1;

/**
 * The font the diagrams are measured with in Chromium at build time. Node boxes are sized from the
 * measured text, so the reader's font must not be wider. DejaVu Sans (Debian's default sans, metrics of
 * Bitstream Vera) is among the widest common sans-serif faces; `diagrams.css` asks for it first, then
 * Vera and Verdana, whose proportions it was drawn after, so labels keep fitting their boxes elsewhere.
 */
export const DIAGRAM_FONT_FAMILY = '"DejaVu Sans", Verdana, sans-serif';

/**
 * Mermaid configuration for every diagram. `theme: 'base'` with no theme variables: colours are
 * removed after rendering and come from the site's CSS, so the palette does not belong in the key.
 */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'base',
  look: 'classic',
  // SVG <text> labels instead of HTML in <foreignObject>, so the SVG stands alone (standalone files,
  // print, feed readers). The root key wins in Mermaid 12; `flowchart.htmlLabels` is deprecated there
  // but still read by some renderers, so both are set.
  htmlLabels: false,
  flowchart: { htmlLabels: false, useMaxWidth: false },
  sequence: { mirrorActors: false, useMaxWidth: false },
  state: { useMaxWidth: false },
  fontFamily: DIAGRAM_FONT_FAMILY,
  fontSize: 16,
  deterministicIds: true,
  deterministicIDSeed: 'cde',
} as const;

const require = createRequire(import.meta.url);

/** The installed Mermaid's version, from its package.json (not the range in ours). */
export function mermaidVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(require.resolve('mermaid/package.json'), 'utf8'));
  if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') {
    return pkg.version;
  }
  throw new Error('Cannot read the version of the installed "mermaid" package.');
}

/** The path of Mermaid's self-contained browser bundle (an IIFE that defines `globalThis.mermaid`). */
export function mermaidBundlePath(): string {
  return require.resolve('mermaid/dist/mermaid.min.js');
}

/**
 * The cache key of a diagram: sha256 over its normalised source, the Mermaid configuration,
 * the Mermaid version and the renderer version.
 */
export function diagramKey(source: string, version: string = mermaidVersion()): string {
  const payload = JSON.stringify({
    source: normalizeSource(source),
    config: MERMAID_CONFIG,
    mermaid: version,
    renderer: RENDERER_VERSION,
  });
  return createHash('sha256').update(payload).digest('hex');
}

/**
 * Line endings and trailing whitespace do not change a diagram; dropping them keeps keys stable
 * between the MDX parser (no trailing newline) and the HTML tree (one trailing newline).
 */
export function normalizeSource(source: string): string {
  return source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
