import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRedisResults, redisFigure, redisTranscript, untilJoined } from '../../../src/lab/redis/figures.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/results/${name}`, import.meta.url));
const results = readRedisResults(fixture('redis.json'));

describe("the lab article's figures", () => {
  it('formats durations in seconds with one decimal, and counts', () => {
    expect(redisFigure(results, 'sentinel-crash.sdown')).toBe('2.0 s');
    expect(redisFigure(results, 'sentinel-crash.switch')).toBe('3.3 s');
    expect(redisFigure(results, 'down-after')).toBe('2.0 s');
    expect(redisFigure(results, 'sentinel-crash.plain.acknowledged')).toBe('101');
    expect(redisFigure(results, 'cluster-crash.fail')).toBe('4.9 s');
  });

  it('separates the pause with the files’ min-replicas-to-write from the one with it switched off', () => {
    expect(redisFigure(results, 'pause.min-replicas')).toBe('1');
    expect(redisFigure(results, 'pause-off.min-replicas')).toBe('0');
    expect(redisFigure(results, 'pause-off.plain.lost')).toBe('409');
    expect(redisFigure(results, 'pause-off.wait.lost')).toBe('18');
    expect(redisFigure(results, 'pause-off.wait.unconfirmed')).toBe('18');
    expect(redisFigure(results, 'pause-off.wait.confirmed-lost')).toBe('0');
  });

  it('fails the build for an unknown name, listing the known ones', () => {
    expect(() => redisFigure(results, 'crash.odown')).toThrow(
      /^<RedisFigure name="crash\.odown">: no such figure\. Fix: use one of measured-on, version, /,
    );
  });

  it('fails the build when the results file does not match its schema, and says what to run', () => {
    expect(() => readRedisResults(fixture('missing-field.json'))).toThrow(
      'bench-results/redis.json: clusterCrash.promotedSeconds: Invalid input: expected number, received undefined. Fix: run npm run test:redis again; if the schema changed, update src/lab/redis/results-schema.ts with it.',
    );
  });

  it('fails the build when there is no results file', () => {
    expect(() => readRedisResults(fixture('none.json'))).toThrow(
      /^bench-results\/redis\.json cannot be read \(ENOENT: .*\)\. Fix: run npm run test:redis, which measures the Redis lab and writes it\.$/,
    );
  });

  it('shows redis-cli transcripts as a console does', () => {
    expect(redisTranscript(results, 'moved')).toBe(
      [
        '$ redis-cli -h 127.0.0.61 -p 6379 SET user:1000:name Ada',
        '(error) MOVED 13514 127.0.0.63:6379',
        '$ redis-cli -h 127.0.0.61 -p 6379 -c SET user:1000:name Ada',
        'OK',
        '$ redis-cli -h 127.0.0.61 -p 6379 -c GET user:1000:name',
        '"Ada"',
      ].join('\n'),
    );
  });

  it('abridges redis-cli --cluster create to its plan and its last line, marking the cut', () => {
    const output = [
      '>>> Performing hash slots allocation on 6 nodes...',
      'Master[0] -> Slots 0 - 5460',
      'Adding replica 127.0.0.65:6379 to 127.0.0.61:6379',
      'M: 93dde52b894ddc08f681e8abde26fc0638196ef7 127.0.0.61:6379',
      '   slots:[0-5460] (5461 slots) master',
      'S: 5dd9061001b7fc380265b5b77045ded289f4f902 127.0.0.65:6379',
      '   replicates 93dde52b894ddc08f681e8abde26fc0638196ef7',
      '>>> Nodes configuration updated',
      'Waiting for the cluster to join',
      '.',
      '>>> Performing Cluster Check (using node 127.0.0.61:6379)',
      '[OK] All 16384 slots covered.',
    ].join('\n');
    expect(untilJoined(output)).toBe(
      [
        '>>> Performing hash slots allocation on 6 nodes...',
        'Master[0] -> Slots 0 - 5460',
        'Adding replica 127.0.0.65:6379 to 127.0.0.61:6379',
        '>>> Nodes configuration updated',
        'Waiting for the cluster to join',
        '… (node IDs and the check of every node and slot left out) …',
        '[OK] All 16384 slots covered.',
      ].join('\n'),
    );
  });
});
