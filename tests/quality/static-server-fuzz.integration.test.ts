import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The server behind `npm start`, `npm run serve` and the e2e suite, as a real process on loopback,
 * fed hostile and random requests. Every request must get an answer of the expected class, a
 * redirect must stay on this origin, and the process must still serve pages afterwards.
 */

const RANDOM_REQUESTS = 600;
const CONCURRENCY = 8;
const REQUEST_TIMEOUT_MS = 5_000;

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
}

interface Served {
  process: ChildProcess;
  port: number;
  output: string[];
}

let folder = '';
const servers: Served[] = [];

/** A small built site, with what must never be served beside it. */
async function makeSite(): Promise<string> {
  folder = await mkdtemp(join(tmpdir(), 'cde-serve-fuzz-'));
  const site = join(folder, 'site');
  await mkdir(join(site, 'articles/replication'), { recursive: true });
  await writeFile(join(site, 'index.html'), '<!doctype html><title>Home</title>');
  await writeFile(join(site, '404.html'), '<!doctype html><title>Not found</title>');
  await writeFile(join(site, 'articles/replication/index.html'), '<!doctype html><title>Replication</title>');
  await writeFile(join(site, '_headers'), '/*\n  X-Test: fuzz\n');
  await writeFile(join(site, '.cde-build-stamp.json'), '{"sources":"fuzz","builtAt":"2026-01-01T00:00:00.000Z"}\n');
  await writeFile(join(folder, 'outside.txt'), 'must never be served');
  return site;
}

/** `node scripts/serve.ts <site> --port 0`, resolved with the port it printed. */
async function startServer(site: string, base: string): Promise<Served> {
  const child = spawn(process.execPath, ['scripts/serve.ts', site, '--port', '0', '--base', base], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.ts did not start:\n${output.join('')}`)), 20_000);
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      const port = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output.join(''))?.[1];
      if (port) {
        clearTimeout(timer);
        resolve(Number(port));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`serve.ts exited (${code}):\n${output.join('')}`)));
  });
  const served = { process: child, port, output };
  servers.push(served);
  return served;
}

/** One request written byte for byte on a fresh connection, as a hostile client would. */
function rawRequest(port: number, method: string, target: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer to ${method} ${target} within ${REQUEST_TIMEOUT_MS} ms`));
    }, REQUEST_TIMEOUT_MS);
    const finish = () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const head = text.split('\r\n\r\n')[0] ?? '';
      const [statusLine, ...lines] = head.split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine ?? '')?.[1]);
      if (!status)
        return reject(new Error(`no status line in the answer to ${method} ${target}: ${JSON.stringify(text)}`));
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      resolve({ status, headers });
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // Enough to judge: the status line and the headers.
      if (Buffer.concat(chunks).includes('\r\n\r\n')) socket.destroy();
    });
    socket.on('close', finish);
    socket.on('error', () => undefined);
    socket.write(Buffer.from(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, 'latin1'));
  });
}

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '/',
  '/',
  '/',
  '//',
  '.',
  '..',
  '%',
  '%2',
  '%2e',
  '%2E%2e',
  '%2f',
  '%2F',
  '%5c',
  '\\',
  '%00',
  '%c0%ae',
  '%ff',
  '%e2%80%a8',
  '%zz',
  '%%',
  'articles',
  'replication',
  'index.html',
  '404.html',
  '_headers',
  '.cde-build-stamp.json',
  'outside.txt',
  'example.com',
  '@',
  ':',
  ';',
  '?',
  '?a=%0d%0a',
  '#',
  '~',
  '*',
  'nested',
  'path',
  'ü',
  '%C3%BC',
  '\u2028',
  '<script>',
  '"',
];
const METHODS = [
  'GET',
  'GET',
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'OPTIONS',
  'PATCH',
  'TRACE',
  'CONNECT',
  'FOO',
  'get',
];

function randomTarget(next: () => number): string {
  const length = 1 + Math.floor(next() * 8);
  const pieces = Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)] ?? '/');
  const target = pieces.join('');
  // Mostly paths; sometimes whatever came out (absolute-form, "*", garbage).
  return next() < 0.85 && !target.startsWith('/') ? `/${target}` : target;
}

/** A 3xx must send the browser to a path of this origin: `/x`, never `//host` or `/\host`. */
function expectSameOrigin(answer: RawAnswer, request: string): void {
  if (answer.status < 300 || answer.status >= 400) return;
  expect(answer.headers['location'], request).toMatch(/^\/(?![/\\])/);
}

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += CONCURRENCY) {
    await Promise.all(items.slice(start, start + CONCURRENCY).map(run));
  }
}

beforeAll(async () => {
  await makeSite();
});

afterAll(async () => {
  for (const served of servers) served.process.kill();
  await rm(folder, { recursive: true, force: true });
});

