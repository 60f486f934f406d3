import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaticServer } from '../../scripts/lib/static-server.ts';

/** A static server started by a test, whose folder can be swapped (a new deployment). */
export interface TestServer {
  /** `http://127.0.0.1:<port><base>` */
  url: string;
  /** Serves another folder from now on, as a deploy would. */
  deploy(root: string): void;
  close(): Promise<void>;
}

export async function startServer(root: string, base: string, port: number): Promise<TestServer> {
  let current: Server = createStaticServer({ root, base });
  const server = createServer((request, response) => current.emit('request', request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${port}${base}`,
    deploy(next: string) {
      current = createStaticServer({ root: next, base });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port for a test's own server: the project's port plus an offset, so checkouts never share one. */
export function testPort(baseURL: string | undefined, offset: number): number {
  return Number(new URL(baseURL ?? 'http://127.0.0.1:20000/').port) + offset;
}

/** A throwaway copy of a build folder. */
export async function copyBuild(dist: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cde-build-'));
  await cp(dist, dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
