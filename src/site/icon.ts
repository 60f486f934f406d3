/**
 * The site's icon as PNGs for the web app manifest (installing the site needs raster icons):
 * `public/favicon.svg` itself, rendered by resvg at each size, so the PNGs cannot drift from it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

/** The sizes the manifest lists. */
export const ICON_SIZES = [192, 512] as const;

/** The drawing every icon comes from. */
export const FAVICON_FILE = resolve(process.cwd(), 'public/favicon.svg');

export interface RenderedIcon {
  width: number;
  height: number;
  /** Straight (not premultiplied) RGBA, row by row. */
  pixels: Uint8Array<ArrayBuffer>;
  png: Uint8Array<ArrayBuffer>;
}

/** Renders an SVG drawing as a `size`×`size` image. */
export function renderIcon(svg: string, size: number): RenderedIcon {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render();
  return {
    width: image.width,
    height: image.height,
    pixels: new Uint8Array(image.pixels),
    png: new Uint8Array(image.asPng()),
  };
}

/** The site icon as a PNG of `size`×`size` pixels. */
export function iconPng(size: number): Uint8Array<ArrayBuffer> {
  return renderIcon(readFileSync(FAVICON_FILE, 'utf8'), size).png;
}
