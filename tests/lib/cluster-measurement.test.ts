import { describe, expect, it } from 'vitest';
import { clusterMeasurement } from '../../src/lab/cluster-measurement.ts';

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
