/**
 * The site's icon, drawn here from a few shapes (three database nodes joined as a cluster on the
 * accent blue), so it needs no image tools and no network: `ICON_SVG` for browsers that take SVG,
 * and `iconPng(size)` rasterises the same shapes for the web app manifest, which needs PNGs.
 */
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

const BACKGROUND: Rgba = [0x0b, 0x5c, 0xad, 255];
const LINK: Rgba = [0x9c, 0xc7, 0xf2, 255];
const BODY: Rgba = [0xff, 0xff, 0xff, 255];
const LID: Rgba = [0xdb, 0xe9, 0xf7, 255];

/** The three nodes (cylinder centres) in the 512-unit square, and the cylinder's size. */
const NODES = [
  [256, 160],
  [150, 340],
  [362, 340],
] as const;
const HALF_WIDTH = 70;
const HALF_HEIGHT = 55;
const LID_RY = 22;
const CORNER = 96;
const LINK_HALF_WIDTH = 8;

const cylinderSvg = ([x, y]: readonly [number, number]): string =>
  `<path d="M${x - HALF_WIDTH} ${y - HALF_HEIGHT}v${2 * HALF_HEIGHT}a${HALF_WIDTH} ${LID_RY} 0 0 0 ${2 * HALF_WIDTH} 0v${-2 * HALF_HEIGHT}z" fill="#fff"/>` +
  `<ellipse cx="${x}" cy="${y - HALF_HEIGHT}" rx="${HALF_WIDTH}" ry="${LID_RY}" fill="#dbe9f7"/>`;

export const ICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">' +
  `<rect width="512" height="512" rx="${CORNER}" fill="#0b5cad"/>` +
  `<path d="M256 160L150 340M256 160L362 340M150 340H362" stroke="#9cc7f2" stroke-width="${2 * LINK_HALF_WIDTH}"/>` +
  NODES.map(cylinderSvg).join('') +
  '</svg>\n';

function inEllipse(u: number, v: number, cx: number, cy: number, rx: number, ry: number): boolean {
  return ((u - cx) / rx) ** 2 + ((v - cy) / ry) ** 2 <= 1;
}

function nearSegment(u: number, v: number, [ax, ay]: readonly number[], [bx, by]: readonly number[]): boolean {
  const [x1, y1, x2, y2] = [ax ?? 0, ay ?? 0, bx ?? 0, by ?? 0];
  const t = Math.max(0, Math.min(1, ((u - x1) * (x2 - x1) + (v - y1) * (y2 - y1)) / ((x2 - x1) ** 2 + (y2 - y1) ** 2)));
  return Math.hypot(u - (x1 + t * (x2 - x1)), v - (y1 + t * (y2 - y1))) <= LINK_HALF_WIDTH;
}

function inRoundedSquare(u: number, v: number): boolean {
  const dx = Math.max(CORNER - u, 0, u - (512 - CORNER));
  const dy = Math.max(CORNER - v, 0, v - (512 - CORNER));
  return u >= 0 && u <= 512 && v >= 0 && v <= 512 && Math.hypot(dx, dy) <= CORNER;
}

/** The colour at a point of the 512-unit square (transparent outside the rounded square). */
export function colourAt(u: number, v: number): Rgba {
  if (!inRoundedSquare(u, v)) return [0, 0, 0, 0];
  let colour = BACKGROUND;
  const [top, left, right] = NODES;
  if (nearSegment(u, v, top, left) || nearSegment(u, v, top, right) || nearSegment(u, v, left, right)) colour = LINK;
  for (const [x, y] of NODES) {
    const inBody =
      (Math.abs(u - x) <= HALF_WIDTH && Math.abs(v - y) <= HALF_HEIGHT) ||
      inEllipse(u, v, x, y + HALF_HEIGHT, HALF_WIDTH, LID_RY);
    if (inBody) colour = BODY;
    if (inEllipse(u, v, x, y - HALF_HEIGHT, HALF_WIDTH, LID_RY)) colour = LID;
  }
  return colour;
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
          const colour = colourAt(((x + (sx + 0.5) / samples) * 512) / size, ((y + (sy + 0.5) / samples) * 512) / size);
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
