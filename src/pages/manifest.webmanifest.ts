import type { APIRoute } from 'astro';
import { webManifest } from '../site/web-manifest.ts';

/** The web app manifest (see src/site/web-manifest.ts). */
export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(webManifest(), null, 2)}\n`, {
    headers: { 'content-type': 'application/manifest+json' },
  });
