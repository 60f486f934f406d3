import type { Redirects } from '../schemas/redirect.ts';
import { parseRedirects } from './redirects-file.ts';

// content/redirects.json of the site being built, as text (Vite resolves `/` to the project root),
// parsed by parseRedirects so that a mistake names the file and line; an absent file means no
// redirects.
const files = import.meta.glob<string>('/content/redirects.json', { eager: true, query: '?raw', import: 'default' });

/** The site's redirects, validated; a mistake names the file, the line and the fix. */
export function getRedirects(): Redirects {
  const text = Object.values(files)[0];
  return text === undefined ? {} : parseRedirects(text);
}
