import { z } from 'astro/zod';
import { redirectsSchema, type Redirects } from '../schemas/redirect.ts';

// content/redirects.json of the site being built (Vite resolves `/` to the project root); an
// absent file means no redirects.
const files = import.meta.glob<unknown>('/content/redirects.json', { eager: true, import: 'default' });

/** The site's redirects, validated; a mistake names the file and the entry. */
export function getRedirects(): Redirects {
  const data = Object.values(files)[0] ?? {};
  const parsed = redirectsSchema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`content/redirects.json: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
