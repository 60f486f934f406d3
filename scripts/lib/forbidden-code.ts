/**
 * Finds code of build-time-only libraries in what the browser would receive: Mermaid (diagrams are
 * rendered at build time into inline SVG) and Shiki (code is highlighted at build time).
 *
 * It looks for names that survive minification because they are public API or data keys of those
 * libraries, in every JS file of dist/ and in every inline script, and for Shiki's WebAssembly.
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { listBuildFiles } from '../../src/postbuild/build-files.ts';
import { readHtml } from './page-weight.ts';

export interface Signature {
  library: 'Mermaid' | 'Shiki';
  pattern: RegExp;
  /** What the pattern is, for the report. */
  label: string;
}

export const SIGNATURES: readonly Signature[] = [
  { library: 'Mermaid', pattern: /\bmermaidAPI\b/, label: 'mermaidAPI' },
  { library: 'Mermaid', pattern: /\bstartOnLoad\b/, label: 'startOnLoad option' },
  { library: 'Mermaid', pattern: /["'`]flowchart-v2["'`]/, label: '"flowchart-v2" diagram type' },
  { library: 'Mermaid', pattern: /["'`]sequenceDiagram["'`]/, label: '"sequenceDiagram" keyword' },
  { library: 'Mermaid', pattern: /["'`]stateDiagram(?:-v2)?["'`]/, label: '"stateDiagram" keyword' },
  { library: 'Mermaid', pattern: /\bsecurityLevel\b/, label: 'securityLevel option' },
  { library: 'Shiki', pattern: /\bcodeToHast\b/, label: 'codeToHast' },
  { library: 'Shiki', pattern: /\bcodeToTokens\b/, label: 'codeToTokens' },
  { library: 'Shiki', pattern: /\bcreateHighlighter(?:Core)?\b/, label: 'createHighlighter' },
  { library: 'Shiki', pattern: /\btokenizeWithTheme\b/, label: 'tokenizeWithTheme' },
  // Not `loadWasm` alone: other WebAssembly loaders (Pagefind's) use the same name.
  { library: 'Shiki', pattern: /\bcreateOnigurumaEngine\b|\bOnigScanner\b/, label: 'Oniguruma engine' },
  { library: 'Shiki', pattern: /["']?tokenColors["']?\s*:/, label: 'a TextMate theme (tokenColors)' },
  {
    library: 'Shiki',
    pattern: /["']?scopeName["']?\s*:\s*["'`](?:source|text)\./,
    label: 'a TextMate grammar (scopeName)',
  },
];

export interface Finding {
  /** The file in dist/, with `#inline-script-<n>` for a script inside an HTML page. */
  where: string;
  library: Signature['library'];
  label: string;
}

/** The signatures found in one piece of browser code. */
export function scanCode(code: string, where: string): Finding[] {
  return SIGNATURES.filter((signature) => signature.pattern.test(code)).map((signature) => ({
    where,
    library: signature.library,
    label: signature.label,
  }));
}

const JS_EXTENSIONS = new Set(['.js', '.mjs', '.cjs']);

/** Scans every JS file, inline script and WebAssembly file of a built site. */
export async function scanDist(dist: string): Promise<Finding[]> {
  const files = listBuildFiles(dist);
  const findings: Finding[] = [];
  for (const file of files) {
    const extension = extname(file).toLowerCase();
    if (JS_EXTENSIONS.has(extension)) {
      findings.push(...scanCode(await readFile(join(dist, file), 'utf8'), file));
    } else if (extension === '.html') {
      const { inline } = readHtml(await readFile(join(dist, file), 'utf8'));
      inline
        .filter((code) => code.kind === 'js')
        .forEach((code, index) => findings.push(...scanCode(code.text, `${file}#inline-script-${index + 1}`)));
    } else if (extension === '.wasm' && /onig/i.test(file)) {
      findings.push({ where: file, library: 'Shiki', label: 'Oniguruma WebAssembly' });
    }
  }
  return findings;
}
