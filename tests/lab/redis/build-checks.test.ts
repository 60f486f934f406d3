import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { languageOf } from '../../../src/config-files/source.ts';
import { labBuildProblems } from '../../../src/lab/lab-check.ts';
import { requireRedisLab } from '../../../src/lab/redis/read-lab.ts';
import { labFile, labWith } from './read-fixture.ts';

describe('the build and the Redis lab files', () => {
  it('publishes the files when they are valid', () => {
    expect(requireRedisLab(labFile).servers).toHaveLength(3);
  });

  it('fails with every problem, naming file, directive and line', () => {
    expect(() => requireRedisLab(labWith('redis/replication/redis2.conf', 'replica-wrong-address.conf'))).toThrow(
      'the Redis lab\'s files in content/lab/redis/ have problems:\n- redis/replication/redis2.conf: replicaof (line 5): 127.0.0.40 6379 is not where the primary listens (redis/replication/redis1.conf: bind 127.0.0.41, port 6379), so this replica can never connect and never receives any data. Fix: "replicaof 127.0.0.41 6379".',
    );
  });

  it('is part of the check the build runs before publishing the lab, with the line first', () => {
    const read = labWith('redis/replication/redis2.conf', 'replica-wrong-address.conf');
    const redis = labBuildProblems(read, fileURLToPath(new URL('../../../content/lab', import.meta.url))).filter(
      (message) => message.includes('redis/'),
    );
    expect(redis).toEqual([
      'content/lab/redis/replication/redis2.conf:5: replicaof (line 5): 127.0.0.40 6379 is not where the primary listens (redis/replication/redis1.conf: bind 127.0.0.41, port 6379), so this replica can never connect and never receives any data. Fix: "replicaof 127.0.0.41 6379".',
    ]);
  });

  it('highlights redis.conf and sentinel.conf with the shell grammar', () => {
    expect(languageOf('lab/redis/replication/redis1.conf')).toBe('shellscript');
    expect(languageOf('lab/redis/sentinel/sentinel1.conf')).toBe('shellscript');
    expect(languageOf('lab/other/some.conf')).toBe('text');
  });
});
