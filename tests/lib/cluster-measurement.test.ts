import { describe, expect, it } from 'vitest';
import { clusterMeasurement, measuredVersions } from '../../src/lab/cluster-measurement.ts';

/** The part of a passed run's results file that articles quote. */
const PASSED = {
  passed: true,
  failover: { leaderLockSeconds: 28, haproxyRoutesSeconds: 30.2, firstWriteSeconds: 30.3 },
  switchover: { haproxyRoutesSeconds: 7.5 },
};

describe("quoting the cluster test's latest run", () => {
  it('gives seconds to a tenth, as the test rounded them', () => {
    expect(clusterMeasurement(PASSED, 'failover.leaderLockSeconds', 'a.mdx')).toBe('28.0');
    expect(clusterMeasurement(PASSED, 'switchover.haproxyRoutesSeconds', 'a.mdx')).toBe('7.5');
  });

  it('refuses an unknown field, listing the known ones', () => {
    expect(() => clusterMeasurement(PASSED, 'failover.oldLeader', 'content/articles/a.mdx')).toThrow(
      'content/articles/a.mdx: <ClusterMeasurement field="failover.oldLeader">: unknown field. Use one of: failover.leaderLockSeconds, failover.haproxyRoutesSeconds, failover.firstWriteSeconds, switchover.haproxyRoutesSeconds.',
    );
  });

  it('refuses a missing file and a run that did not pass, with the fix', () => {
    expect(() => clusterMeasurement(undefined, 'failover.leaderLockSeconds', 'a.mdx')).toThrow(
      'bench-results/cluster.json is missing: run `npm run test:cluster`',
    );
    expect(() => clusterMeasurement({ ...PASSED, passed: false }, 'failover.leaderLockSeconds', 'a.mdx')).toThrow(
      'bench-results/cluster.json: the run did not pass, so its numbers cannot be quoted',
    );
    expect(() => clusterMeasurement({ passed: true, failover: {} }, 'failover.firstWriteSeconds', 'a.mdx')).toThrow(
      'bench-results/cluster.json: failover.firstWriteSeconds must be a number of seconds, not undefined',
    );
  });
});

describe('the versions the cluster test ran', () => {
  it('names them as pages do: Patroni and etcd exactly, PostgreSQL by major version, HAProxy by branch', () => {
    const versions = {
      etcd: '3.4.23',
      patroni: '3.0.2',
      postgresql: '15.18 (Debian 15.18-0+deb12u1)',
      haproxy: '2.6.12-1+deb12u4',
    };
    expect(measuredVersions({ ...PASSED, versions })).toEqual([
      { system: 'Patroni', versions: '3.0.2' },
      { system: 'etcd', versions: '3.4.23' },
      { system: 'PostgreSQL', versions: '15' },
      { system: 'HAProxy', versions: '2.6' },
    ]);
  });

  it('refuses a missing file or a version it cannot read, with the fix', () => {
    expect(() => measuredVersions(undefined)).toThrow('bench-results/cluster.json is missing');
    expect(() => measuredVersions({ versions: { etcd: '3.4.23', patroni: '' } })).toThrow(
      'bench-results/cluster.json: versions.patroni is "", not a version',
    );
  });
});
