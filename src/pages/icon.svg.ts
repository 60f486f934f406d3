import type { APIRoute } from 'astro';
import { ICON_SVG } from '../lib/icon.ts';

/** The site icon as SVG (browser tab, and the manifest's scalable icon). */
export const GET: APIRoute = () => new Response(ICON_SVG, { headers: { 'content-type': 'image/svg+xml' } });
