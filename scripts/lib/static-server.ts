import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
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

/**
 * A minimal static file server that behaves like ordinary hosts: `/x/` serves `/x/index.html`,
 * `/x` redirects to `/x/` when it is a folder, and a miss serves `404.html` with status 404.
 * Like hosts that read one, it sends the headers of the build's `_headers` file (the Content
 * Security Policy among them), so tests run under the policy the hosting guide ships.
 */
export function createStaticServer({ root, base = '/', compress = false }: StaticServerOptions): Server {
  const rootDir = resolve(root);
  const headersFile = join(rootDir, '_headers');
  const rules: HeaderRule[] = existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  const compressed = new Map<string, { mtime: number; body: Buffer }>();
  return createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = decodeURIComponent(url.pathname);
      if (!path.startsWith(base)) return send404();
      const relative = normalize(path.slice(base.length));
      const file = join(rootDir, relative);
      if (file !== rootDir && !file.startsWith(rootDir + sep)) return send404();
      const info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!path.endsWith('/')) {
          response.writeHead(301, { location: `${path}/${url.search}` });
          return response.end();
        }
        return sendFile(join(file, 'index.html'), 200);
      }
      if (info?.isFile()) return sendFile(file, 200);
      return send404();
    })();

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
      createReadStream(file).pipe(response);
    }

    /** The headers the build's `_headers` sets for this request's path. */
    function hostHeaders(): Record<string, string> {
      return headersFor(rules, new URL(request.url ?? '/', 'http://localhost').pathname);
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
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Not found');
    }
  });
}
