import { readFileSync } from 'node:fs';
import { get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../scripts/lib/static-server.ts';

const ROOT = 'tests/fixtures/dists/site';
const servers: Server[] = [];

async function serve(compress: boolean): Promise<string> {
  const server = createStaticServer({ root: ROOT, compress });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function fetchRaw(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((done, fail) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => done({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail);
  });
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

describe('the static server with compression', () => {
  it('gzips text for clients that accept it', async () => {
    const origin = await serve(true);
    const response = await fetchRaw(`${origin}/_astro/site.css`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['vary']).toBe('accept-encoding');
    expect(gunzipSync(response.body)).toEqual(readFileSync(`${ROOT}/_astro/site.css`));
    expect(Number(response.headers['content-length'])).toBe(response.body.byteLength);
  });

  it('sends text as is to clients that do not accept gzip, and never gzips binary files', async () => {
    const origin = await serve(true);
    const plain = await fetchRaw(`${origin}/`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toEqual(readFileSync(`${ROOT}/index.html`));
    const image = await fetchRaw(`${origin}/img/photo.png`, { 'accept-encoding': 'gzip' });
    expect(image.headers['content-encoding']).toBeUndefined();
  });

  it('does not compress unless asked to', async () => {
    const origin = await serve(false);
    const response = await fetchRaw(`${origin}/_astro/site.css`, { 'accept-encoding': 'gzip' });
    expect(response.headers['content-encoding']).toBeUndefined();
  });
});
