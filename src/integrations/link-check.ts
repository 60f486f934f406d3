import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listBuildFiles, pagePathOf } from '../postbuild/build-files.ts';
import { findBrokenLinks, lineOf, readPageLinks, type BrokenLink } from '../postbuild/link-check.ts';
import { describeDeadExplainedBy, QUESTIONS_FILE } from '../questions/questions-file.ts';

/**
 * Fails the build when a built page links to a page or `#anchor` that does not exist, naming
 * the source file and line of the link when the page comes from an article, or from
 * content/questions.yaml (the questions page's links to the sections that explain each answer).
 */
export function linkCheck(): AstroIntegration {
  let base = '/';
  let root = process.cwd();
  return {
    name: 'cde:link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const files = listBuildFiles(outDir);
        const prefix = base.replace(/\/$/, '');
        const urlOf = (file: string): string => `${prefix}/${file}`;
        const pages = await Promise.all(
          files
            .filter((file) => file.endsWith('.html'))
            .map(async (file) => readPageLinks(prefix + pagePathOf(file), await readFile(join(outDir, file), 'utf8'))),
        );
        const broken = findBrokenLinks(pages, new Set(files.map(urlOf)));
        if (broken.length === 0) {
          logger.info(`All internal links and anchors resolve (${pages.length} pages).`);
          return;
        }
        const lines = await Promise.all(broken.map((link) => describe(link, prefix, root)));
        throw new Error(
          `${broken.length} broken internal link(s):\n${lines.join('\n')}\n` +
            'Fix the link, or restore the page or heading it points to (see docs/ARCHITECTURE.md, "Links").',
        );
      },
    },
  };
}

/** "content/articles/x.mdx:12: /articles/y/#z (missing anchor)", or the built page when no source is known. */
async function describe(link: BrokenLink, prefix: string, root: string): Promise<string> {
  const pagePath = link.page.slice(prefix.length);
  const article = /^\/articles\/([^/]+)\/$/.exec(pagePath)?.[1];
  const authored = link.href.startsWith(prefix + '/') ? link.href.slice(prefix.length) : link.href;
  if (pagePath === '/questions/') {
    const text = await readFile(join(root, QUESTIONS_FILE), 'utf8').catch(() => '');
    const lines = describeDeadExplainedBy(text, authored, link.reason);
    if (lines.length > 0) return lines.map((line) => `  ${line}`).join('\n');
  }
  if (article) {
    const source = `content/articles/${article}.mdx`;
    try {
      const text = await readFile(join(root, source), 'utf8');
      const line = lineOf(text, `(${authored}`) ?? lineOf(text, `"${authored}"`) ?? lineOf(text, authored);
      return `  ${source}${line ? `:${line}` : ''}: ${authored} (${link.reason})`;
    } catch {
      // Not every /articles/ page has to come from an .mdx file; fall back to the page.
    }
  }
  return `  page ${link.page}: ${link.href} (${link.reason})`;
}
