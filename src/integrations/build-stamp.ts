import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { sourceFingerprint, STAMP_FILE, type BuildStamp } from '../postbuild/build-stamp.ts';

/**
 * Removes the output's build stamp when a build starts and writes a new one when it has finished
 * every step, so a folder with a stamp is a complete, checked build of known sources (see
 * src/postbuild/build-stamp.ts). Keep it last in `integrations`.
 */
export function buildStamp(): AstroIntegration {
  let outDir = '';
  let root = '';
  return {
    name: 'cde:build-stamp',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        root = fileURLToPath(config.root);
      },
      'astro:build:start': async () => {
        await rm(join(outDir, STAMP_FILE), { force: true });
      },
      'astro:build:done': async ({ dir }) => {
        const stamp: BuildStamp = { sources: await sourceFingerprint(root), builtAt: new Date().toISOString() };
        await writeFile(join(fileURLToPath(dir), STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
      },
    },
  };
}
