import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor, parseHeadersFile, type HeaderRule } from '../../src/postbuild/hosting.ts';

/** Content types for what the build emits. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.yml': 'text/plain; charset=utf-8',
  '.yaml': 'text/plain; charset=utf-8',
  '.cfg': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticServerOptions {
  /** The folder to serve (a built dist/). */
  root: string;
  /** The URL path the folder is mounted under, e.g. `/nested/path/`. */
  base?: string;
  /**
   * Gzip text responses (level 9) for clients that accept it, as a production host would. Off by
   * default; the benchmark turns it on so that Chromium and Lighthouse see realistic transfer sizes.
   */
  compress?: boolean;
}

/** Types worth compressing: text, and SVG. */
const COMPRESSIBLE = /^(text\/|application\/(json|xml|manifest\+json|javascript)|image\/svg\+xml)/;

/** The methods a static site answers; anything else gets 405 with this list in `Allow`. */
const ALLOWED_METHODS = ['GET', 'HEAD'];

/** What a request asks for, or the status that refuses it before the file system is touched. */
export type RequestTarget =
  { ok: true; path: string; trailingSlash: boolean; search: string } | { ok: false; status: 400 | 404; reason: string };

/**
 * Reads a request target (`/articles/x/?q=1`) into a normalised, decoded path: percent-escapes
 * decoded, `.` and empty segments dropped, `..` resolved. Refuses (400) what no browser sends: a
 * target that is not a path, a malformed escape, `..` above the root, a backslash or a NUL byte
 * in a segment. Refuses (404) dot-files and `_headers`, which a build holds for the host, not for
 * readers. Pure, so the rules are tested directly.
 */
export function readRequestTarget(raw: string): RequestTarget {
  if (!raw.startsWith('/')) return { ok: false, status: 400, reason: 'not a path' };
  const queryAt = raw.indexOf('?');
  const rawPath = (queryAt >= 0 ? raw.slice(0, queryAt) : raw).replace(/#.*$/, '');
  const rawQuery = queryAt >= 0 ? raw.slice(queryAt + 1).replace(/#.*$/, '') : '';
  const segments: string[] = [];
  for (const rawSegment of rawPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-escape' };
    }
    // An escaped slash inside a segment would be a second path in disguise.
    if (/[\\/\0]/.test(segment)) return { ok: false, status: 400, reason: 'slash, backslash or NUL in a segment' };
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.pop() === undefined) return { ok: false, status: 400, reason: '.. above the root' };
      continue;
    }
    segments.push(segment);
  }
  if (segments.some((segment) => segment.startsWith('.') || segment === '_headers')) {
    return { ok: false, status: 404, reason: 'not published' };
  }
  const trailingSlash = rawPath.endsWith('/') || segments.length === 0;
  const path = `/${segments.join('/')}${trailingSlash && segments.length > 0 ? '/' : ''}`;
  // Re-serialised by the URL parser: only valid, encoded characters reach a Location header.
  const search = rawQuery === '' ? '' : new URL(`http://localhost/?${rawQuery}`).search;
  return { ok: true, path, trailingSlash, search };
}

/**
 * The `Location` of the redirect from a folder's path to the folder (`/x` → `/x/`). Made from the
 * normalised path alone, each segment percent-encoded, so it is always a path on this origin: never
 * `//host` or `/\host`, which browsers read as another site.
 */
export function folderLocation(path: string, search: string): string {
  const segments = path.split('/').filter((segment) => segment !== '');
  return `/${segments.map((segment) => encodeURIComponent(segment)).join('/')}/${search}`;
}

/**
 * A minimal static file server that behaves like ordinary hosts: `/x/` serves `/x/index.html`,
 * `/x` redirects to `/x/` when it is a folder, and a miss serves `404.html` with status 404.
 * Like hosts that read one, it sends the headers of the build's `_headers` file (the Content
 * Security Policy among them), so tests run under the policy the hosting guide ships.
 *
 * It answers every request and never stops: only GET and HEAD are served (405 otherwise), a
 * malformed target gets 400, dot-files (the build stamp) and `_headers` get 404, and an
 * unexpected failure answers 500 rather than ending the process (tests/quality/static-server-fuzz).
 */
