/**
 * Reads and checks every file of the Redis lab: each file on its own, then each group (the
 * Sentinel group, the Redis Cluster). The build (src/pages/lab/[...file].ts) refuses to publish
 * the lab when this finds a problem, and the harness refuses to boot it.
 */
import { formatProblems, type Problem } from '../problem.ts';
import { checkClusterNodes, checkSentinelGroup, type LabFile } from './check-groups.ts';
import { REDIS_CLUSTER_FILES, REDIS_SENTINEL_FILES, REDIS_SERVER_FILES } from './lab-files.ts';
import type { ReadConf } from './read-conf.ts';
import type { RedisServerConfig } from './server-schema.ts';
import type { SentinelConfig } from './sentinel-schema.ts';
import { validateRedisServer } from './validate-server.ts';
import { validateSentinel } from './validate-sentinel.ts';

export interface RedisLab {
  readonly servers: readonly LabFile<RedisServerConfig>[];
  readonly sentinels: readonly LabFile<SentinelConfig>[];
  readonly nodes: readonly LabFile<RedisServerConfig>[];
}

export interface RedisLabRead {
  /** The lab's files, typed; undefined when any file or group has a problem. */
  readonly lab: RedisLab | undefined;
  readonly problems: readonly Problem[];
}

/** `read` returns a file's text by its path relative to content/lab/. */
export function readRedisLab(read: (file: string) => string): RedisLabRead {
  const problems: Problem[] = [];
  const each = <T>(files: readonly string[], validate: (file: string, text: string) => ReadConf<T>): LabFile<T>[] =>
    files.flatMap((file) => {
      const { config, lines, problems: found } = validate(file, read(file));
      problems.push(...found);
      return config ? [{ file, config, lines }] : [];
    });
  const servers = each(REDIS_SERVER_FILES, validateRedisServer);
  const sentinels = each(REDIS_SENTINEL_FILES, validateSentinel);
  const nodes = each(REDIS_CLUSTER_FILES, validateRedisServer);
  // Group rules only on complete groups: a file that failed on its own would make them misleading.
  if (problems.length === 0) {
    problems.push(...checkSentinelGroup(servers, sentinels), ...checkClusterNodes(nodes));
  }
  return { lab: problems.length === 0 ? { servers, sentinels, nodes } : undefined, problems };
}

/** Throws with every problem, one per line, when the lab's files are not all valid. */
export function requireRedisLab(read: (file: string) => string): RedisLab {
  const { lab, problems } = readRedisLab(read);
  if (!lab) {
    throw new Error(`the Redis lab's files in content/lab/redis/ have problems:\n${formatProblems(problems)}`);
  }
  return lab;
}
