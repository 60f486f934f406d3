import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../../src/og-images/render.ts';
import { FAVICON_FILE, iconPng, renderIcon } from '../../src/site/icon.ts';
import { webManifest } from '../../src/site/web-manifest.ts';

const FAVICON = readFileSync(FAVICON_FILE, 'utf8');

/** The RGBA of one pixel of a rendered icon. */
function pixel(icon: ReturnType<typeof renderIcon>, x: number, y: number): number[] {
  const offset = (y * icon.width + x) * 4;
  return [...icon.pixels.subarray(offset, offset + 4)];
}

describe('the site icon', () => {
  it('is public/favicon.svg rendered at the asked size: accent background, white nodes, clear corners', () => {
    const icon = renderIcon(FAVICON, 192);
    expect([icon.width, icon.height]).toEqual([192, 192]);
    expect(pixel(icon, 0, 0)).toEqual([0, 0, 0, 0]); // outside the rounded corner
    expect(pixel(icon, 96, 110)).toEqual([0x0b, 0x5c, 0xad, 255]); // inside the triangle: background
    expect(pixel(icon, 96, 54)).toEqual([255, 255, 255, 255]); // the top node, (16, 9) in the 32-unit drawing
  });

  it('renders whatever the drawing holds, so a change to the favicon changes the icons', () => {
    const red = renderIcon(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#f00"/></svg>',
      8,
    );
    expect(pixel(red, 4, 4)).toEqual([255, 0, 0, 255]);
  });

  it('is written as PNGs of the manifest sizes', () => {
    expect(pngSize(iconPng(192))).toEqual({ width: 192, height: 192 });
    expect(pngSize(iconPng(512))).toEqual({ width: 512, height: 512 });
    expect(iconPng(192)).toEqual(renderIcon(FAVICON, 192).png);
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
