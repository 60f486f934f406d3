/**
 * The stamp a finished build leaves in its output: a fingerprint of the sources it was built from.
 * `npm run test:dist` and `npm run test:e2e` compare it with the working tree and refuse a build
 * that is older than the sources (or unfinished: a build that fails never writes its stamp).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** The stamp's file name in the output folder: a dot-file, so it is neither precached, bundled nor served. */
export const STAMP_FILE = '.cde-build-stamp.json';

/** What a build reads: change any of these and the built site may change. */
export const BUILD_INPUTS = ['src', 'content', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

export interface BuildStamp {
  /** SHA-256 over the path and bytes of every build input. */
  sources: string;
  /** When the build finished (ISO 8601), to say how old a stale build is. */
  builtAt: string;
}

async function filesOf(root: string, input: string): Promise<string[]> {
  const path = join(root, input);
  if (!existsSync(path)) return [];
  const entries = await readdir(path, { withFileTypes: true, recursive: true }).catch(() => undefined);
  if (!entries) return [input];
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

/** The fingerprint of the build inputs under `root` (the project folder). */
export async function sourceFingerprint(root: string, inputs: readonly string[] = BUILD_INPUTS): Promise<string> {
  const files = (await Promise.all(inputs.map((input) => filesOf(root, input)))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(await readFile(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Why `outDir` cannot be tested against the sources under `root`, or undefined when it can. */
export async function staleBuildReason(root: string, outDir: string, script: string): Promise<string | undefined> {
  const stampPath = join(root, outDir, STAMP_FILE);
  if (!existsSync(stampPath)) {
    return existsSync(join(root, outDir))
      ? `${outDir}/ has no build stamp: its build did not finish. Run \`npm run ${script}\`.`
      : `${outDir}/ does not exist. Run \`npm run ${script}\`.`;
  }
  const stamp = JSON.parse(await readFile(stampPath, 'utf8')) as BuildStamp;
  if (stamp.sources !== (await sourceFingerprint(root))) {
    return `${outDir}/ was built at ${stamp.builtAt} from other sources than the working tree. Run \`npm run ${script}\`.`;
  }
  return undefined;
}
