import { describe, expect, it } from 'vitest';
import { REDIS_CLUSTER_FILES, REDIS_SENTINEL_FILES, REDIS_SERVER_FILES } from '../../../src/lab/redis/lab-files.ts';
import { readRedisLab } from '../../../src/lab/redis/read-lab.ts';
import { labFile } from './read-fixture.ts';

const ALL = [...REDIS_SERVER_FILES, ...REDIS_SENTINEL_FILES, ...REDIS_CLUSTER_FILES];

/** The lines that differ between two files of one kind. */
function differingLines(a: string, b: string): string[] {
  const other = b.split('\n');
  return a.split('\n').filter((line, i) => line !== other[i]);
}

/** The files the site shows, the build checks and the harness boots: they must pass every rule. */
describe("the Redis lab's files", () => {
  const { lab, problems } = readRedisLab(labFile);

  it('pass every rule, file by file and group by group', () => {
    expect(problems).toEqual([]);
    expect(lab).toBeDefined();
  });

  it('use loopback addresses of their own, clear of the PostgreSQL lab (127.0.0.11-30)', () => {
    const addresses = [
      ...(lab?.servers ?? []).map((s) => s.config.bind),
      ...(lab?.sentinels ?? []).map((s) => s.config.bind),
      ...(lab?.nodes ?? []).map((s) => s.config.bind),
    ].flat();
    expect(addresses).toEqual([
      '127.0.0.41',
      '127.0.0.42',
      '127.0.0.43',
      '127.0.0.51',
      '127.0.0.52',
      '127.0.0.53',
      '127.0.0.61',
      '127.0.0.62',
      '127.0.0.63',
      '127.0.0.64',
      '127.0.0.65',
      '127.0.0.66',
    ]);
    for (const a of addresses) expect(Number(a.split('.')[3])).toBeGreaterThan(30);
  });

  it('form a Sentinel group of one primary, two replicas and three Sentinels with a majority quorum', () => {
    expect(lab?.servers.map((s) => s.config.replicaof ?? 'primary')).toEqual([
      'primary',
      { host: '127.0.0.41', port: 6379 },
      { host: '127.0.0.41', port: 6379 },
    ]);
    expect(lab?.sentinels.map((s) => s.config['sentinel monitor'].quorum)).toEqual([2, 2, 2]);
  });

  it('differ, within each kind, only in the lines that name the node', () => {
    for (const files of [REDIS_SENTINEL_FILES, REDIS_CLUSTER_FILES]) {
      const [first, ...rest] = files.map(labFile);
      for (const text of rest) {
        for (const line of differingLines(first ?? '', text)) {
          expect(line).toMatch(/127\.0\.0\.\d\d|sentinel\d|node\d|[1-6] of [36]/);
        }
      }
    }
    const [redis2, redis3] = [labFile(REDIS_SERVER_FILES[1]), labFile(REDIS_SERVER_FILES[2])];
    for (const line of differingLines(redis2, redis3)) expect(line).toMatch(/127\.0\.0\.4[23]|redis[23]|[23] of 3/);
  });

  it.each(ALL)('%s has balanced [start:name] and [end:name] markers', (file) => {
    const text = labFile(file);
    const starts = [...text.matchAll(/^# \[start:([\w-]+)\]$/gm)].map((m) => m[1]);
    const ends = [...text.matchAll(/^# \[end:([\w-]+)\]$/gm)].map((m) => m[1]);
    expect(starts.length).toBeGreaterThan(0);
    expect(ends).toEqual(starts);
  });
});
