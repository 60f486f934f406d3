/**
 * The service worker's precache manifest, generated after the build: which files a first visit
 * stores for offline reading, under which URL, and the build version that names the cache.
 * Pure functions; the build hook reads the files and writes `sw.js`.
 */
import { createHash } from 'node:crypto';

/** One file of the build: its path inside the build (`articles/x/index.html`) and its bytes. */
export interface BuiltFile {
  path: string;
  content: Uint8Array | string;
}

export interface PrecacheManifest {
  /** A hash of every precached file's path and content: a new build with any change has a new one. */
  version: string;
  /** URLs relative to the base (`articles/x/`, `_astro/a.css`, `` for the home page), sorted. */
  urls: string[];
}

/**
 * Files a reader needs offline: pages, styles, scripts, images, diagrams, fonts, the web app
 * manifest and the search index. Left out: the worker itself, hosting files, and what only
 * machines read (Open Graph images, feeds, sitemaps, robots.txt).
 */
export function isPrecached(path: string): boolean {
  if (path === 'sw.js') return false;
  if (path.startsWith('_astro/')) return true;
  // Hosting files (`_headers`) and hidden folders are not the site.
  if (path.split('/').some((segment) => segment.startsWith('_') || segment.startsWith('.'))) return false;
  if (path.startsWith('og/')) return false;
  if (/\.(xml|txt|md|map|gz|br|tar|zip)$/.test(path)) return false;
  return true;
}

/** The URL a file is requested by: a folder's `index.html` is asked for as the folder. */
export function urlOf(path: string): string {
  if (path === 'index.html') return '';
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** The manifest for a build's files. The version does not depend on the order the files come in. */
export function precacheManifest(files: BuiltFile[]): PrecacheManifest {
  const kept = files.filter((file) => isPrecached(file.path)).sort((a, b) => (a.path < b.path ? -1 : 1));
  const hash = createHash('sha256');
  for (const file of kept) {
    hash.update(file.path).update('\0').update(createHash('sha256').update(file.content).digest()).update('\0');
  }
  return { version: hash.digest('hex').slice(0, 16), urls: kept.map((file) => urlOf(file.path)) };
}
