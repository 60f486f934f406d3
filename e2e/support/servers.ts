import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

/**
 * Serves `root` under `base` on 127.0.0.1, on `port` or, by default, a port the OS chooses (read
 * back into `url`), so no clone path and no other traffic on the machine can make it collide.
 */
export async function startServer(root: string, base: string, port = 0): Promise<TestServer> {
  let current: Server = createStaticServer({ root, base });
  const server = createServer((request, response) => current.emit('request', request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: chosen } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${chosen}${base}`,
    deploy(next: string) {
      current = createStaticServer({ root: next, base });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections from the browser would hold close() open.
        server.closeAllConnections();
      }),
  };
}

/** A throwaway copy of a build folder. */
export async function copyBuild(dist: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cde-build-'));
  await cp(dist, dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