describe('the static server under hostile requests', () => {
  it('answers each known attack as it should, and keeps serving', async () => {
    const { port, process: child } = await startServer(join(folder, 'site'), '/');
    const cases: [method: string, target: string, status: number][] = [
      ['GET', '/%', 400],
      ['GET', '/%c0%ae%c0%ae/', 400],
      ['GET', '/%2Fexample.com%2F..%2F..%2Farticles', 400],
      ['GET', '/\\example.com', 400],
      ['GET', '/%5Cexample.com/', 400],
      ['GET', '/../outside.txt', 400],
      ['GET', '/%2e%2e/outside.txt', 400],
      ['GET', 'http://example.com/', 400],
      ['GET', '*', 400],
      ['GET', '/_headers', 404],
      ['GET', '/.cde-build-stamp.json', 404],
      ['POST', '/', 405],
      ['PUT', '/', 405],
      ['DELETE', '/', 405],
      ['OPTIONS', '/', 405],
      ['CONNECT', 'example.com:443', 405],
      ['HEAD', '/', 200],
      ['GET', '/articles/replication/', 200],
    ];
    for (const [method, target, status] of cases) {
      const answer = await rawRequest(port, method, target);
      expect(answer.status, `${method} ${target}`).toBe(status);
      if (status === 405) expect(answer.headers['allow'], `${method} ${target}`).toBe('GET, HEAD');
    }
    const redirect = await rawRequest(port, 'GET', '//example.com/../articles');
    expect(redirect).toMatchObject({ status: 301, headers: { location: '/articles/' } });
    const escaped = await rawRequest(port, 'GET', '/articles?x=%0d%0aSet-Cookie:%20a=1');
    expect(escaped).toMatchObject({ status: 301, headers: { location: '/articles/?x=%0d%0aSet-Cookie:%20a=1' } });
    expect(child.exitCode).toBeNull();
    expect((await rawRequest(port, 'GET', '/')).status).toBe(200);
  });

  it.each([
    ['/', 20260101],
    ['/nested/path/', 20260102],
  ])(`survives ${RANDOM_REQUESTS} random requests under base %s (seed %i)`, async (base, seed) => {
    const { port, process: child } = await startServer(join(folder, 'site'), base);
    const next = random(seed);
    const requests = Array.from({ length: RANDOM_REQUESTS }, () => ({
      method: METHODS[Math.floor(next() * METHODS.length)] ?? 'GET',
      target: randomTarget(next),
    }));
    const seen = new Map<number, number>();
    await inBatches(requests, async ({ method, target }) => {
      const request = `${method} ${JSON.stringify(target)} (seed ${seed})`;
      const answer = await rawRequest(port, method, target);
      seen.set(answer.status, (seen.get(answer.status) ?? 0) + 1);
      // Served, redirected, refused or not found; never a server error.
      expect([200, 301, 400, 404, 405], request).toContain(answer.status);
      if (method !== 'GET' && method !== 'HEAD' && answer.status !== 400) expect(answer.status, request).toBe(405);
      expectSameOrigin(answer, request);
    });
    // The generator really reached each kind of answer.
    expect([...seen.keys()].sort()).toEqual(expect.arrayContaining([400, 404, 405]));
    expect(child.exitCode).toBeNull();
    expect((await rawRequest(port, 'GET', base)).status).toBe(200);
  });

  it('refuses to serve what a failed build left behind', async () => {
    const failed = join(folder, 'failed');
    await mkdir(failed, { recursive: true });
    await writeFile(join(failed, 'index.html'), '<!doctype html><title>Half checked</title>');
    await writeFile(join(failed, 'BUILD-FAILED.txt'), 'The build that wrote this folder failed.\n');
    const child = spawn(process.execPath, ['scripts/serve.ts', failed, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `${failed}/ holds a failed build (${failed}/BUILD-FAILED.txt): its pages were not fully checked. Run \`npm run build\` and fix what it reports.`,
    );
  });

  it('refuses a bad port, a bad base and a port in use with one sentence, not a stack trace', async () => {
    const site = join(folder, 'site');
    /** serve.ts with `args`, until it exits: its status and what it printed on stderr. */
    const exitOf = async (args: string[]) => {
      const child = spawn(process.execPath, ['scripts/serve.ts', site, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      return { code, stderr: stderr.trim() };
    };
    expect(await exitOf(['--port', 'abc'])).toEqual({
      code: 1,
      stderr: '--port (or PORT) "abc" is not a port: use a number from 1 to 65535, or 0 to let the system choose.',
    });
    expect(await exitOf(['--port', '0', '--base', '/a/../b/'])).toEqual({
      code: 1,
      stderr:
        'BASE_PATH "/a/../b/" has a ".." segment. Use a plain path such as BASE_PATH=/docs/clusters/ (letters, ' +
        'digits, "-", "_", "." and "~" between slashes).',
    });
    const { port } = await startServer(site, '/');
    expect(await exitOf(['--port', String(port)])).toEqual({
      code: 1,
      stderr: `127.0.0.1:${port} is in use (another server?). Stop it, or choose another port with --port (0 lets the system choose).`,
    });
  });
});