export function createStaticServer({ root, base = '/', compress = false }: StaticServerOptions): Server {
  const rootDir = resolve(root);
  const headersFile = join(rootDir, '_headers');
  const rules: HeaderRule[] = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const compressed = new Map<string, { mtime: number; body: Buffer }>();
  const server = createServer((request, response) => {
    let headerPath = '/';
    respond().catch(() => {
      if (response.headersSent) return void response.destroy();
      sendText(500, 'Internal server error');
    });

    async function respond(): Promise<void> {
      if (!ALLOWED_METHODS.includes(request.method ?? '')) {
        return sendText(405, 'Method not allowed', { allow: ALLOWED_METHODS.join(', ') });
      }
      const target = readRequestTarget(request.url ?? '');
      if (!target.ok) return target.status === 400 ? sendText(400, 'Bad request') : send404();
      const { path, trailingSlash, search } = target;
      headerPath = path;
      // `/nested/path` (no slash) is the base folder itself: redirect it like any folder.
      const underBase = path.startsWith(base) || `${path}/` === base;
      if (!underBase) return send404();
      const file = join(
        rootDir,
        ...path
          .slice(base.length)
          .split('/')
          .filter((segment) => segment !== ''),
      );
      if (file !== rootDir && !file.startsWith(rootDir + sep)) return send404();
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!trailingSlash) {
          response.writeHead(301, { location: folderLocation(path, search) });
          return void response.end();
        }
        return sendFile(join(file, 'index.html'), 200);
      }
      if (info?.isFile() && !trailingSlash) return sendFile(file, 200);
      return send404();
    }

    function sendText(status: number, text: string, headers: Record<string, string> = {}): void {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
      response.end(request.method === 'HEAD' ? undefined : text);
    }

    async function sendFile(file: string, status: number): Promise<void> {
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) return send404();
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      if (compress && acceptsGzip && COMPRESSIBLE.test(type)) {
        const body = await gzipped(file, info.mtimeMs);
        response.writeHead(status, {
          'cache-control': 'no-cache',
          ...hostHeaders(),
          'content-type': type,
          'content-encoding': 'gzip',
          'content-length': body.byteLength,
          vary: 'accept-encoding',
        });
        return void response.end(request.method === 'HEAD' ? undefined : body);
      }
      response.writeHead(status, {
        'cache-control': 'no-cache',
        ...hostHeaders(),
        'content-type': type,
        'content-length': info.size,
      });
      if (request.method === 'HEAD') return void response.end();
      // A file that vanishes mid-read (a rebuild) ends the response instead of the process.
      createReadStream(file)
        .on('error', () => response.destroy())
        .pipe(response);
    }

    /** The headers the build's `_headers` sets for this request's (normalised) path. */
    function hostHeaders(): Record<string, string> {
      return headersFor(rules, headerPath);
    }

    /** The gzipped file, compressed once and kept while the file is unchanged. */
    async function gzipped(file: string, mtime: number): Promise<Buffer> {
      const cached = compressed.get(file);
      if (cached?.mtime === mtime) return cached.body;
      const body = gzipSync(await readFile(file), { level: 9 });
      compressed.set(file, { mtime, body });
      return body;
    }

    async function send404(): Promise<void> {
      const page = join(rootDir, '404.html');
      if (await stat(page).catch(() => undefined)) return sendFile(page, 404);
      sendText(404, 'Not found');
    }
  });
  // CONNECT asks for a tunnel, which Node hands to this event instead of the request handler
  // (without a listener it drops the connection unanswered): refuse it like any other method.
  server.on('connect', (_request, socket: Socket) => {
    socket.end(`HTTP/1.1 405 Method Not Allowed\r\nAllow: ${ALLOWED_METHODS.join(', ')}\r\nContent-Length: 0\r\n\r\n`);
  });
  return server;
}
