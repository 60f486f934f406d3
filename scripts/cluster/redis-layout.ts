/**
 * Turns the Redis lab's files into a runnable lab in a state directory: checks them with the same
 * reader as the build and the unit tests (src/lab/redis/), writes copies whose only change is the
 * data directory (src/lab/redis/machine-paths.ts), and creates those directories. Redis and
 * Sentinel rewrite their own copies as they run (Sentinel records what it discovers; a failover
 * rewrites replicaof), never the files in content/lab/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { relocateRedisConf, relocatedDir } from '../../src/lab/redis/machine-paths.ts';
import { requireRedisLab } from '../../src/lab/redis/read-lab.ts';
import type { LabFile } from '../../src/lab/redis/check-groups.ts';
import { LAB_DIR } from './lab-layout.ts';

export interface RedisNode {
  /** The name of the file without .conf: redis1, sentinel2, node3. */
  readonly name: string;
  readonly host: string;
  readonly port: number;
  /** The runnable copy the process is started with. */
  readonly configFile: string;
  readonly dataDir: string;
}

export interface RedisLayout {
  readonly stateDir: string;
  readonly logDir: string;
  /** The one requirepass of every server (the reader checks they agree). */
  readonly password: string;
  /** The Sentinel group's servers, the first-listed primary first. */
  readonly servers: readonly RedisNode[];
  readonly sentinels: readonly RedisNode[];
  readonly clusterNodes: readonly RedisNode[];
  /** The settings the measurements are compared with, as the files set them. */
  readonly settings: {
    readonly masterName: string;
    readonly quorum: number;
    readonly downAfterMs: number;
    readonly failoverTimeoutMs: number;
    readonly minReplicasToWrite: number;
    readonly minReplicasMaxLag: number;
    readonly clusterNodeTimeoutMs: number;
  };
}

export const readLabFile = (file: string): string => readFileSync(join(LAB_DIR, file), 'utf8');

/**
 * Validates the files and writes the runnable copies into `stateDir`. With `keepCopies`, copies
 * that exist are left alone: a running lab's Redis servers and Sentinels have written their state
 * into them (a Sentinel restarted from a fresh copy would come back as a new Sentinel).
 */
export function prepareRedisLab(stateDir: string, keepCopies = false): RedisLayout {
  const lab = requireRedisLab(readLabFile);
  const configDir = join(stateDir, 'config');
  const logDir = join(stateDir, 'logs');
  mkdirSync(configDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });
  const place = <T extends { bind: string[]; port?: number | undefined; dir: string }>(
    f: LabFile<T>,
    defaultPort: number,
  ): RedisNode => {
    const name =
      f.file
        .split('/')
        .at(-1)
        ?.replace(/\.conf$/, '') ?? f.file;
    const configFile = join(configDir, `${name}.conf`);
    if (!keepCopies || !existsSync(configFile)) {
      writeFileSync(configFile, relocateRedisConf(f.file, readLabFile(f.file), f.config.dir, stateDir));
    }
    const dataDir = relocatedDir(f.file, f.config.dir, stateDir);
    mkdirSync(dataDir, { recursive: true });
    return { name, host: f.config.bind[0] ?? '', port: f.config.port ?? defaultPort, configFile, dataDir };
  };
  const primary = lab.servers.find((s) => !s.config.replicaof) ?? lab.servers[0];
  const sentinel = lab.sentinels[0];
  const node = lab.nodes[0];
  if (!primary || !sentinel || !node) throw new Error('the Redis lab needs servers, Sentinels and cluster nodes');
  const monitor = sentinel.config['sentinel monitor'];
  return {
    stateDir,
    logDir,
    password: primary.config.requirepass ?? '',
    servers: [primary, ...lab.servers.filter((s) => s !== primary)].map((s) => place(s, 6379)),
    sentinels: lab.sentinels.map((s) => place(s, 26379)),
    clusterNodes: lab.nodes.map((s) => place(s, 6379)),
    settings: {
      masterName: monitor.name,
      quorum: monitor.quorum,
      // Sentinel's and Redis's defaults where a file leaves a setting out (src/sentinel.c, src/config.c).
      downAfterMs: sentinel.config['sentinel down-after-milliseconds']?.value ?? 30_000,
      failoverTimeoutMs: sentinel.config['sentinel failover-timeout']?.value ?? 180_000,
      minReplicasToWrite: primary.config['min-replicas-to-write'] ?? 0,
      minReplicasMaxLag: primary.config['min-replicas-max-lag'] ?? 10,
      clusterNodeTimeoutMs: node.config['cluster-node-timeout'] ?? 15_000,
    },
  };
}
