/**
 * Rules across the files of one group: the Sentinel group (three servers, three Sentinels) and
 * the Redis Cluster (six nodes). Each file on its own may be valid and the group still fail: a
 * replica that points at an address where its primary does not listen, a password that differs
 * between a primary and its replicas or Sentinels, a Sentinel quorum that can never be reached,
 * two Sentinels, a node without cluster-enabled.
 */
import { problem, type Problem } from '../problem.ts';
import { where } from './read-conf.ts';
import type { RedisServerConfig } from './server-schema.ts';
import type { SentinelConfig } from './sentinel-schema.ts';
import { REPLICATION_DOCS } from './validate-server.ts';
import { SENTINEL_DOCS } from './validate-sentinel.ts';

export const CLUSTER_DOCS = 'https://redis.io/docs/latest/operate/oss_and_stack/management/scaling/';

export interface LabFile<T> {
  /** The file, relative to content/lab/: `redis/replication/redis1.conf`. */
  readonly file: string;
  readonly config: T;
  /** The line of each directive, by key. */
  readonly lines: Readonly<Record<string, number>>;
}

type Server = LabFile<RedisServerConfig>;
type Sentinel = LabFile<SentinelConfig>;

const portOf = (c: { port?: number | undefined }, fallback: number) => c.port ?? fallback;
const addressOf = (s: Server) => `${s.config.bind[0] ?? ''}:${portOf(s.config, 6379)}`;

/** Each value of `pick` must be used by one file only (addresses, directories). */
function unique<F extends { file: string; lines: Readonly<Record<string, number>> }>(
  files: readonly F[],
  key: string,
  pick: (f: F) => readonly string[],
  rule: string,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const f of files) {
    for (const value of pick(f)) {
      const other = seen.get(value);
      if (other) {
        problems.push(
          problem(
            f.file,
            where(key, f.lines),
            rule,
            `"${value}" is also used by ${other}. Fix: give each its own value.`,
          ),
        );
      } else seen.set(value, f.file);
    }
  }
  return problems;
}

/** Checks that `pick` gives the same value in every file as in the first one. */
function same<T>(files: readonly LabFile<T>[], key: string, pick: (c: T) => unknown, why: string): Problem[] {
  const [first, ...rest] = files;
  if (!first) return [];
  const expected = JSON.stringify(pick(first.config));
  return rest
    .filter((f) => JSON.stringify(pick(f.config)) !== expected)
    .map((f) =>
      problem(
        f.file,
        where(key, f.lines),
        'same-in-every-file',
        `differs from ${first.file}; ${why} Fix: copy it from ${first.file}.`,
      ),
    );
}

