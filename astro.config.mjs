// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { siteOptionsFromEnv } from './src/site/options.ts';
import { rehypeHeadingLinks } from './src/plugins/rehype-heading-links.ts';
import { rehypeExternalLinks } from './src/plugins/rehype-external-links.ts';
import { rehypeBaseLinks } from './src/plugins/rehype-base-links.ts';
import rehypeMermaidFigures from './src/plugins/rehype-mermaid-figures.ts';
import { rehypeTableScroll } from './src/plugins/rehype-table-scroll.ts';
import { rehypeSmartPunctuation } from './src/plugins/rehype-smart-punctuation.ts';
import { linkCheck } from './src/integrations/link-check.ts';
import { offline } from './src/integrations/offline.ts';
import { rehypeFigureLinks } from './src/plugins/rehype-figure-links.ts';
import { rehypeAnchorAliases } from './src/plugins/rehype-anchor-aliases.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { anchorRegistry } from './src/integrations/anchor-registry.ts';
import { sitemap } from './src/integrations/sitemap.ts';
import { buildStamp } from './src/integrations/build-stamp.ts';
import { shikiTokenClasses } from './src/plugins/shiki-token-classes.ts';
import { CODE_THEMES } from './src/plugins/code-token-palette.ts';

const { base, site, outDir, portable } = siteOptionsFromEnv(process.env);

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  base,
  ...(site ? { site } : {}),
  outDir,
  trailingSlash: 'always',
  // Stylesheets as files, never inlined: a page's styles are then shared and cached, and the islands'
  // styles (on a few pages only) are counted once, not once per page that inlines them.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Readers' pages ship no client router or prefetch script: plain links are enough.
  prefetch: false,
  devToolbar: { enabled: false },
  markdown: {
    // Astro 7's default processor (Sätteri) does not run remark/rehype plugins, and our heading
    // links, base-path links, figures and diagrams are rehype plugins. See docs/ARCHITECTURE.md.
    processor: unified({
      // Curly quotes and dashes come from rehype-smart-punctuation, first, so that heading ids are
      // made from the final text; Astro's SmartyPants (retext) cost a tenth of each page's build.
      smartypants: false,
      // Mermaid figures come before the base-path links, which prefix their `/diagrams/…svg` links.
      rehypePlugins: [
        rehypeSmartPunctuation,
        rehypeMermaidFigures,
        rehypeHeadingLinks,
        // Reader features: self-links on figures, then aliases for renamed anchors (needs final ids).
        rehypeFigureLinks,
        rehypeAnchorAliases,
        rehypeExternalLinks,
        rehypeTableScroll,
        [rehypeBaseLinks, { base }],
      ],
    }),
    syntaxHighlight: {
      type: 'shiki',
      // Mermaid blocks become figures at build time; Shiki must not claim them first.
      excludeLangs: ['mermaid'],
    },
    shikiConfig: {
      themes: CODE_THEMES,
      defaultColor: false,
      // Token colours as classes, not style attributes: smaller pages, no CSP hashes.
      transformers: [shikiTokenClasses()],
    },
  },
  integrations: [
    mdx(),
    linkCheck(),
    // Reader features: published anchors are guarded, then the search index and sitemap are written.
    anchorRegistry({ update: process.env.ANCHORS_UPDATE === '1' }),
    searchIndex(),
    sitemap(),
    // offline() post-processes the finished build (portable URLs, CSP, service worker): keep it
    // after every integration that writes files.
    offline(),
    // The stamp says the build finished every step above: keep it last.
    buildStamp(),
  ],
  vite: {
    build: {
      // The portable build turns module scripts into classic ones; no preload helper to rewrite.
      ...(portable ? { modulePreload: false } : {}),
      rolldownOptions: {
        onwarn(warning, warn) {
          // Astro's own MDX output trips this bundler warning; harmless, reported upstream in
          // https://github.com/withastro/astro/issues/18087. Keep every other warning.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
