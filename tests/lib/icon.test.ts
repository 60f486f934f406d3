import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { colourAt, ICON_SVG, iconPng } from '../../src/lib/icon.ts';
import { webManifest } from '../../src/lib/web-manifest.ts';

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
    expect(pixel(96, 10)).toEqual([0x0b, 0x5c, 0xad, 255]); // background
    expect(pixel(96, 64)).toEqual([255, 255, 255, 255]); // body of the top node
  });

  it('draws the same shapes in the SVG', () => {
    expect(colourAt(256, 160)).toEqual([255, 255, 255, 255]);
    expect(ICON_SVG).toContain('<rect width="512" height="512" rx="96" fill="#0b5cad"/>');
    expect(ICON_SVG.match(/<ellipse /g)).toHaveLength(3);
  });

  it('is listed in the manifest with relative URLs that work under any base', () => {
    const manifest = webManifest();
    expect(manifest['start_url']).toBe('./');
    expect(manifest['icons']).toEqual([
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ]);
  });
});
