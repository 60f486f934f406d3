import { describe, expect, it } from 'vitest';
import { checkClusterNodes, checkSentinelGroup } from '../../../src/lab/redis/check-groups.ts';
import { readRedisLab } from '../../../src/lab/redis/read-lab.ts';
import { labFile, labWith } from './read-fixture.ts';

const REPLICATION = 'https://redis.io/docs/latest/operate/oss_and_stack/management/replication/';
const SENTINEL = 'https://redis.io/docs/latest/operate/oss_and_stack/management/sentinel/';
const SCALING = 'https://redis.io/docs/latest/operate/oss_and_stack/management/scaling/';

const messages = (replaced: string, fixtureName: string) =>
  readRedisLab(labWith(replaced, fixtureName)).problems.map((p) => p.message);

describe('the Sentinel group', () => {
  it('refuses a replica that points where its primary does not listen', () => {
    expect(messages('redis/replication/redis2.conf', 'replica-wrong-address.conf')).toEqual([
      'redis/replication/redis2.conf: replicaof (line 5): 127.0.0.40 6379 is not where the primary listens (redis/replication/redis1.conf: bind 127.0.0.41, port 6379), so this replica can never connect and never receives any data. Fix: "replicaof 127.0.0.41 6379".',
    ]);
  });

  it("refuses a replica whose masterauth is not the primary's requirepass", () => {
    expect(messages('redis/replication/redis3.conf', 'replica-wrong-masterauth.conf')).toEqual([
      `redis/replication/redis3.conf: masterauth (line 7): does not match the requirepass of redis/replication/redis1.conf: the primary refuses this server's replication link (its log shows the authentication error), so it never copies anything. Fix: set masterauth to the primary's requirepass (${REPLICATION}#setting-a-replica-to-authenticate-to-a-master).`,
    ]);
  });

  it('refuses two primaries', () => {
    expect(messages('redis/replication/redis3.conf', 'second-primary.conf')).toEqual([
      'redis/replication/redis3.conf: has no replicaof line, like redis/replication/redis1.conf: the group would start with two primaries, each taking writes the other never sees. Fix: add "replicaof 127.0.0.41 6379".',
    ]);
  });

  it('refuses min-replicas-to-write that a primary left after one failure cannot meet', () => {
    expect(messages('redis/replication/redis1.conf', 'min-replicas-two.conf')).toEqual([
      'redis/replication/redis1.conf: min-replicas-to-write (line 8): is 2, but once one of the 3 servers fails the new primary has only 1 replica: it refuses every write (NOREPLICAS) until the failed server is back, so a failover restores no writes. Fix: at most 1 (the number of servers minus two), or add servers.',
    ]);
  });

  it('refuses a quorum larger than the number of Sentinels', () => {
    expect(messages('redis/sentinel/sentinel2.conf', 'sentinel-quorum-four.conf')).toEqual([
      `redis/sentinel/sentinel2.conf: sentinel monitor (line 4): the quorum is 4, but the group has 3 Sentinels: 4 of them can never agree that the primary is down, so it is never marked objectively down (+odown) and no failover ever starts. Fix: a quorum from 1 to 3; 2, a majority, is usual (${SENTINEL}#quorum).`,
      'redis/sentinel/sentinel2.conf: sentinel monitor (line 4): differs from redis/sentinel/sentinel1.conf; every Sentinel of the group must watch the same primary, under the same name, with the same quorum. Fix: copy it from redis/sentinel/sentinel1.conf.',
    ]);
  });

  it('refuses only two Sentinels', () => {
    const lab = readRedisLab(labFile).lab;
    if (!lab) throw new Error('the lab files must be valid');
    expect(checkSentinelGroup(lab.servers, lab.sentinels.slice(0, 2)).map((p) => p.message)).toEqual([
      `redis/sentinel/sentinel1.conf: the group has only two Sentinels. A failover must be authorised by a majority of the Sentinels (2 of 2), and the machine that fails usually takes its Sentinel with it: the one left is 1 of 2, not a majority, so nothing is promoted, whatever the quorum. Fix: run at least three Sentinels on machines that fail independently (${SENTINEL}#example-1-just-two-sentinels-dont-do-this).`,
    ]);
  });

  it("refuses a Sentinel whose auth-pass is not the servers' password", () => {
    expect(messages('redis/sentinel/sentinel2.conf', 'sentinel-wrong-auth.conf')).toEqual([
      "redis/sentinel/sentinel2.conf: sentinel auth-pass (line 5): does not match the servers' requirepass (redis/replication/redis1.conf): the servers refuse this Sentinel's PING and INFO, so it cannot tell whether the primary is up or find its replicas. Fix: use the servers' requirepass.",
    ]);
  });

  it('refuses a Sentinel without auth-pass when the servers need a password', () => {
    expect(messages('redis/sentinel/sentinel3.conf', 'sentinel-no-auth.conf')).toEqual([
      `redis/sentinel/sentinel3.conf: sentinel monitor (line 4): the servers require a password, but this Sentinel has no "sentinel auth-pass": the servers refuse its PING and INFO (NOAUTH), so it cannot tell whether the primary is up or find its replicas. Fix: add "sentinel auth-pass cde-redis <the servers' requirepass>" (${SENTINEL}#redis-password-only-authentication).`,
    ]);
  });

  it('refuses a Sentinel that watches a replica, or decides with another timeout', () => {
    expect(messages('redis/sentinel/sentinel3.conf', 'sentinel-watches-replica.conf')).toEqual([
      'redis/sentinel/sentinel3.conf: sentinel monitor (line 4): watches 127.0.0.42:6379, but the group\'s primary is 127.0.0.41:6379 (redis/replication/redis1.conf). Sentinel discovers the replicas and the other Sentinels from the server it watches, and treats a watched primary that reports itself a replica as down. Fix: "sentinel monitor cde-redis 127.0.0.41 6379 2".',
      'redis/sentinel/sentinel3.conf: sentinel monitor (line 4): differs from redis/sentinel/sentinel1.conf; every Sentinel of the group must watch the same primary, under the same name, with the same quorum. Fix: copy it from redis/sentinel/sentinel1.conf.',
      'redis/sentinel/sentinel3.conf: sentinel down-after-milliseconds (line 6): differs from redis/sentinel/sentinel1.conf; each Sentinel decides that a server is down with its own value, so the time a failover takes would depend on which Sentinels notice first. Fix: copy it from redis/sentinel/sentinel1.conf.',
    ]);
  });
});

