import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { listBuildFiles, listHtmlFiles } from '../postbuild/build-files.ts';
import {
  buildPolicy,
  collectInline,
  insertAfterCharset,
  insertCspMeta,
  mergeSources,
  type InlineSources,
} from '../postbuild/csp.ts';
import { headersFile } from '../postbuild/hosting.ts';
import { offsiteResources } from '../postbuild/offsite-resources.ts';
import {
  classicName,
  classicScriptTags,
  PORTABLE_BASE,
  rewriteFile,
  rewriteKind,
  ROOT_META_TAG,
} from '../postbuild/portable-urls.ts';
import { withSiteTopFinder } from '../postbuild/portable-not-found.ts';
import { precacheManifest } from '../postbuild/precache.ts';

export interface OfflineBuildOptions {
  /** The build's base path (PORTABLE_BASE for the portable build). */
  base: string;
  /** src/client/service-worker.ts, bundled into `sw.js`. */
  serviceWorkerSource: string;
}

/**
 * The last step of every build (keep it last in `integrations`, after anything that writes files,
 * such as the search index):
 * 1. portable build only: external module scripts become classic scripts, and every internal URL
 *    becomes relative (src/postbuild/portable-urls.ts);
 * 2. fails the build on any resource from another origin (src/postbuild/offsite-resources.ts);
 * 3. hashes every inline script and style of each page into a Content Security Policy `<meta>`,
 *    and writes the site-wide policy with cache rules to `_headers` (src/postbuild/csp.ts);
 * 4. except in the portable build: writes the service worker `sw.js` with the precache manifest
 *    of this build (src/postbuild/precache.ts), after the pages are final, so the version covers them.
 */
export function offline(): AstroIntegration {
  let options: OfflineBuildOptions | undefined;
  return {
    name: 'cde:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        options = {
          base: config.base,
          serviceWorkerSource: fileURLToPath(new URL('client/service-worker.ts', config.srcDir)),
        };
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!options) throw new Error('cde:offline: the config hook did not run.');
        await finishOfflineBuild(fileURLToPath(dir), options, logger);
      },
    },
  };
}

type Logger = Pick<AstroIntegrationLogger, 'info'>;

export async function finishOfflineBuild(outDir: string, options: OfflineBuildOptions, logger: Logger): Promise<void> {
  const portable = options.base === PORTABLE_BASE;
  if (portable) {
    await makePortable(outDir);
    logger.info('Portable build: every internal URL is relative, scripts are classic (file:// can run them).');
  }
  const files = listBuildFiles(outDir);
  await checkSelfContained(outDir, files);
  const policy = await applyCsp(outDir, files);
  await writeFile(join(outDir, '_headers'), headersFile(policy, portable ? '/' : options.base));
  logger.info('Content Security Policy: every page has its <meta>; the site-wide policy is in _headers.');
  if (!portable) {
    const version = await writeServiceWorker(outDir, options.serviceWorkerSource);
    logger.info(`Service worker sw.js written (build version ${version}).`);
  }
}

/** The portable rewrite of a whole build folder, in place. */
async function makePortable(outDir: string): Promise<void> {
  const pages = listHtmlFiles(outDir);
  const entries = new Set<string>();
  for (const page of pages) {
    const path = join(outDir, page);
    // The root meta lets shared scripts find the site's root from any page (see runtimeSiteUrl).
    const rooted = insertAfterCharset(await readFile(path, 'utf8'), ROOT_META_TAG);
    // The 404 page is served at any depth: it finds the top of the site first (portable-not-found.ts).
    const converted = classicScriptTags(page === '404.html' ? withSiteTopFinder(rooted, ROOT_META_TAG) : rooted);
    converted.entries.forEach((entry) => entries.add(entry));
    await writeFile(path, converted.html);
  }
  for (const entry of entries) {
    if (!entry.startsWith(PORTABLE_BASE)) throw new Error(`Portable build: unexpected script URL ${entry}.`);
    const file = entry.slice(PORTABLE_BASE.length);
    await writeFile(join(outDir, classicName(file)), await classicBundle(join(outDir, file)));
  }
  const files = listBuildFiles(outDir);
  const known = new Set(files);
  const leftovers: string[] = [];
  for (const file of files) {
    if (rewriteKind(file) === 'binary') continue;
    const path = join(outDir, file);
    const text = await readFile(path, 'utf8');
    if (!text.includes(PORTABLE_BASE)) continue;
    const rewritten = rewriteFile(file, text, known);
    if (rewritten.includes(PORTABLE_BASE)) leftovers.push(file);
    await writeFile(path, rewritten);
  }
  if (leftovers.length > 0) {
    throw new Error(`Portable build: absolute internal URLs remain in ${leftovers.join(', ')}.`);
  }
}

