import { describe, expect, it } from 'vitest';
import { validateRedisServer } from '../../../src/lab/redis/validate-server.ts';
import { validateSentinel } from '../../../src/lab/redis/validate-sentinel.ts';
import { fixture } from './read-fixture.ts';

const REDIS_CONF = 'https://github.com/redis/redis/blob/7.0/redis.conf';
const SENTINEL_CONF = 'https://github.com/redis/redis/blob/7.0/sentinel.conf';
const REPLICATION = 'https://redis.io/docs/latest/operate/oss_and_stack/management/replication/';
const SENTINEL = 'https://redis.io/docs/latest/operate/oss_and_stack/management/sentinel/';

const server = (name: string) => validateRedisServer(name, fixture(name)).problems.map((p) => p.message);
const sentinel = (name: string) => validateSentinel(name, fixture(name)).problems.map((p) => p.message);

describe('a Redis server file on its own', () => {
  it('refuses a comment written after a directive', () => {
    expect(server('comment-after-directive.conf')).toEqual([
      'comment-after-directive.conf: port (line 2): takes exactly one argument, not 5; a "#" after a directive is not a comment in a Redis configuration file but one more argument ("# the default port"), so Redis refuses the file. Fix: move the comment to a line of its own.',
    ]);
  });

  it('refuses an apostrophe in such a comment as Redis does: as a quote that is never closed', () => {
    expect(server('apostrophe-in-comment.conf')).toEqual([
      'apostrophe-in-comment.conf: line 2: a quote is not closed, or a closing quote is followed by something other than a space; Redis refuses the file ("Unbalanced quotes in configuration line"). Fix: close the quote, and put a space after it. If the quote is in a comment after the directive: a "#" there does not start a comment, so move the comment to a line of its own.',
    ]);
  });

  it('refuses a quote that is never closed', () => {
    expect(server('unbalanced-quotes.conf')).toEqual([
      'unbalanced-quotes.conf: line 3: a quote is not closed, or a closing quote is followed by something other than a space; Redis refuses the file ("Unbalanced quotes in configuration line"). Fix: close the quote, and put a space after it.',
    ]);
  });

  it('names the directive a typo meant, and the new name of an old one', () => {
    expect(server('misspelt-and-renamed.conf')).toEqual([
      'misspelt-and-renamed.conf: replica-anounce-ip (line 2): not a directive the lab\'s reader knows. Fix: did you mean "replica-announce-ip"?',
      'misspelt-and-renamed.conf: slaveof (line 4): not a directive the lab\'s reader knows. "slaveof" is the old name of "replicaof". Fix: write replicaof.',
    ]);
  });

  it('refuses a directive set twice', () => {
    expect(server('set-twice.conf')).toEqual([
      'set-twice.conf: appendonly (line 4): is already set on line 3; Redis keeps only one of the two, so one line has no effect. Fix: keep one.',
    ]);
  });

  it('checks values: argument count, ranges, yes or no, choices, absolute paths', () => {
    expect(server('bad-values.conf')).toEqual([
      'bad-values.conf: repl-backlog-size (line 6): takes exactly one argument, not 2; Redis refuses the file ("wrong number of arguments"). Fix: give it exactly one argument.',
      `bad-values.conf: port (line 2): "70000": must be 65535 or less. Fix: see port in ${REDIS_CONF} for the values it takes.`,
      `bad-values.conf: appendonly (line 4): "true": expected yes or no. Fix: see appendonly in ${REDIS_CONF} for the values it takes.`,
      `bad-values.conf: appendfsync (line 5): "every-second": Invalid option: expected one of "always"|"everysec"|"no". Fix: see appendfsync in ${REDIS_CONF} for the values it takes.`,
      `bad-values.conf: dir (line 7): "var/lib/redis/cde-lab/redis1": expected an absolute path. Fix: see dir in ${REDIS_CONF} for the values it takes.`,
    ]);
  });

  it('requires a server on its own address to announce it (the pitfall behind NAT and on loopback aliases)', () => {
    expect(server('no-announce.conf')).toEqual([
      `no-announce.conf: bind (line 3): this server listens on 127.0.0.42 but sets neither replica-announce-ip nor bind-source-addr. As a replica its primary lists it under the source address of its connection (127.0.0.1 on a machine with several loopback addresses, the inner address behind NAT), Sentinel finds no replica it can reach, and a failover never happens. Fix: add "replica-announce-ip 127.0.0.42" (${REPLICATION}#configuring-replication-in-docker-and-nat) and "bind-source-addr 127.0.0.42".`,
    ]);
  });

  it('refuses an announced address the server does not listen on', () => {
    expect(server('announce-other-address.conf')).toEqual([
      'announce-other-address.conf: replica-announce-ip (line 2): is 127.0.0.41, but this server listens on 127.0.0.42: the others would look for it where it does not listen. Fix: use its own address, 127.0.0.42.',
    ]);
  });

  it('requires masterauth beside requirepass, since a primary becomes a replica after a failover', () => {
    expect(server('no-masterauth.conf')).toEqual([
      `no-masterauth.conf: requirepass (line 4): sets a password but no masterauth. Any server may become a replica (Sentinel turns a failed primary into one when it returns; in a cluster a failed primary comes back as its replica's replica), and a replica without masterauth cannot authenticate to its new primary, so it never catches up. Fix: add "masterauth" with the same password (${REPLICATION}#setting-a-replica-to-authenticate-to-a-master).`,
    ]);
  });

  it('refuses replicaof in a cluster node, as Redis does', () => {
    expect(server('cluster-node-replicaof.conf')).toEqual([
      'cluster-node-replicaof.conf: replicaof (line 5): a Redis Cluster node cannot be configured as a replica in its file; Redis refuses to start ("replicaof directive not allowed in cluster mode"). Fix: remove the line; redis-cli --cluster create, or CLUSTER REPLICATE, makes a node a replica.',
    ]);
  });

  it('requires a cluster node on its own address to announce it', () => {
    expect(server('cluster-node-no-announce.conf')).toEqual([
      `cluster-node-no-announce.conf: bind (line 1): this cluster node listens on 127.0.0.64 but sets neither cluster-announce-ip nor bind-source-addr. The other nodes then learn its address from the source address of its connections (127.0.0.1 on a machine with several loopback addresses, the inner address behind NAT), cannot reach it there, and the cluster never forms ("Waiting for the cluster to join" forever). Fix: add "cluster-announce-ip 127.0.0.64" (${REDIS_CONF}, CLUSTER DOCKER/NAT support) and "bind-source-addr 127.0.0.64".`,
    ]);
  });
});

