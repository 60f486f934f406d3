/**
 * The Redis lab's files, relative to content/lab/. The article, the tests, the build's check and
 * the harness all take the lists from here.
 */
export const REDIS_SERVER_FILES = [
  'redis/replication/redis1.conf',
  'redis/replication/redis2.conf',
  'redis/replication/redis3.conf',
] as const;
export const REDIS_SENTINEL_FILES = [
  'redis/sentinel/sentinel1.conf',
  'redis/sentinel/sentinel2.conf',
  'redis/sentinel/sentinel3.conf',
] as const;
export const REDIS_CLUSTER_FILES = [
  'redis/cluster/node1.conf',
  'redis/cluster/node2.conf',
  'redis/cluster/node3.conf',
  'redis/cluster/node4.conf',
  'redis/cluster/node5.conf',
  'redis/cluster/node6.conf',
] as const;