/**
 * One module script and everything it imports, statically or by a literal dynamic import (islands
 * loaded on visibility), as a single classic script, which `file://` pages can run. An import()
 * of a URL computed at run time stays a native import(): it works from a web server, and from
 * `file://` it fails, which the code that does it must expect (search says it cannot run).
 * Vite's preload helper mentions import.meta.url; it gets this script's folder (every script
 * of the build sits in `_astro/`), read while the script first runs.
 */
async function classicBundle(entry: string): Promise<string> {
  const result = await classicScript(entry, {
    banner: { js: '"use strict";var __cdeScriptUrl=document.currentScript&&document.currentScript.src;' },
    define: { 'import.meta.url': '__cdeScriptUrl', 'import.meta.resolve': 'undefined' },
  });
  const importMeta = result.warnings.find((warning) => warning.text.includes('import.meta'));
  if (importMeta) {
    throw new Error(`Portable build: ${entry} uses import.meta, which a classic script cannot: ${importMeta.text}`);
  }
  return result.code;
}

/** esbuild, loaded only when needed: one minified classic (IIFE) script from `entry` and its imports. */
async function classicScript(
  entry: string,
  extra: { banner?: { js: string }; define?: Record<string, string> } = {},
): Promise<{ code: string; warnings: { text: string }[] }> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    ...extra,
  });
  const code = result.outputFiles[0]?.text;
  if (!code) throw new Error(`esbuild wrote nothing for ${entry}.`);
  return { code, warnings: result.warnings };
}

async function checkSelfContained(outDir: string, files: string[]): Promise<void> {
  const problems: string[] = [];
  for (const file of files) {
    if (!/\.(html|css|m?js|svg)$/.test(file)) continue;
    for (const url of offsiteResources(file, await readFile(join(outDir, file), 'utf8'))) {
      problems.push(`  ${file}: ${url}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `The site must load nothing from another origin, but these files do:\n${problems.join('\n')}\n` +
        'Ship the resource in the build instead (see docs/ARCHITECTURE.md, "Offline and portable").',
    );
  }
}

/** Adds each page's policy as a `<meta>`; returns the site-wide policy (every page's hashes). */
async function applyCsp(outDir: string, files: string[]): Promise<string> {
  const wasm = files.some((file) => file.startsWith('pagefind/'));
  const all: InlineSources[] = [];
  const forbidden: string[] = [];
  for (const file of files.filter((name) => name.endsWith('.html'))) {
    const path = join(outDir, file);
    const html = await readFile(path, 'utf8');
    const sources = collectInline(html);
    forbidden.push(...sources.forbidden.map((item) => `  ${file}: ${item}`));
    all.push(sources);
    await writeFile(path, insertCspMeta(html, buildPolicy(sources, { wasm, header: false })));
  }
  // Standalone SVG files (the diagrams' "SVG" links) are documents of their own when opened: their
  // <style> must pass the header policy too. A <meta> cannot go in an SVG, so only the header has them.
  for (const file of files.filter((name) => name.endsWith('.svg'))) {
    const sources = collectInline(await readFile(join(outDir, file), 'utf8'));
    forbidden.push(...sources.forbidden.map((item) => `  ${file}: ${item}`));
    all.push(sources);
  }
  if (forbidden.length > 0) {
    throw new Error(
      `Inline event handlers, javascript: URLs and style attributes cannot pass the Content Security Policy:\n${forbidden.join('\n')}\n` +
        'Attach a handler from a <script> (addEventListener), and style with a class in a stylesheet.',
    );
  }
  return buildPolicy(mergeSources(all), { wasm, header: true });
}

/** Writes `sw.js` for the build in `outDir`; returns the build version. */
export async function writeServiceWorker(outDir: string, source: string): Promise<string> {
  const files = listBuildFiles(outDir);
  const manifest = precacheManifest(
    await Promise.all(files.map(async (path) => ({ path, content: await readFile(join(outDir, path)) }))),
  );
  const { code } = await classicScript(source);
  const target = join(outDir, 'sw.js');
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, `self.CDE_PRECACHE=${JSON.stringify(manifest)};\n${code}`);
  return manifest.version;
}
