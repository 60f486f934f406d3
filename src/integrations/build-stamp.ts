import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
  FAILED_FILE,
  failedBuildNotice,
  sourceFingerprint,
  STAMP_FILE,
  type BuildStamp,
} from '../postbuild/build-stamp.ts';

/**
 * Marks what a build leaves in its output folder. A build that finishes every step gets a stamp
 * (a fingerprint of its sources, src/postbuild/build-stamp.ts); a build that fails anywhere, from
 * the content check to the last post-build check, gets BUILD-FAILED.txt instead and loses any old
 * stamp, so neither a half-checked folder nor an older complete one passes for this build's output.
 * `npm run serve`, the bundle, test:dist and test:e2e refuse a folder without a stamp or with the
 * marker. Keep it last in `integrations`.
 */
export function buildStamp(): AstroIntegration {
  let outDir = '';
  let root = '';
  let finished = false;
  /** Runs however the build ends (Astro exits the process on an error); sync, as 'exit' requires. */
  const markIfUnfinished = (): void => {
    if (finished || outDir === '') return;
    try {
      mkdirSync(outDir, { recursive: true });
      rmSync(join(outDir, STAMP_FILE), { force: true });
      writeFileSync(join(outDir, FAILED_FILE), failedBuildNotice(new Date()));
    } catch {
      // Nothing more can be done on the way out; the missing stamp still marks the folder.
    }
  };
  return {
    name: 'cde:build-stamp',
    hooks: {
      'astro:config:setup': ({ command }) => {
        // Content errors stop a build before astro:build:start; the marker must cover them too.
        if (command === 'build') process.once('exit', markIfUnfinished);
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        root = fileURLToPath(config.root);
      },
      'astro:build:start': async () => {
        await rm(join(outDir, STAMP_FILE), { force: true });
      },
      'astro:build:done': async ({ dir }) => {
        const stamp: BuildStamp = { sources: await sourceFingerprint(root), builtAt: new Date().toISOString() };
        await rm(join(fileURLToPath(dir), FAILED_FILE), { force: true });
        await writeFile(join(fileURLToPath(dir), STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
        finished = true;
      },
    },
  };
}
