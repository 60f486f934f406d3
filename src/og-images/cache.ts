/**
 * Open Graph images kept between builds. Rendering one (satori, then resvg) costs about 25 ms of
 * CPU, a quarter of an article page's build; the image changes only with its title, its part or
 * the design, all of which `ogImageKey` covers. So a build renders only new or changed cards.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ogImageKey, pngSize, renderOgImage, type OgImageText } from './render.ts';
import { OG_IMAGE_CACHE_DIR } from './path.ts';

/** The PNG for `text`: from the cache in `dir` when it has it, else rendered and stored there. */
export async function cachedOgImage(text: OgImageText, dir: string = OG_IMAGE_CACHE_DIR): Promise<Uint8Array> {
  const file = join(dir, `${ogImageKey(text)}.png`);
  const cached = await readFile(file).catch(() => undefined);
  if (cached && isPng(cached)) return new Uint8Array(cached);
  const png = await renderOgImage(text);
  await mkdir(dir, { recursive: true });
  // Written whole under another name, then renamed: a build running beside this one never
  // reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, png);
  await rename(partial, file);
  return png;
}

function isPng(bytes: Uint8Array): boolean {
  try {
    pngSize(bytes);
    return true;
  } catch {
    return false;
  }
}