describe('a Sentinel file on its own', () => {
  it('refuses a quorum below 1, as Sentinel does', () => {
    expect(sentinel('sentinel-quorum-zero.conf')).toEqual([
      `sentinel-quorum-zero.conf: sentinel monitor (line 3): "cde-redis 127.0.0.41 6379 0": the quorum must be 1 or more; Sentinel refuses less ("Quorum must be 1 or greater."). Fix: see sentinel monitor in ${SENTINEL_CONF} for the values it takes.`,
    ]);
  });

  it('refuses a setting for a primary it does not monitor', () => {
    expect(sentinel('sentinel-other-name.conf')).toEqual([
      'sentinel-other-name.conf: sentinel down-after-milliseconds (line 5): names the primary "mymaster", but this Sentinel monitors "cde-redis"; Sentinel refuses the file ("No such master with specified name."). Fix: write sentinel down-after-milliseconds cde-redis ...',
    ]);
  });

  it('refuses the state lines Sentinel writes into its own file', () => {
    const text =
      "is state that Sentinel writes into its own file as it runs, not a setting. Copied into another Sentinel's file it makes two Sentinels share one identity or history (with one myid the others drop all but one as duplicates). Fix: remove it, and start each Sentinel from a file without such lines.";
    expect(sentinel('sentinel-state-lines.conf')).toEqual([
      `sentinel-state-lines.conf: sentinel myid (line 7): ${text}`,
      `sentinel-state-lines.conf: sentinel current-epoch (line 8): ${text}`,
    ]);
  });

  it('requires announce-ip on its own address', () => {
    expect(sentinel('sentinel-no-announce.conf')).toEqual([
      `sentinel-no-announce.conf: bind (line 1): this Sentinel listens on 127.0.0.51 but has no "sentinel announce-ip". It then announces, in its hello messages, the local address of its connection to the primary (127.0.0.1 on a machine with several loopback addresses, the inner address behind NAT); the other Sentinels cannot reach it there, the primary can be seen down (+sdown) but never agreed down (+odown), and no failover happens. Fix: add "sentinel announce-ip 127.0.0.51" (${SENTINEL}#sentinel-docker-nat-and-possible-issues).`,
    ]);
  });
});
