import { describe, expect, it } from 'vitest';
import { relocateRedisConf } from '../../../src/lab/redis/machine-paths.ts';
import { REDIS_CLUSTER_FILES, REDIS_SENTINEL_FILES, REDIS_SERVER_FILES } from '../../../src/lab/redis/lab-files.ts';
import { readConfLines } from '../../../src/lab/redis/conf-lines.ts';
import { ownerOfSlot, parseClusterNodes, plainText } from '../../../scripts/cluster/redis-cluster-ops.ts';
import { withoutAnnounceLines } from '../../../scripts/cluster/redis-pitfall.ts';
import { encodeCommand, ReplyError, ReplyParser } from '../../../scripts/cluster/redis-resp.ts';
import { crc16, hashedPart, keySlot } from '../../../scripts/cluster/redis-slots.ts';
import { labFile } from './read-fixture.ts';

describe('the Redis protocol', () => {
  it('encodes a command as an array of bulk strings', () => {
    expect(encodeCommand(['SET', 'k', 42]).toString()).toBe('*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\n42\r\n');
  });

  it('counts bytes, not characters, in bulk strings', () => {
    expect(encodeCommand(['é']).toString()).toBe('*1\r\n$2\r\né\r\n');
  });

  it('parses every reply type, and waits for a reply split across chunks', () => {
    const parser = new ReplyParser();
    expect(parser.push(Buffer.from('+OK\r\n:3\r\n$-1\r\n*2\r\n$3\r\nfoo\r\n$'))).toEqual(['OK', 3, null]);
    expect(parser.push(Buffer.from('3\r\nbar\r\n-MOVED 3999 127.0.0.62:6379\r\n'))).toEqual([
      ['foo', 'bar'],
      new ReplyError('MOVED 3999 127.0.0.62:6379'),
    ]);
  });

  it("names an error reply's code", () => {
    expect(new ReplyError('NOREPLICAS Not enough good replicas to write.').code).toBe('NOREPLICAS');
  });
});

describe('hash slots', () => {
  it("computes CRC16/XMODEM as the cluster specification's check value says", () => {
    expect(crc16(Buffer.from('123456789'))).toBe(0x31c3);
  });

  it("hashes a key's tag alone, by the specification's examples", () => {
    expect(hashedPart('{user1000}.following')).toBe('user1000');
    expect(hashedPart('foo{}{bar}')).toBe('foo{}{bar}');
    expect(hashedPart('foo{{bar}}zap')).toBe('{bar');
    expect(hashedPart('foo{bar}{zap}')).toBe('bar');
  });

  it('agrees with CLUSTER KEYSLOT on Redis 7.0.15', () => {
    // Slots Redis itself returned for these keys in the lab (bench-results/redis.json, clusterDemo).
    expect(keySlot('user:1000:name')).toBe(13514);
    expect(keySlot('user:1000:email')).toBe(5044);
    expect(keySlot('user:{1000}:name')).toBe(11326);
    expect(keySlot('user:{1000}:email')).toBe(11326);
  });
});

describe('the cluster topology', () => {
  const text = [
    'a1 127.0.0.61:6379@16379 master,fail - 1 0 1 disconnected 0-5460',
    'b2 127.0.0.62:6379@16379 myself,master - 0 0 2 connected 5461-10922',
    'c3 127.0.0.65:6379@16379 master - 0 0 7 connected 0-5460',
    'd4 127.0.0.66:6379@16379 slave b2 0 0 2 connected',
  ].join('\n');

  it('reads CLUSTER NODES lines', () => {
    expect(parseClusterNodes(text)[3]).toEqual({
      id: 'd4',
      address: '127.0.0.66:6379',
      flags: ['slave'],
      primaryId: 'b2',
      linkState: 'connected',
      slots: [],
    });
  });

  it('removes the colour codes redis-cli --cluster prints', () => {
    const escape = String.fromCharCode(27);
    expect(
      plainText(`${escape}[29;1m>>> Check slots coverage...\n${escape}[0m${escape}[32;1m[OK] All 16384 slots covered.`),
    ).toBe('>>> Check slots coverage...\n[OK] All 16384 slots covered.');
  });

  it('finds the working primary of a slot, not a failed one', () => {
    const topology = parseClusterNodes(text);
    expect(ownerOfSlot(topology, 100)?.id).toBe('c3');
    expect(ownerOfSlot(topology, 5461)?.id).toBe('b2');
    expect(ownerOfSlot(topology, 16000)).toBeUndefined();
  });
});

describe("the harness's copies of the lab files", () => {
  it.each([...REDIS_SERVER_FILES, ...REDIS_SENTINEL_FILES, ...REDIS_CLUSTER_FILES])(
    '%s: only the dir line changes',
    (file) => {
      const text = labFile(file);
      const dir = readConfLines(file, text).directives.find((d) => d.name === 'dir')?.args[0] ?? '';
      const copy = relocateRedisConf(file, text, dir, '/tmp/cde-redis-x');
      const changed = copy.split('\n').filter((line, i) => line !== text.split('\n')[i]);
      expect(changed).toEqual([`dir /tmp/cde-redis-x/${dir.split('/').at(-1) ?? ''}`]);
    },
  );

  it('refuses to relocate a dir outside the sample prefix', () => {
    expect(() => relocateRedisConf('x.conf', 'dir /data\n', '/data', '/tmp/y')).toThrow(
      'x.conf: dir is "/data", outside /var/lib/redis/cde-lab; the lab\'s scripts only relocate paths under it.',
    );
  });

  it('the pitfall copy drops exactly the announce lines', () => {
    const text = labFile('redis/sentinel/sentinel1.conf');
    const removed = text.split('\n').filter((line) => !withoutAnnounceLines(text).split('\n').includes(line));
    expect(removed).toEqual(['sentinel announce-ip 127.0.0.51', 'sentinel announce-port 26379']);
    const node = labFile('redis/cluster/node1.conf');
    const keptNode = withoutAnnounceLines(node).split('\n');
    expect(node.split('\n').filter((line) => !keptNode.includes(line))).toEqual([
      'cluster-announce-ip 127.0.0.61',
      'bind-source-addr 127.0.0.61',
    ]);
    const server = labFile('redis/replication/redis2.conf');
    const kept = withoutAnnounceLines(server).split('\n');
    expect(server.split('\n').filter((line) => !kept.includes(line))).toEqual([
      'replica-announce-ip 127.0.0.42',
      'replica-announce-port 6379',
      'bind-source-addr 127.0.0.42',
    ]);
  });
});