/** The Sentinel group: servers (one primary, its replicas) and the Sentinels that watch them. */
export function checkSentinelGroup(servers: readonly Server[], sentinels: readonly Sentinel[]): Problem[] {
  const problems: Problem[] = [];
  const primaries = servers.filter((s) => !s.config.replicaof);
  const primary = primaries[0];
  if (!primary) {
    const first = servers[0];
    if (first)
      problems.push(
        problem(
          first.file,
          '(file)',
          'no-primary',
          `every server of the group has a replicaof line, so none starts as the primary and none has data to give. Fix: remove replicaof from the one that should start as the primary.`,
        ),
      );
    return problems;
  }
  for (const extra of primaries.slice(1)) {
    problems.push(
      problem(
        extra.file,
        '(file)',
        'second-primary',
        `has no replicaof line, like ${primary.file}: the group would start with two primaries, each taking writes the other never sees. Fix: add "replicaof ${primary.config.bind[0] ?? ''} ${portOf(primary.config, 6379)}".`,
      ),
    );
  }
  const primaryHost = primary.config.bind;
  const primaryPort = portOf(primary.config, 6379);
  for (const s of servers) {
    const target = s.config.replicaof;
    if (!target || s === primary) continue;
    if (!primaryHost.includes(target.host) || target.port !== primaryPort) {
      problems.push(
        problem(
          s.file,
          where('replicaof', s.lines),
          'replicaof-unreachable',
          `${target.host} ${target.port} is not where the primary listens (${primary.file}: bind ${primaryHost.join(' ')}, port ${primaryPort}), so this replica can never connect and never receives any data. Fix: "replicaof ${primaryHost[0] ?? ''} ${primaryPort}".`,
        ),
      );
    }
  }

  // Passwords: after a failover any server is the primary, so one password for all of them.
  const password = primary.config.requirepass;
  problems.push(
    ...same(
      servers,
      'requirepass',
      (c) => c.requirepass,
      'after a failover the replicas and Sentinels authenticate to whichever server is the primary, so every server needs the same password.',
    ),
  );
  if (password !== undefined) {
    for (const s of servers) {
      if (s.config.masterauth !== undefined && s.config.masterauth !== password) {
        problems.push(
          problem(
            s.file,
            where('masterauth', s.lines),
            'masterauth-mismatch',
            `does not match the requirepass of ${primary.file}: the primary refuses this server's replication link (its log shows the authentication error), so it never copies anything${s === primary ? ' once a failover makes it a replica' : ''}. Fix: set masterauth to the primary's requirepass (${REPLICATION_DOCS}#setting-a-replica-to-authenticate-to-a-master).`,
          ),
        );
      }
    }
  }

  // Sentinels.
  const count = sentinels.length;
  const majority = Math.floor(count / 2) + 1;
  if (count > 0 && count < 3) {
    const first = sentinels[0];
    if (first)
      problems.push(
        problem(
          first.file,
          '(file)',
          'too-few-sentinels',
          `the group has ${count === 1 ? 'one Sentinel' : 'only two Sentinels'}. A failover must be authorised by a majority of the Sentinels (${majority} of ${count}), and the machine that fails usually takes its Sentinel with it: ${count === 1 ? 'a lone Sentinel is a single point of failure' : 'the one left is 1 of 2, not a majority, so nothing is promoted'}, whatever the quorum. Fix: run at least three Sentinels on machines that fail independently (${SENTINEL_DOCS}#example-1-just-two-sentinels-dont-do-this).`,
        ),
      );
  }
  for (const s of sentinels) {
    const monitor = s.config['sentinel monitor'];
    if (monitor.quorum > count) {
      problems.push(
        problem(
          s.file,
          where('sentinel monitor', s.lines),
          'quorum-above-sentinels',
          `the quorum is ${monitor.quorum}, but the group has ${count} Sentinels: ${monitor.quorum} of them can never agree that the primary is down, so it is never marked objectively down (+odown) and no failover ever starts. Fix: a quorum from 1 to ${count}; ${majority}, a majority, is usual (${SENTINEL_DOCS}#quorum).`,
        ),
      );
    }
    if (!primaryHost.includes(monitor.host) || monitor.port !== primaryPort) {
      problems.push(
        problem(
          s.file,
          where('sentinel monitor', s.lines),
          'monitor-not-primary',
          `watches ${monitor.host}:${monitor.port}, but the group's primary is ${addressOf(primary)} (${primary.file}). Sentinel discovers the replicas and the other Sentinels from the server it watches, and treats a watched primary that reports itself a replica as down. Fix: "sentinel monitor ${monitor.name} ${primaryHost[0] ?? ''} ${primaryPort} ${monitor.quorum}".`,
        ),
      );
    }
    const authPass = s.config['sentinel auth-pass']?.value;
    if (password !== undefined && authPass === undefined) {
      problems.push(
        problem(
          s.file,
          where('sentinel monitor', s.lines),
          'sentinel-auth-missing',
          `the servers require a password, but this Sentinel has no "sentinel auth-pass": the servers refuse its PING and INFO (NOAUTH), so it cannot tell whether the primary is up or find its replicas. Fix: add "sentinel auth-pass ${monitor.name} <the servers' requirepass>" (${SENTINEL_DOCS}#redis-password-only-authentication).`,
        ),
      );
    } else if (password !== undefined && authPass !== password) {
      problems.push(
        problem(
          s.file,
          where('sentinel auth-pass', s.lines),
          'sentinel-auth-mismatch',
          `does not match the servers' requirepass (${primary.file}): the servers refuse this Sentinel's PING and INFO, so it cannot tell whether the primary is up or find its replicas. Fix: use the servers' requirepass.`,
        ),
      );
    }
  }
  problems.push(
    ...same(
      sentinels,
      'sentinel monitor',
      (c) => c['sentinel monitor'],
      'every Sentinel of the group must watch the same primary, under the same name, with the same quorum.',
    ),
    ...same(
      sentinels,
      'sentinel down-after-milliseconds',
      (c) => c['sentinel down-after-milliseconds']?.value,
      'each Sentinel decides that a server is down with its own value, so the time a failover takes would depend on which Sentinels notice first.',
    ),
    ...same(
      sentinels,
      'sentinel failover-timeout',
      (c) => c['sentinel failover-timeout']?.value,
      'the Sentinel elected to fail over applies its own value, so the group would behave differently depending on which one wins.',
    ),
  );

  // min-replicas-to-write against what is left after one failure.
  const replicas = servers.length - 1;
  for (const s of servers) {
    const min = s.config['min-replicas-to-write'] ?? 0;
    if (min > 0 && min > replicas - 1) {
      problems.push(
        problem(
          s.file,
          where('min-replicas-to-write', s.lines),
          'min-replicas-after-failover',
          `is ${min}, but once one of the ${servers.length} servers fails the new primary has only ${replicas - 1} replica${replicas - 1 === 1 ? '' : 's'}: it refuses every write (NOREPLICAS) until the failed server is back, so a failover restores no writes. Fix: at most ${Math.max(replicas - 1, 0)} (the number of servers minus two), or add servers.`,
        ),
      );
    }
  }

  const addresses = [
    ...servers.map((f) => ({ ...f, values: f.config.bind.map((a) => `${a}:${portOf(f.config, 6379)}`) })),
    ...sentinels.map((f) => ({ ...f, values: f.config.bind.map((a) => `${a}:${portOf(f.config, 26379)}`) })),
  ];
  problems.push(
    ...unique(addresses, 'bind', (f) => f.values, 'unique-address'),
    ...unique([...servers, ...sentinels], 'dir', (f) => [f.config.dir], 'unique-dir'),
  );
  return problems;
}

