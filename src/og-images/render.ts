import { createHash } from 'node:crypto';
import resvgPackage from '@resvg/resvg-js/package.json';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import satoriPackage from 'satori/package.json';
// The fonts ship in the repo (src/assets/fonts, SIL Open Font License); inlined at build time.
import interBold from '../assets/fonts/inter-latin-700-normal.woff?inline';
import interRegular from '../assets/fonts/inter-latin-400-normal.woff?inline';
import { SITE_NAME } from '../site/name.ts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
/** The width text may take: the card less its accent border and side padding. */
const TEXT_WIDTH = OG_WIDTH - 24 - 2 * 80;

export interface OgImageText {
  /** The article's title. */
  title: string;
  /** "Part 2: How databases become clusters". */
  part: string;
}

/** The site's light-theme colours (src/styles/tokens.css). */
const COLORS = {
  bg: '#ffffff',
  bgSoft: '#f4f6f8',
  text: '#1b1f24',
  muted: '#4a5360',
  accent: '#0b5cad',
  border: '#c9d1da',
};

/** A satori node: the React element shape, without React. */
interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Node | string)[] | Node | string };
}

const box = (style: Node['props']['style'], ...children: (Node | string)[]): Node => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, children },
});

function fromDataUrl(url: string): Buffer {
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

/**
 * Decoded once for every image: satori keeps a font's parsed form keyed by the identity of its
 * bytes, so a fresh buffer per image meant unpacking and parsing both fonts again each time
 * (about a tenth of a page's build time).
 */
const FONTS: Parameters<typeof satori>[1]['fonts'] = [
  { name: 'Inter', data: fromDataUrl(interRegular), weight: 400, style: 'normal' },
  { name: 'Inter', data: fromDataUrl(interBold), weight: 700, style: 'normal' },
];

/** Long titles get a smaller size so they fit in three lines. */
export function titleSize(title: string): number {
  if (title.length <= 36) return 76;
  if (title.length <= 64) return 64;
  return 52;
}

/** The card: site name, the title, the part, and a small three-node cluster as a mark. */
function card({ title, part }: OgImageText): Node {
  const node = (color: string): Node => box({ width: 28, height: 28, borderRadius: 14, backgroundColor: color });
  return box(
    {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 80px',
      backgroundColor: COLORS.bg,
      borderLeft: `24px solid ${COLORS.accent}`,
      fontFamily: 'Inter',
      color: COLORS.text,
    },
    box(
      { alignItems: 'center', gap: 20, fontSize: 30, fontWeight: 700, color: COLORS.muted },
      box({ gap: 8 }, node(COLORS.accent), node(COLORS.muted), node(COLORS.border)),
      SITE_NAME,
    ),
    box({ width: TEXT_WIDTH, fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.15, letterSpacing: -1 }, title),
    box(
      {
        alignSelf: 'flex-start',
        fontSize: 30,
        padding: '10px 24px',
        borderRadius: 12,
        backgroundColor: COLORS.bgSoft,
        border: `2px solid ${COLORS.accent}`,
        color: COLORS.accent,
      },
      part,
    ),
  );
}

/** The fonts' bytes and the renderers' versions: with the card, all that decides the pixels. */
const RENDERER_DIGEST = createHash('sha256')
  .update(`satori ${satoriPackage.version}, resvg ${resvgPackage.version}`)
  .update(FONTS.map((font) => createHash('sha256').update(new Uint8Array(font.data)).digest('hex')).join())
  .digest('hex');

/**
 * A name for the image of `text` that changes whenever its pixels could: the card's whole tree
 * (text, sizes, colours, layout), the fonts and the versions of satori and resvg.
 */
export function ogImageKey(text: OgImageText): string {
  return createHash('sha256')
    .update(RENDERER_DIGEST)
    .update(JSON.stringify(card(text)))
    .digest('hex')
    .slice(0, 32);
}

/** Renders an article's Open Graph image: a 1200x630 PNG, with no network access. */
export async function renderOgImage(text: OgImageText): Promise<Uint8Array> {
  const svg = await satori(card(text) as unknown as Parameters<typeof satori>[0], {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: FONTS,
  });
  const png = new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
  return new Uint8Array(png);
}

/** Reads the width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, index) => bytes[index] !== byte)) {
    throw new Error('Not a PNG: the file does not start with the PNG signature.');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') throw new Error('Not a PNG: no IHDR chunk first.');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
