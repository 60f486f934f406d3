import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { colourAt, ICON_GEOMETRY, iconPng } from '../../src/site/icon.ts';
import { webManifest } from '../../src/site/web-manifest.ts';

/** Reads a PNG written by encodePng back into its size and RGBA rows (filter 0 only). */
function decode(png: Buffer): { width: number; height: number; pixel: (x: number, y: number) => number[] } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idatLength = png.readUInt32BE(33);
  expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
  const rows = inflateSync(png.subarray(41, 41 + idatLength));
  const pixel = (x: number, y: number): number[] => {
    const offset = y * (width * 4 + 1) + 1 + x * 4;
    return [...rows.subarray(offset, offset + 4)];
  };
  return { width, height, pixel };
}

describe('the site icon', () => {
  it('is a PNG of the asked size with the accent background and white nodes', () => {
    const { width, height, pixel } = decode(iconPng(192));
    expect([width, height]).toEqual([192, 192]);
    expect(pixel(0, 0)).toEqual([0, 0, 0, 0]); // outside the rounded corner
    expect(pixel(96, 110)).toEqual([0x0b, 0x5c, 0xad, 255]); // inside the triangle: background
    expect(pixel(96, 54)).toEqual([255, 255, 255, 255]); // the top node, (16, 9) in the 32-unit drawing
    expect(decode(iconPng(512)).width).toBe(512);
  });

  it('draws the shapes of public/favicon.svg', () => {
    const svg = readFileSync('public/favicon.svg', 'utf8');
    expect(svg).toContain(`rx="${ICON_GEOMETRY.corner}" fill="#0b5cad"`);
    for (const [x, y] of ICON_GEOMETRY.nodes) {
      expect(svg).toContain(`<circle cx="${x}" cy="${y}" r="${ICON_GEOMETRY.nodeRadius}" fill="#fff"/>`);
      expect(colourAt(x, y)).toEqual([255, 255, 255, 255]);
    }
    expect(svg).toContain(`stroke-width="${ICON_GEOMETRY.linkWidth}"`);
  });

  it('is listed in the manifest with relative URLs that work under any base', () => {
    const manifest = webManifest();
    expect(manifest['start_url']).toBe('./');
    expect(manifest['icons']).toEqual([
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ]);
  });
});
