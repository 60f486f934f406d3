/**
 * Where <ConfigFile> reads from and links to. Only files under content/lab/
 * can be shown: they are the lab's real configuration files, and the site
 * publishes each one at the same path (content/lab/x → <base>lab/x) for
 * download, through src/pages/lab/[...file].ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const CONTENT_DIR = resolve(process.cwd(), 'content');
export const SHOWABLE_ROOT = 'lab';

/** Checks a `path` attribute; returns an error text, or undefined when it is fine. */
export function pathProblem(path: string): string | undefined {
  if (!path.startsWith(`${SHOWABLE_ROOT}/`) || path.split('/').includes('..') || path.includes('\\')) {
    return `path must name a file under content/${SHOWABLE_ROOT}/, written relative to content/, such as path="lab/patroni/node1.yml".`;
  }
  const file = join(CONTENT_DIR, path);
  if (!existsSync(file) || !statSync(file).isFile()) {
    const known = labFiles().join(', ');
    return `content/${path} does not exist. Fix: use one of: ${known}.`;
  }
  return undefined;
}

export function readShowable(path: string): string {
  return readFileSync(join(CONTENT_DIR, path), 'utf8');
}

/** Every file under content/lab/, as paths relative to content/ (`lab/etcd/etcd1.yml`). */
export function labFiles(): string[] {
  const root = join(CONTENT_DIR, SHOWABLE_ROOT);
  if (!existsSync(root)) return [];
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
  return walk(root).map((file) => relative(CONTENT_DIR, file).split(sep).join('/'));
}

/** Shiki's language for a file, by its name. */
export function languageOf(path: string): string {
  if (/\.ya?ml$/.test(path)) return 'yaml';
  // Shiki has no HAProxy grammar; its nginx grammar reads the same shape
  // (section keywords, directives, # comments) well enough for colouring.
  if (/haproxy.*\.cfg$/.test(path)) return 'nginx';
  if (/\.(sh|bash)$/.test(path)) return 'shellscript';
  return 'text';
}

/** The article source file a page URL belongs to, for error messages. */
export function articleFileOf(pathname: string): string {
  const slug = /\/articles\/([^/]+)\/?$/.exec(pathname)?.[1];
  return slug ? `content/articles/${slug}.mdx` : `the page ${pathname}`;
}
