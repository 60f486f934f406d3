/**
 * The ONLY line the Redis lab's scripts change when they boot a file: `dir`, the data (or, for a
 * Sentinel, working) directory, which names a place on the local disk. The files say
 * /var/lib/redis/cde-lab/<name>; the scripts put <name> under their own state directory. Every
 * other line, addresses, timeouts and passwords included, runs as the site shows it; a unit test
 * proves the copies differ from the originals in this line only.
 */
import { replaceDirective } from './conf-lines.ts';

export const REDIS_SAMPLE_STATE_PREFIX = '/var/lib/redis/cde-lab';

/** The directory a file's `dir` names, moved from the sample prefix into `stateDir`. */
export function relocatedDir(file: string, dir: string, stateDir: string): string {
  if (dir !== REDIS_SAMPLE_STATE_PREFIX && !dir.startsWith(`${REDIS_SAMPLE_STATE_PREFIX}/`)) {
    throw new Error(
      `${file}: dir is "${dir}", outside ${REDIS_SAMPLE_STATE_PREFIX}; the lab's scripts only relocate paths under it.`,
    );
  }
  return stateDir + dir.slice(REDIS_SAMPLE_STATE_PREFIX.length);
}

/** A copy of a file's text whose `dir` line points into `stateDir`; comments and other lines unchanged. */
export function relocateRedisConf(file: string, text: string, dir: string, stateDir: string): string {
  const target = relocatedDir(file, dir, stateDir);
  return replaceDirective(text, 'dir', () => target);
}
