/**
 * Validates one Redis server file (a server of the Sentinel group or a Redis Cluster node): its
 * syntax and directives, its schema, and the rules that need only this file.
 */
import { problem, type Problem } from '../problem.ts';
import { readConf, where, type ReadConf } from './read-conf.ts';
import { redisServerSchema, SERVER_DIRECTIVES, type RedisServerConfig } from './server-schema.ts';

export const REPLICATION_DOCS = 'https://redis.io/docs/latest/operate/oss_and_stack/management/replication/';
export const REDIS_CONF_DOCS = 'https://github.com/redis/redis/blob/7.0/redis.conf';

/** Addresses that are the usual source of outgoing connections on their own host. */
const DEFAULT_SOURCES = ['127.0.0.1', '0.0.0.0'];

function announceProblems(file: string, config: RedisServerConfig, lines: Record<string, number>): Problem[] {
  const problems: Problem[] = [];
  const cluster = config['cluster-enabled'] === true;
  const announceKey = cluster ? 'cluster-announce-ip' : 'replica-announce-ip';
  const announced = config[announceKey];
  const source = config['bind-source-addr'];
  const own = config.bind;
  for (const key of [announceKey, 'bind-source-addr'] as const) {
    const value = key === announceKey ? announced : source;
    if (value !== undefined && !own.includes(value)) {
      problems.push(
        problem(
          file,
          where(key, lines),
          'announce-own-address',
          `is ${value}, but this server listens on ${own.join(' ')}: the others would look for it where it does not listen. Fix: use its own address, ${own[0] ?? ''}.`,
        ),
      );
    }
  }
  if (announced === undefined && source === undefined && own.every((a) => !DEFAULT_SOURCES.includes(a))) {
    const text = cluster
      ? `this cluster node listens on ${own.join(' ')} but sets neither cluster-announce-ip nor bind-source-addr. The other nodes then learn its address from the source address of its connections (127.0.0.1 on a machine with several loopback addresses, the inner address behind NAT), cannot reach it there, and the cluster never forms ("Waiting for the cluster to join" forever). Fix: add "cluster-announce-ip ${own[0] ?? ''}" (${REDIS_CONF_DOCS}, CLUSTER DOCKER/NAT support) and "bind-source-addr ${own[0] ?? ''}".`
      : `this server listens on ${own.join(' ')} but sets neither replica-announce-ip nor bind-source-addr. As a replica its primary lists it under the source address of its connection (127.0.0.1 on a machine with several loopback addresses, the inner address behind NAT), Sentinel finds no replica it can reach, and a failover never happens. Fix: add "replica-announce-ip ${own[0] ?? ''}" (${REPLICATION_DOCS}#configuring-replication-in-docker-and-nat) and "bind-source-addr ${own[0] ?? ''}".`;
    problems.push(problem(file, where('bind', lines), cluster ? 'cluster-announce' : 'replica-announce', text));
  }
  return problems;
}

export function validateRedisServer(file: string, text: string): ReadConf<RedisServerConfig> {
  const read = readConf(file, text, SERVER_DIRECTIVES, redisServerSchema, REDIS_CONF_DOCS);
  const config = read.config;
  if (!config) return read;
  const problems: Problem[] = [];
  if (config['cluster-enabled'] === true && config.replicaof) {
    problems.push(
      problem(
        file,
        where('replicaof', read.lines),
        'replicaof-in-cluster',
        'a Redis Cluster node cannot be configured as a replica in its file; Redis refuses to start ("replicaof directive not allowed in cluster mode"). Fix: remove the line; redis-cli --cluster create, or CLUSTER REPLICATE, makes a node a replica.',
      ),
    );
  }
  problems.push(...announceProblems(file, config, read.lines));
  if (config.requirepass !== undefined && config.masterauth === undefined) {
    problems.push(
      problem(
        file,
        where('requirepass', read.lines),
        'masterauth-missing',
        `sets a password but no masterauth. Any server may become a replica (Sentinel turns a failed primary into one when it returns; in a cluster a failed primary comes back as its replica's replica), and a replica without masterauth cannot authenticate to its new primary, so it never catches up. Fix: add "masterauth" with the same password (${REPLICATION_DOCS}#setting-a-replica-to-authenticate-to-a-master).`,
      ),
    );
  }
  return problems.length > 0 ? { ...read, config: undefined, problems } : read;
}
