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
const TRANSPARENT: Rgba = [0, 0, 0, 0];

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

/** Distance from (u, v) to the segment from (ax, ay) to (bx, by). */
function segmentDistance(u: number, v: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)));
  return Math.sqrt((u - (ax + t * dx)) ** 2 + (v - (ay + t * dy)) ** 2);
}

function inRoundedSquare(u: number, v: number): boolean {
  const { corner } = ICON_GEOMETRY;
  const dx = Math.max(corner - u, 0, u - (32 - corner));
  const dy = Math.max(corner - v, 0, v - (32 - corner));
  return u >= 0 && u <= 32 && v >= 0 && v <= 32 && dx * dx + dy * dy <= corner * corner;
}

const [A, B, C] = ICON_GEOMETRY.nodes;

/** The colour at a point of the 32-unit square (transparent outside the rounded square). */
export function colourAt(u: number, v: number): Rgba {
  if (!inRoundedSquare(u, v)) return TRANSPARENT;
  const half = ICON_GEOMETRY.linkWidth / 2;
  const r2 = ICON_GEOMETRY.nodeRadius ** 2;
  for (const [x, y] of ICON_GEOMETRY.nodes) if ((u - x) ** 2 + (v - y) ** 2 <= r2) return WHITE;
  if (
    segmentDistance(u, v, A[0], A[1], B[0], B[1]) <= half ||
    segmentDistance(u, v, B[0], B[1], C[0], C[1]) <= half ||
    segmentDistance(u, v, C[0], C[1], A[0], A[1]) <= half
  ) {
    return WHITE;
  }
  return BACKGROUND;
}

/** RGBA pixels of the icon at `size`×`size`, each the average of 3×3 samples (anti-aliased edges). */
export function iconPixels(size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 3;
  const count = samples * samples;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Premultiplied sums, so transparent samples do not darken the edge.
      let red = 0;
      let green = 0;
      let blue = 0;
      let alpha = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [r, g, b, a] = colourAt(
            ((x + (sx + 0.5) / samples) * 32) / size,
            ((y + (sy + 0.5) / samples) * 32) / size,
          );
          red += (r * a) / 255;
          green += (g * a) / 255;
          blue += (b * a) / 255;
          alpha += a;
        }
      }
      const offset = (y * size + x) * 4;
      const average = alpha / count;
      const scale = alpha === 0 ? 0 : 255 / average / count;
      pixels[offset] = Math.round(red * scale);
      pixels[offset + 1] = Math.round(green * scale);
      pixels[offset + 2] = Math.round(blue * scale);
      pixels[offset + 3] = Math.round(average);
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