/** The Redis Cluster: six nodes that redis-cli --cluster create joins, three primaries and three replicas. */
export function checkClusterNodes(nodes: readonly Server[], replicasPerPrimary = 1): Problem[] {
  const problems: Problem[] = [];
  for (const n of nodes) {
    if (n.config['cluster-enabled'] !== true) {
      problems.push(
        problem(
          n.file,
          where('cluster-enabled', n.lines),
          'cluster-enabled',
          `is not "yes", so this server runs as a plain Redis, not a cluster node: redis-cli --cluster create refuses it ("[ERR] Node ${addressOf(n)} is not configured as a cluster node."). Fix: add "cluster-enabled yes".`,
        ),
      );
    }
  }
  const needed = 3 * (replicasPerPrimary + 1);
  const first = nodes[0];
  if (first && nodes.length < needed) {
    problems.push(
      problem(
        first.file,
        '(file)',
        'cluster-size',
        `the cluster has ${nodes.length} nodes, but three primaries with ${replicasPerPrimary} replica each need ${needed}: redis-cli --cluster create refuses ("Redis Cluster requires at least 3 master nodes"). Three primaries is the minimum because a replica takes over only when a majority of primaries votes for it (${CLUSTER_DOCS}). Fix: add nodes.`,
      ),
    );
  }
  problems.push(
    ...same(
      nodes,
      'requirepass',
      (c) => c.requirepass,
      'clients and replication links use one password for every node, since any node may become any primary’s replica.',
    ),
    ...same(
      nodes,
      'cluster-node-timeout',
      (c) => c['cluster-node-timeout'],
      'each node suspects the others after its own timeout, so how long a failover takes would depend on which nodes notice first.',
    ),
  );
  for (const n of nodes) {
    const password = n.config.requirepass;
    if (password !== undefined && n.config.masterauth !== undefined && n.config.masterauth !== password) {
      problems.push(
        problem(
          n.file,
          where('masterauth', n.lines),
          'masterauth-mismatch',
          `does not match requirepass: when this node is a replica its primary refuses its replication link, so it never copies the data it would have to take over. Fix: set masterauth to the cluster's requirepass.`,
        ),
      );
    }
  }
  problems.push(
    ...unique(nodes, 'bind', (f) => f.config.bind.map((a) => `${a}:${portOf(f.config, 6379)}`), 'unique-address'),
    ...unique(nodes, 'dir', (f) => [f.config.dir], 'unique-dir'),
  );
  return problems;
}
