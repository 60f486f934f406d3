import type { APIRoute, GetStaticPaths } from 'astro';
import { ICON_SIZES, iconPng } from '../site/icon.ts';

/** The site icon as PNGs, which installing the site needs (see manifest.webmanifest.ts). */
export const getStaticPaths = (() =>
  ICON_SIZES.map((size) => ({ params: { size: String(size) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) =>
  new Response(iconPng(Number(params['size'])), { headers: { 'content-type': 'image/png' } });
