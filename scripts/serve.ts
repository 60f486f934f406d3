/**
 * Serves a built site: `node scripts/serve.ts [dir] [--base /path/] [--port 4321] [--host 127.0.0.1] [--gzip]`.
 * The base defaults to BASE_PATH, as in the build.
 */
import { parseArgs } from 'node:util';
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
const base = normaliseBase(values.base);
const server = createStaticServer({ root, base, compress: values.gzip });
server.listen(Number(values.port), values.host, () => {
  console.log(`Serving ${root} at http://${values.host}:${values.port}${base} (Ctrl+C to stop)`);
});
