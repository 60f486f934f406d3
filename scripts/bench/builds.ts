/**
 * Build timings in a temporary copy of the project, so that clearing caches and adding synthetic
 * articles never touches the working tree: cold (every cache empty), warm (caches full), and a
 * scale run with a few hundred generated articles.
 */
import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { OG_IMAGE_CACHE_DIR } from '../../src/og-images/path.ts';
import { extractMermaidBlocks, syntheticArticle } from './synthetic.ts';

const run = promisify(execFile);

/**
 * What "cold" clears: Astro's content store and cache, Vite's cache, the committed diagram cache
 * and the Open Graph image cache, so a cold build renders every diagram and preview
 * image. Paths that do not exist are skipped.
 */
export const BUILD_CACHES = [
  '.astro',
  'node_modules/.astro',
  'node_modules/.vite',
  OG_IMAGE_CACHE_DIR,
  'content/diagram-cache',
];

/** node_modules entries that are caches, not packages: the copy gets its own. */
const NODE_MODULES_CACHES = new Set(['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache']);

export interface BuildTiming {
  /** Wall time of the fastest run: the least disturbed by whatever else the machine was doing. */
  seconds: number;
  /** Every run's wall time. */
  runs: number[];
  /**
   * CPU time (user + system) of the build process and its children, in the fastest run. Other
   * work on the machine stretches wall time far more than CPU time.
   */
  cpuSeconds: number;
  /** Pages Astro reports it built. */
  pages: number;
}

/**
 * User plus system seconds of the children, from POSIX `times` output: two lines, the shell's own
 * times then its children's (`0m12.345s 0m1.234s`); the children's line is the last one.
 */
export function parseTimes(output: string): number {
  const lines = output.split('\n').filter((line) => /^\d+m[\d.]+s \d+m[\d.]+s$/.test(line.trim()));
  const line = lines.at(-1);
  if (!line) throw new Error(`Cannot find the CPU times of the build in its output:\n${output.slice(-500)}`);
  const [user = 0, system = 0] = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map(
    (match) => Number(match[1]) * 60 + Number(match[2]),
  );
  return user + system;
}

/**
 * Copies the project's files (tracked and untracked-but-not-ignored) into a temporary folder. Its
 * node_modules is a folder of links to the real packages, so its caches are its own.
 */
export async function copyProject(root: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'cde-bench-'));
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const file of stdout.split('\0').filter(Boolean)) {
    await mkdir(dirname(join(copy, file)), { recursive: true });
    await cp(join(root, file), join(copy, file)).catch((error: NodeJS.ErrnoException) => {
      // A file deleted in the working tree but not yet in git's index.
      if (error.code !== 'ENOENT') throw error;
    });
  }
  const modules = join(root, 'node_modules');
  await mkdir(join(copy, 'node_modules'));
  for (const entry of await readdir(modules)) {
    if (NODE_MODULES_CACHES.has(entry)) continue;
    await symlink(resolve(modules, entry), join(copy, 'node_modules', entry));
  }
  return copy;
}

export async function clearCaches(dir: string): Promise<void> {
  for (const cache of BUILD_CACHES) await rm(join(dir, cache), { recursive: true, force: true });
  await rm(join(dir, 'dist'), { recursive: true, force: true });
}

/**
 * The environment of a default build: no OUT_DIR or SITE_URL from the caller's shell. The anchor
 * registry is rewritten rather than checked (ANCHORS_UPDATE=1, the same work): the scale run's
 * synthetic articles are pages content/anchors.json does not know, which would fail the build.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ANCHORS_UPDATE: '1' };
  delete env['OUT_DIR'];
  delete env['SITE_URL'];
  return env;
}

/** Runs `astro build` in `dir` `times` times; each run timed (wall clock, the whole process). */
export async function timeBuild(dir: string, times = 1): Promise<BuildTiming> {
  const timings: { seconds: number; cpuSeconds: number; pages: number }[] = [];
  for (let i = 0; i < times; i++) timings.push(await timeOneBuild(dir));
  const fastest = timings.reduce((best, timing) => (timing.seconds < best.seconds ? timing : best));
  return { ...fastest, runs: timings.map((timing) => timing.seconds) };
}

async function timeOneBuild(dir: string): Promise<{ seconds: number; cpuSeconds: number; pages: number }> {
  const started = performance.now();
  const output = await new Promise<string>((done, fail) => {
    // Through sh, whose `times` then prints the CPU time the build and its children used.
    const script = '"$0" "$1" build && times';
    const child = spawn('/bin/sh', ['-c', script, process.execPath, join(dir, 'node_modules/astro/bin/astro.mjs')], {
      cwd: dir,
      env: { ...buildEnv(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', BASE_PATH: '/' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done(text) : fail(new Error(`astro build failed in ${dir} (exit ${code}):\n${text.slice(-4000)}`)),
    );
  });
  const seconds = (performance.now() - started) / 1000;
  const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? Number.NaN);
  return { seconds, cpuSeconds: parseTimes(output), pages };
}

/** Adds `count` synthetic articles to the copy, drawing diagrams from the site's own articles. */
export async function addSyntheticArticles(dir: string, count: number): Promise<{ diagrams: number }> {
  const articlesDir = join(dir, 'content/articles');
  const files = (await readdir(articlesDir)).filter((file) => file.endsWith('.mdx')).sort();
  const diagrams: string[] = [];
  for (const file of files) diagrams.push(...extractMermaidBlocks(await readFile(join(articlesDir, file), 'utf8')));
  const glossary = await readFile(join(dir, 'content/glossary.yaml'), 'utf8').catch(() => '');
  const glossaryId = /^- id: *['"]?([\w-]+)/m.exec(glossary)?.[1];
  const linkTo = files[0]?.replace(/\.mdx$/, '');
  if (!linkTo) throw new Error('The site has no article to link synthetic articles to.');
  for (let index = 1; index <= count; index++) {
    const article = syntheticArticle({ index, diagrams, linkTo, glossaryId });
    await writeFile(join(articlesDir, `${article.slug}.mdx`), article.text);
  }
  return { diagrams: diagrams.length };
}
