/**
 * The site's icon as PNGs for the web app manifest (which needs raster icons to install the site),
 * rasterised here from the shapes of `public/favicon.svg` (three nodes of a cluster on the accent
 * blue), so it needs no image tools and no network. Keep the two drawings in step: a unit test
 * compares them.
 */
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const BACKGROUND: Rgba = [0x0b, 0x5c, 0xad, 255];
const WHITE: Rgba = [0xff, 0xff, 0xff, 255];

/** The favicon's geometry, in its 32-unit viewBox. */
export const ICON_GEOMETRY = {
  corner: 6,
  nodes: [
    [16, 9],
    [8.5, 22],
    [23.5, 22],
  ],
  nodeRadius: 4,
  linkWidth: 2,
} as const;

function nearSegment(u: number, v: number, [x1, y1]: readonly number[], [x2, y2]: readonly number[]): boolean {
  const [ax, ay, bx, by] = [x1 ?? 0, y1 ?? 0, x2 ?? 0, y2 ?? 0];
  const t = Math.max(0, Math.min(1, ((u - ax) * (bx - ax) + (v - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(u - (ax + t * (bx - ax)), v - (ay + t * (by - ay))) <= ICON_GEOMETRY.linkWidth / 2;
}

function inRoundedSquare(u: number, v: number): boolean {
  const { corner } = ICON_GEOMETRY;
  const dx = Math.max(corner - u, 0, u - (32 - corner));
  const dy = Math.max(corner - v, 0, v - (32 - corner));
  return u >= 0 && u <= 32 && v >= 0 && v <= 32 && Math.hypot(dx, dy) <= corner;
}

/** The colour at a point of the 32-unit square (transparent outside the rounded square). */
export function colourAt(u: number, v: number): Rgba {
  if (!inRoundedSquare(u, v)) return [0, 0, 0, 0];
  const [a, b, c] = ICON_GEOMETRY.nodes;
  const onLink = nearSegment(u, v, a, b) || nearSegment(u, v, b, c) || nearSegment(u, v, c, a);
  const onNode = ICON_GEOMETRY.nodes.some(([x, y]) => Math.hypot(u - x, v - y) <= ICON_GEOMETRY.nodeRadius);
  return onLink || onNode ? WHITE : BACKGROUND;
}

/** RGBA pixels of the icon at `size`×`size`, each the average of 4×4 samples (anti-aliased edges). */
export function iconPixels(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt(((x + (sx + 0.5) / samples) * 32) / size, ((y + (sy + 0.5) / samples) * 32) / size);
          // Premultiplied, so transparent samples do not darken the edge.
          for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (colour[c] ?? 0) * (colour[3] / 255);
          sum[3] = (sum[3] ?? 0) + colour[3];
        }
      }
      const alpha = (sum[3] ?? 0) / samples ** 2;
      const offset = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) {
        pixels[offset + c] = alpha === 0 ? 0 : Math.round(((sum[c] ?? 0) / samples ** 2) * (255 / alpha));
      }
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG file (8-bit RGBA, no interlace) of `width`×`height` pixels. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    // Filter type 0 (none) before each row.
    rows.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

/** The icon as a PNG of `size`×`size`. */
export function iconPng(size: number): Buffer {
  return encodePng(size, size, iconPixels(size));
}

/** The icon sizes the manifest lists. */
export const ICON_SIZES = [192, 512] as const;
