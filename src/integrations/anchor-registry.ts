import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listHtmlFiles, pagePathOf } from '../postbuild/build-files.ts';
import {
  compareRegistry,
  describeProblem,
  isBreaking,
  parseRegistry,
  readBuiltPage,
  registryFromPages,
  serializeRegistry,
  type AnchorRegistry,
} from '../postbuild/anchor-registry.ts';

export const REGISTRY_FILE = 'content/anchors.json';

export interface AnchorRegistryOptions {
  /** Rewrite the registry from the build instead of checking it (npm run anchors:update). */
  update?: boolean;
}

/**
 * Guards published URLs and anchors. After the build it compares every page's anchors with the
 * committed registry (content/anchors.json) and fails when one has disappeared without a
 * redirect or an alias, or when a new one is not registered yet. With `update`, it rewrites the
 * registry instead, but still refuses to drop a published URL or anchor.
 */
export function anchorRegistry(options: AnchorRegistryOptions = {}): AstroIntegration {
  let base = '/';
  let root = process.cwd();
  return {
    name: 'cde:anchor-registry',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pages = await readPages(outDir, base);
        const file = join(root, REGISTRY_FILE);
        const text = await readFile(file, 'utf8').catch(() => undefined);
        if (text === undefined && !options.update) {
          throw new Error(
            `No anchor registry at ${REGISTRY_FILE}. Run npm run anchors:update to create it, and commit it.`,
          );
        }
        const registry: AnchorRegistry = text === undefined ? {} : parseRegistry(text);
        const problems = compareRegistry(registry, pages);
        const breaking = problems.filter(isBreaking);
        if (breaking.length > 0) {
          throw new Error(
            `${breaking.length} published URL(s) or anchor(s) would break:\n` +
              breaking.map((problem) => `  ${describeProblem(problem)}`).join('\n') +
              '\nSee docs/AUTHORING.md, "Renaming a heading".',
          );
        }
        if (options.update) {
          const next = registryFromPages(pages, registry);
          await writeFile(file, serializeRegistry(next));
          const count = (entries: AnchorRegistry): number =>
            Object.values(entries).reduce((sum, anchors) => sum + anchors.length, 0);
          logger.info(
            `${REGISTRY_FILE} updated: ${Object.keys(next).length} pages, ${count(next)} anchors ` +
              `(${Object.keys(next).length - Object.keys(registry).length} pages and ${count(next) - count(registry)} anchors new).`,
          );
          return;
        }
        if (problems.length > 0) {
          throw new Error(
            `${problems.length} page(s) or anchor(s) are not in ${REGISTRY_FILE} yet:\n` +
              problems.map((problem) => `  ${describeProblem(problem)}`).join('\n') +
              `\nRun npm run anchors:update and commit ${REGISTRY_FILE}: published anchors are permanent.`,
          );
        }
        logger.info(`All ${pages.length} published URLs and their anchors are in place.`);
      },
    },
  };
}

/** Every built page except the 404 page, with its path without the base. */
async function readPages(outDir: string, base: string) {
  const files = listHtmlFiles(outDir).filter((file) => file !== '404.html');
  return Promise.all(
    files.map(async (file) => readBuiltPage(pagePathOf(file), await readFile(join(outDir, file), 'utf8'), base)),
  );
}
