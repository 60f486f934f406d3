// @ts-check
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Code that runs in the reader's browser. It may import only other browser code, and the pure
 * rules it shares with the build (src/lab/timing-rules.ts): anything else either does not exist
 * in a browser (Node's modules) or would ship a build-time library to every reader.
 */
export const BROWSER_CODE = ['src/client/**', 'src/islands/**'];

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_')).join('|');
const FIX =
  'Fix: do this work at build time and hand the result to the page (HTML, data-* attributes), or move the code out of src/client/ and src/islands/.';

/** The `no-restricted-imports` options that keep build-time code out of the browser. */
export const BROWSER_BOUNDARY = {
  patterns: [
    {
      regex: `^(node:.*|(${nodeBuiltins})(/.*)?)$`,
      message: `Browser code cannot use Node's built-in modules: they do not exist in a browser. ${FIX}`,
    },
    {
      regex:
        '^(playwright-core|@playwright/.*|shiki|shiki/.*|@shikijs/.*|mermaid|mermaid/.*|svgo|satori|@resvg/.*|postcss|parse5|hast-util-.*|unified|remark-.*|rehype-.*|esbuild|pagefind|yaml|astro|astro/.*|astro:.*)$',
      message: `Browser code cannot import a build-time library: every reader would download it. ${FIX}`,
    },
    {
      regex:
        '(^|/)(articles|components|config-files|diagrams|integrations|layouts|og-images|pages|plugins|postbuild|schemas|site)/',
      message: `Browser code cannot import a build-time module of src/. ${FIX}`,
    },
    {
      regex: '(^|/)lab/(?!timing-rules\\.ts$)',
      message: `Browser code can import only timing-rules.ts of src/lab/: the rest reads files. ${FIX}`,
    },
  ],
};

export default defineConfig(
  {
    ignores: [
      '**/dist/',
      'dist-*/',
      '**/.astro/',
      '.tools/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: BROWSER_CODE,
    rules: { 'no-restricted-imports': ['error', BROWSER_BOUNDARY] },
  },
);