describe('the Redis Cluster', () => {
  it('refuses a node without cluster-enabled', () => {
    expect(messages('redis/cluster/node4.conf', 'cluster-node-plain.conf')).toEqual([
      'redis/cluster/node4.conf: cluster-enabled: is not "yes", so this server runs as a plain Redis, not a cluster node: redis-cli --cluster create refuses it ("[ERR] Node 127.0.0.64:6379 is not configured as a cluster node."). Fix: add "cluster-enabled yes".',
    ]);
  });

  it('refuses another node timeout, another masterauth and a shared data directory', () => {
    expect(messages('redis/cluster/node5.conf', 'cluster-node-other-timeout.conf')).toEqual([
      'redis/cluster/node5.conf: cluster-node-timeout (line 9): differs from redis/cluster/node1.conf; each node suspects the others after its own timeout, so how long a failover takes would depend on which nodes notice first. Fix: copy it from redis/cluster/node1.conf.',
      "redis/cluster/node5.conf: masterauth (line 8): does not match requirepass: when this node is a replica its primary refuses its replication link, so it never copies the data it would have to take over. Fix: set masterauth to the cluster's requirepass.",
      'redis/cluster/node5.conf: dir (line 10): "/var/lib/redis/cde-lab/node1" is also used by redis/cluster/node1.conf. Fix: give each its own value.',
    ]);
  });

  it('refuses fewer than six nodes for three primaries with a replica each', () => {
    const lab = readRedisLab(labFile).lab;
    if (!lab) throw new Error('the lab files must be valid');
    expect(checkClusterNodes(lab.nodes.slice(0, 5)).map((p) => p.message)).toEqual([
      `redis/cluster/node1.conf: the cluster has 5 nodes, but three primaries with 1 replica each need 6: redis-cli --cluster create refuses ("Redis Cluster requires at least 3 master nodes"). Three primaries is the minimum because a replica takes over only when a majority of primaries votes for it (${SCALING}). Fix: add nodes.`,
    ]);
  });
});
