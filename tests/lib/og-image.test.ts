import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedOgImage } from '../../src/og-images/cache.ts';
import { ogImageKey, OG_HEIGHT, OG_WIDTH, pngSize, renderOgImage, titleSize } from '../../src/og-images/render.ts';
import { GET } from '../../src/pages/og/[slug].png.ts';

describe('Open Graph images', () => {
  it('renders a 1200x630 PNG', async () => {
    const png = await renderOgImage({
      title: 'Replication: copies of one database on several nodes',
      part: 'Part 2: How databases become clusters',
    });
    expect(pngSize(png)).toEqual({ width: OG_WIDTH, height: OG_HEIGHT });
    expect([OG_WIDTH, OG_HEIGHT]).toEqual([1200, 630]);
  });

  it('draws the text: a different title gives a different image', async () => {
    const a = await renderOgImage({ title: 'Quorum', part: 'Part 2: How databases become clusters' });
    const b = await renderOgImage({ title: 'Sharding', part: 'Part 2: How databases become clusters' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
  });

  it('the route answers with a 1200x630 PNG for the article it is given', async () => {
    // What getStaticPaths gives each article's page (the built site has one per article: e2e/reader.spec.ts).
    const props = { title: 'Cluster vs. database: the short answer', part: 'Part 1: Foundations' };
    const response = await GET({ props, params: { slug: 'cluster-vs-database' } } as unknown as Parameters<
      typeof GET
    >[0]);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
  });

  it('shrinks long titles', () => {
    expect(titleSize('Short')).toBeGreaterThan(
      titleSize('A title that is much longer than the short one, past sixty-four'),
    );
  });

  it('refuses bytes that are not a PNG', () => {
    expect(() => pngSize(new Uint8Array(32))).toThrow('Not a PNG: the file does not start with the PNG signature.');
  });
});

describe('the Open Graph image cache', () => {
  const text = { title: 'Quorum', part: 'Part 2: How databases become clusters' };

  it('names an image by everything that draws it', () => {
    expect(ogImageKey(text)).toBe(ogImageKey({ ...text }));
    expect(ogImageKey(text)).not.toBe(ogImageKey({ ...text, title: 'Quorums' }));
    expect(ogImageKey(text)).not.toBe(ogImageKey({ ...text, part: 'Part 3: Hands-on' }));
  });

  it('stores a rendered image under its key, and serves it from there the next time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cde-og-cache-'));
    try {
      const first = await cachedOgImage(text, dir);
      const file = join(dir, `${ogImageKey(text)}.png`);
      expect(Buffer.from(await readFile(file)).equals(Buffer.from(first))).toBe(true);
      // Put another real image in its place: what comes back is what the cache holds.
      const other = await renderOgImage({ ...text, title: 'Something else' });
      await writeFile(file, other);
      expect(Buffer.from(await cachedOgImage(text, dir)).equals(Buffer.from(other))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('renders again over a cached file that is not a PNG', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cde-og-cache-'));
    try {
      await writeFile(join(dir, `${ogImageKey(text)}.png`), 'half a file');
      const png = await cachedOgImage(text, dir);
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      expect(pngSize(await readFile(join(dir, `${ogImageKey(text)}.png`)))).toEqual({ width: 1200, height: 630 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
