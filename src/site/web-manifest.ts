import { ICON_SIZES } from './icon.ts';
import { SITE_NAME, SITE_SHORT_NAME } from './name.ts';

/**
 * The web app manifest, so the site can be installed. Every URL in it is relative to the
 * manifest, which sits at the base: the same file works under any base path.
 */
export function webManifest(): Record<string, unknown> {
  return {
    name: SITE_NAME,
    short_name: SITE_SHORT_NAME,
    description: 'How databases run as clusters: replication, sharding, consensus, failover, explained.',
    id: './',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b5cad',
    icons: [
      ...ICON_SIZES.map((size) => ({ src: `icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png' })),
      { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}
