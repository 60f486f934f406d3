import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haproxyTimeMs } from '../../../src/lab/haproxy-cfg.ts';
import { labParams, readHaproxy } from '../../../src/lab/simulator-params.ts';
import { DEFAULT_PARAMS } from '../../../src/islands/patroni-sim/params.ts';

const FIXTURE = 'tests/fixtures/lab';

/** The fixture's files as import.meta.glob gives them: keyed by their path from the project root. */
function fixtureFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const dir of ['patroni', 'etcd', 'haproxy']) {
    for (const name of readdirSync(join(FIXTURE, dir))) {
      files[`/content/lab/${dir}/${name}`] = readFileSync(join(FIXTURE, dir, name), 'utf8');
    }
  }
  return files;
}

describe("reading the lab's configuration files", () => {
  it('takes every parameter from the files', () => {
    const { params, sources } = labParams(fixtureFiles());
    expect(params).toEqual({
      ttl: 40,
      loop_wait: 5,
      retry_timeout: 15,
      maximum_lag_on_failover: 2097152,
      synchronous_mode: true,
      nodes: [
        { name: 'node1', nofailover: false, nosync: false },
        { name: 'node2', nofailover: false, nosync: false },
        { name: 'node3', nofailover: true, nosync: false },
      ],
      etcd: ['member1', 'member2', 'member3'],
      etcdElectionMs: 1500,
      haproxy: { interMs: 3000, fall: 2, rise: 3, timeoutMs: 1500 },
    });
    expect(sources).toEqual([
      'patroni/node1.yml',
      'patroni/node2.yml',
      'patroni/node3.yml',
      'etcd/etcd1.yml',
      'etcd/etcd2.yml',
      'etcd/etcd3.yml',
      'haproxy/haproxy.cfg',
    ]);
  });

  it("falls back to the programs' defaults when there are no files", () => {
    expect(labParams({})).toEqual({ params: DEFAULT_PARAMS, sources: [] });
  });

  it('refuses node files that disagree on a cluster-wide setting', () => {
    const files = fixtureFiles();
    files['/content/lab/patroni/node2.yml'] = (files['/content/lab/patroni/node2.yml'] ?? '').replace(
      'ttl: 40',
      'ttl: 45',
    );
    expect(() => labParams(files)).toThrow(
      'content/lab/patroni/node2.yml: bootstrap.dcs.ttl is 45 but patroni/node1.yml says 40. The cluster keeps one value in etcd, so keep the files equal.',
    );
  });

  it('refuses settings Patroni rejects, naming the rule', () => {
    const files = Object.fromEntries(
      Object.entries(fixtureFiles()).map(([path, text]) => [
        path,
        text.replace('retry_timeout: 15', 'retry_timeout: 20'),
      ]),
    );
    expect(() => labParams(files)).toThrow(
      /The lab's files \(content\/lab\/\) give settings the simulator rejects:\n- loop_wait \+ 2 × retry_timeout = 5 \+ 2 × 20 = 45 is more than ttl = 40\./,
    );
  });

  it('refuses a value of the wrong type, naming the file and key', () => {
    expect(() => labParams({ 'patroni/a.yml': 'name: a\nbootstrap:\n  dcs:\n    ttl: "30"\n' })).toThrow(
      'content/lab/patroni/a.yml: bootstrap.dcs.ttl must be a number, not "30".',
    );
    expect(() => labParams({ 'patroni/a.yml': 'scope: x\n' })).toThrow(
      'content/lab/patroni/a.yml: every Patroni file needs a name.',
    );
  });

  it('reads YAML by the rules Patroni reads it with (PyYAML): y is a string, not a boolean', () => {
    const node = 'name: a\nbootstrap:\n  dcs:\n    synchronous_mode: y\n';
    expect(() => labParams({ 'patroni/a.yml': node, 'patroni/b.yml': node.replace('name: a', 'name: b') })).toThrow(
      'content/lab/patroni/a.yml: bootstrap.dcs.synchronous_mode must be a boolean, not "y".',
    );
  });

  it('names the file, line and column of a YAML syntax error', () => {
    expect(() => labParams({ 'patroni/a.yml': 'name: a\nname: b\n' })).toThrow(
      'Not valid YAML:\n- content/lab/patroni/a.yml: YAML syntax error at line 2, column 1: Map keys must be unique',
    );
  });

  it('reads HAProxy times with and without units, and needs the primary section', () => {
    expect(['2000', '500ms', '1s', '1.5s', '2m'].map(haproxyTimeMs)).toEqual([2000, 500, 1000, 1500, 120_000]);
    expect(() => haproxyTimeMs('soon')).toThrow('"soon" is not an HAProxy time');
    expect(readHaproxy('h.cfg', 'listen primary\n  bind :5000\n')).toEqual(DEFAULT_PARAMS.haproxy);
    expect(() => readHaproxy('h.cfg', 'listen stats\n  bind :7000\n')).toThrow(
      'content/lab/h.cfg: no "listen primary" section',
    );
  });
});
