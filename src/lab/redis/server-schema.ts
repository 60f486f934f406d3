/**
 * The redis.conf directives the lab's server files use (the Sentinel group's servers and the
 * Redis Cluster nodes), as a strict schema: a directive outside it is refused with a hint. Names
 * and defaults from Redis 7.0 (https://github.com/redis/redis/blob/7.0/redis.conf, defaults in
 * src/config.c).
 */
import { z } from 'zod';
import { absolutePath, ipv4, memory, port, wholeNumber, yesNo } from './conf-values.ts';
import type { DirectiveTable } from './directives.ts';

export const SERVER_DIRECTIVES = {
  bind: { arity: 'many' },
  port: { arity: 'one' },
  'protected-mode': { arity: 'one' },
  'replica-announce-ip': { arity: 'one' },
  'replica-announce-port': { arity: 'one' },
  'bind-source-addr': { arity: 'one' },
  replicaof: { arity: 2 },
  requirepass: { arity: 'one' },
  masterauth: { arity: 'one' },
  masteruser: { arity: 'one' },
  'min-replicas-to-write': { arity: 'one' },
  'min-replicas-max-lag': { arity: 'one' },
  appendonly: { arity: 'one' },
  appendfsync: { arity: 'one' },
  'replica-priority': { arity: 'one' },
  'replica-read-only': { arity: 'one' },
  'repl-backlog-size': { arity: 'one' },
  'repl-diskless-sync': { arity: 'one' },
  'repl-diskless-sync-delay': { arity: 'one' },
  'repl-timeout': { arity: 'one' },
  'repl-ping-replica-period': { arity: 'one' },
  daemonize: { arity: 'one' },
  logfile: { arity: 'one' },
  loglevel: { arity: 'one' },
  'proc-title-template': { arity: 'one' },
  dir: { arity: 'one' },
  'cluster-enabled': { arity: 'one' },
  'cluster-config-file': { arity: 'one' },
  'cluster-node-timeout': { arity: 'one' },
  'cluster-replica-validity-factor': { arity: 'one' },
  'cluster-require-full-coverage': { arity: 'one' },
  'cluster-allow-reads-when-down': { arity: 'one' },
  'cluster-migration-barrier': { arity: 'one' },
  'cluster-announce-ip': { arity: 'one' },
} as const satisfies DirectiveTable;

export const redisServerSchema = z.strictObject({
  /** Addresses to listen on. Default: all interfaces (with protected mode limiting access). */
  bind: z.array(ipv4).min(1),
  /** Client port. Default 6379; the cluster bus listens on this port + 10000. */
  port: port.optional(),
  /** Refuse clients from other hosts when no password is set (default yes). */
  'protected-mode': yesNo.optional(),
  /** The address a replica reports to its primary, instead of its connection's source address. */
  'replica-announce-ip': ipv4.optional(),
  /** The port a replica reports to its primary (default: its own port). */
  'replica-announce-port': port.optional(),
  /** The local address outgoing connections start from (Redis 7.0+; default: the system's choice). */
  'bind-source-addr': ipv4.optional(),
  /** Replicate from this primary: host and port. */
  replicaof: z
    .tuple([ipv4, port])
    .transform(([host, p]) => ({ host, port: p }))
    .optional(),
  /** The password clients (and replicas, and Sentinels) must give. */
  requirepass: z.string().min(1, 'must not be empty').optional(),
  /** The password this server gives its primary when it replicates. */
  masterauth: z.string().min(1, 'must not be empty').optional(),
  /** The ACL user this server authenticates as when it replicates (default: the default user). */
  masteruser: z.string().min(1).optional(),
  /** Refuse writes while fewer replicas than this are connected and recent (default 0: off). */
  'min-replicas-to-write': wholeNumber(0).optional(),
  /** Seconds since a replica's last acknowledgement for it to count as recent (default 10). */
  'min-replicas-max-lag': wholeNumber(0).optional(),
  /** Log every write to an append-only file (default no: snapshots only). */
  appendonly: yesNo.optional(),
  /** When the append-only file is flushed to disk: always, everysec (default) or no (the OS decides). */
  appendfsync: z.enum(['always', 'everysec', 'no']).optional(),
  /** Sentinel promotes lower numbers first; 0 never (default 100). */
  'replica-priority': wholeNumber(0).optional(),
  /** Replicas refuse writes (default yes). */
  'replica-read-only': yesNo.optional(),
  /** The primary's buffer of recent writes for partial resynchronisation (default 1mb). */
  'repl-backlog-size': memory.optional(),
  /** Send a full copy straight to the socket instead of through a file on disk (default yes). */
  'repl-diskless-sync': yesNo.optional(),
  /** Seconds a diskless full copy waits for more replicas to share it (default 5). */
  'repl-diskless-sync-delay': wholeNumber(0).optional(),
  /** Seconds without data after which a replication link counts as broken (default 60). */
  'repl-timeout': wholeNumber(1).optional(),
  /** Seconds between the primary's pings to its replicas (default 10). */
  'repl-ping-replica-period': wholeNumber(1).optional(),
  /** Fork into the background (default no). */
  daemonize: yesNo.optional(),
  /** Log file; "" is standard output (the default). */
  logfile: z.string().optional(),
  /** How much to log (default notice). */
  loglevel: z.enum(['debug', 'verbose', 'notice', 'warning', 'nothing']).optional(),
  /** The process title `ps` shows (Redis 6.2+). */
  'proc-title-template': z.string().min(1).optional(),
  /** The working directory: snapshots, the append-only log and the cluster's nodes file. */
  dir: absolutePath,
  /** Run as a Redis Cluster node (default no). */
  'cluster-enabled': yesNo.optional(),
  /** The file, in dir, where a cluster node keeps its view of the cluster (default nodes.conf). */
  'cluster-config-file': z.string().min(1).optional(),
  /** Milliseconds a cluster node may not answer before it is suspected to be failing (default 15000). */
  'cluster-node-timeout': wholeNumber(1).optional(),
  /** How stale (in node timeouts) a replica's data may be for it to fail over (default 10; 0: always). */
  'cluster-replica-validity-factor': wholeNumber(0).optional(),
  /** Refuse all queries while any hash slot has no working primary (default yes). */
  'cluster-require-full-coverage': yesNo.optional(),
  /** Serve reads while the cluster is down (default no). */
  'cluster-allow-reads-when-down': yesNo.optional(),
  /** Replicas a primary keeps before one may migrate to an orphaned primary (default 1). */
  'cluster-migration-barrier': wholeNumber(0).optional(),
  /** The address a cluster node announces to the others and in redirects. */
  'cluster-announce-ip': ipv4.optional(),
});

export type RedisServerConfig = z.infer<typeof redisServerSchema>;
