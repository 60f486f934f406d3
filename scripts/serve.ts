/**
 * Serves a built site: `node scripts/serve.ts [dir] [--base /path/] [--port 4321] [--host 127.0.0.1] [--gzip]`.
 * The base defaults to BASE_PATH, as in the build. Refuses a folder whose build failed or did not
 * finish (BUILD-FAILED.txt, or no build stamp).
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { unfinishedBuildReason } from '../src/postbuild/build-stamp.ts';
import { normaliseBase } from '../src/site/options.ts';
import { createStaticServer } from './lib/static-server.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    base: { type: 'string', default: process.env['BASE_PATH'] ?? '/' },
    port: { type: 'string', default: process.env['PORT'] ?? '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    gzip: { type: 'boolean', default: false },
  },
});

const root = positionals[0] ?? 'dist';
// Never serve what a failed or unfinished build left behind (src/integrations/build-stamp.ts).
const unfinished = unfinishedBuildReason(root, root.replace(/\/+$/, ''));
if (unfinished) {
  console.error(unfinished);
  process.exit(1);
}
/** Ends with one sentence, not a stack trace: these are mistakes in how the server was started. */
function refuse(message: string): never {
  console.error(message);
  process.exit(1);
}

let base = '/';
try {
  base = normaliseBase(values.base);
} catch (error) {
  refuse((error as Error).message);
}
const port = /^\d+$/.test(values.port.trim()) ? Number(values.port) : Number.NaN;
if (!(port >= 0 && port <= 65_535)) {
  refuse(
    `--port (or PORT) "${values.port}" is not a port: use a number from 1 to 65535, or 0 to let the system choose.`,
  );
}
const server = createStaticServer({ root, base, compress: values.gzip });
server.on('error', (error: NodeJS.ErrnoException) => {
  const where = `${values.host}:${port}`;
  if (error.code === 'EADDRINUSE') {
    refuse(
      `${where} is in use (another server?). Stop it, or choose another port with --port (0 lets the system choose).`,
    );
  }
  if (error.code === 'EACCES') refuse(`${where}: not allowed to listen there. Use a port above 1023 with --port.`);
  refuse(`Cannot listen on ${where}: ${error.message}`);
});
server.listen(port, values.host, () => {
  // The port the OS chose when asked for 0 (tests read it from this line).
  const { port } = server.address() as AddressInfo;
  console.log(`Serving ${root} at http://${values.host}:${port}${base} (Ctrl+C to stop)`);
});
